package com.sessionconsole.live;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.GroupSummary;
import com.sessionconsole.domain.Session;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The client's copy of the active set and its group summaries, changed only by applying deltas.
 * A group index is built the first time its summaries are asked for, and kept up to date from then
 * on, so a console that only shows the Sessions view never pays for grouping.
 * Confined to the poller's thread; others see it through immutable {@link Snapshot}s.
 */
public final class LiveSessions {
    private final Map<UUID, Session> byId = new HashMap<>();
    private final Map<GroupBy, GroupIndex> groups = new EnumMap<>(GroupBy.class);
    private Instant serverNow;
    private List<Session> sessionsCopy = List.of();
    private boolean changed = true;
    private long version;

    /** Applies the delta and returns the ids that were not there before. */
    public Set<UUID> apply(SessionDelta delta) {
        Set<UUID> added = new HashSet<>();
        if (delta.full()) {
            // the first load marks nothing as new; a reload after a failure marks what it did not hold
            Set<UUID> before = byId.isEmpty() ? null : new HashSet<>(byId.keySet());
            byId.clear();
            groups.clear();
            for (Session s : delta.upserts()) {
                put(s);
                if (before != null && !before.contains(s.id())) {
                    added.add(s.id());
                }
            }
        } else {
            for (UUID id : delta.removed()) {
                Session old = byId.remove(id);
                if (old != null) {
                    groups.values().forEach(g -> g.remove(old));
                }
            }
            for (Session s : delta.upserts()) {
                Session old = byId.get(s.id());
                if (old != null) {
                    groups.values().forEach(g -> g.remove(old));
                } else {
                    added.add(s.id());
                }
                put(s);
            }
        }
        serverNow = delta.serverNow();
        if (!delta.isEmpty()) {
            changed = true;
            version++;
        }
        return added;
    }

    private void put(Session s) {
        byId.put(s.id(), s);
        groups.values().forEach(g -> g.add(s));
    }

    /** The server time of the last applied poll. */
    public Instant snapshotServerNow() {
        return serverNow;
    }

    /** How many changes were applied so far; see {@link Snapshot#version()}. */
    public long version() {
        return version;
    }

    public int size() {
        return byId.size();
    }

    public Session get(UUID id) {
        return byId.get(id);
    }

    /**
     * An immutable copy for other threads; {@code fresh} are the ids that arrived in this tick. Group
     * summaries are included only for {@code summarized}: nobody looks at the others right now, and a
     * dimension missing from the snapshot's map has not been counted.
     */
    public Snapshot snapshot(Set<UUID> fresh, Set<GroupBy> summarized) {
        Map<GroupBy, List<GroupSummary>> summaries = new EnumMap<>(GroupBy.class);
        for (GroupBy by : summarized) {
            summaries.put(by, groups.computeIfAbsent(by, b -> GroupIndex.of(b, byId.values())).summaries());
        }
        if (changed) {
            sessionsCopy = List.copyOf(byId.values());
            changed = false;
        }
        return new Snapshot(sessionsCopy, summaries, fresh, serverNow, version);
    }
}
