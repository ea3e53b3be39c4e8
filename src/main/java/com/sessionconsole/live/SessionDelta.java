package com.sessionconsole.live;

import com.sessionconsole.domain.Session;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What changed in the active set since the previous poll: rows that are new or changed, and ids that
 * are no longer active. A {@code full} delta replaces everything the client held.
 */
public record SessionDelta(List<Session> upserts, Set<UUID> removed, Instant serverNow, boolean full) {
    public SessionDelta {
        upserts = List.copyOf(upserts);
        removed = Set.copyOf(removed);
    }

    public boolean isEmpty() {
        return !full && upserts.isEmpty() && removed.isEmpty();
    }
}
