package com.sessionconsole.live;

import com.sessionconsole.domain.Narrowing;
import com.sessionconsole.domain.ReplicaLag;

import java.time.Duration;
import java.time.Instant;

/**
 * What the poller reports after each tick. {@code seq} grows by one per event: a consumer that sees an
 * event with a lower seq than one it already took is looking at an older result and drops it.
 */
public sealed interface PollEvent {
    long seq();

    /** What produced an update: a real poll of the database, a summary asked for by a view, or this console's own revoke. */
    enum Kind { POLL, SUMMARY, REVOKE }

    /**
     * The active set changed or was read; {@code snapshot} is the whole active set after it, and {@code delta}
     * leads to it from the snapshot with version {@code fromVersion}. {@code at} is the local time at which
     * the snapshot's server clock was read (for a summary or a revoke: that of the last poll), so that
     * {@code snapshot.serverNow() + (now - at)} estimates the server's clock. {@code replica} is how far the
     * read replica was behind, measured by a poll with a replica; null otherwise. {@code narrowing} is the
     * part of the active set the snapshot holds.
     */
    record Updated(long seq, Kind kind, Snapshot snapshot, SessionDelta delta, long fromVersion, Instant at, Duration took,
                   ReplicaLag replica, Narrowing narrowing) implements PollEvent {
        /** An update of the whole active set. */
        public Updated(long seq, Kind kind, Snapshot snapshot, SessionDelta delta, long fromVersion, Instant at, Duration took,
                       ReplicaLag replica) {
            this(seq, kind, snapshot, delta, fromVersion, at, took, replica, Narrowing.NONE);
        }
    }

    /** A tick failed; the previous data stays valid but ages. */
    record Failed(long seq, String message, boolean connectionLost, Instant at, Instant lastSuccess, Duration retryIn) implements PollEvent {
    }
}
