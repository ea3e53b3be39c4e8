package com.sessionconsole.live;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.GroupSummary;
import com.sessionconsole.domain.Session;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The active set at one tick, with the ids that are new in this tick and the group summaries that
 * were asked for (the others are empty lists). {@code version} counts the changes applied to the set
 * so far: two snapshots with the same version hold the same sessions. Immutable.
 */
public record Snapshot(List<Session> sessions, Map<GroupBy, List<GroupSummary>> groups, Set<UUID> fresh, Instant serverNow, long version) {
    public static final Snapshot EMPTY = new Snapshot(List.of(), Map.of(GroupBy.USER, List.of(), GroupBy.DEVICE, List.of(),
            GroupBy.IP, List.of()), Set.of(), Instant.EPOCH, 0);

    public Snapshot {
        sessions = List.copyOf(sessions); // no copy when it already is an immutable list
        groups = Map.copyOf(groups);
        fresh = Set.copyOf(fresh);
    }

    /** The same set without the "new in this tick" marks (the first load marks nothing as new). */
    public Snapshot withoutFresh() {
        return new Snapshot(sessions, groups, Set.of(), serverNow, version);
    }
}
