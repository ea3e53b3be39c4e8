package com.sessionconsole.live;

import com.sessionconsole.domain.ReplicaLag;

import java.time.Duration;
import java.time.Instant;

/** What the poller reports after each tick. */
public sealed interface PollEvent {

    /**
     * A tick succeeded; {@code snapshot} is the whole active set after it. {@code replica} is how far the
     * read replica was behind, measured by a real poll with a replica; null otherwise.
     */
    record Updated(Snapshot snapshot, SessionDelta delta, Instant at, Duration took, ReplicaLag replica) implements PollEvent {
    }

    /** A tick failed; the previous data stays valid but ages. */
    record Failed(String message, boolean connectionLost, Instant at, Instant lastSuccess, Duration retryIn) implements PollEvent {
    }
}
