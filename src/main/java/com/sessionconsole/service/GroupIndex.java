package com.sessionconsole.service;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.GroupSummary;
import com.sessionconsole.domain.Session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Summaries of active sessions by user, device or IP, kept up to date in O(changes): adding or
 * removing a session touches only its own group. NULL keys form a group of their own.
 */
public final class GroupIndex {
    private final GroupBy by;
    private final Map<String, Stats> groups = new HashMap<>();
    // Summaries are rebuilt only for groups that changed since the last call; NULL is a valid key.
    private final Map<String, GroupSummary> cache = new HashMap<>();
    private final java.util.Set<String> dirty = new java.util.HashSet<>();
    private List<GroupSummary> sorted = List.of();

    public GroupIndex(GroupBy by) {
        this.by = by;
    }

    public static GroupIndex of(GroupBy by, Iterable<Session> sessions) {
        GroupIndex index = new GroupIndex(by);
        sessions.forEach(index::add);
        return index;
    }

    public void add(Session s) {
        String key = s.key(by);
        groups.computeIfAbsent(key, k -> new Stats(by)).add(s);
        dirty.add(key);
    }

    public void remove(Session s) {
        String key = s.key(by);
        Stats stats = groups.get(key);
        if (stats != null && stats.remove(s)) {
            groups.remove(key);
        }
        dirty.add(key);
    }

    public int size() {
        return groups.size();
    }

    public GroupSummary summary(String key) {
        Stats s = groups.get(key);
        return s == null ? null : s.summary(by, key);
    }

    /**
     * Most sessions first, then by key, NULL first: the order the CLI and the database use. Only the
     * groups touched since the last call are summarized again; with no change the same list returns.
     */
    public List<GroupSummary> summaries() {
        if (dirty.isEmpty()) {
            return sorted;
        }
        for (String key : dirty) {
            Stats stats = groups.get(key);
            if (stats == null) {
                cache.remove(key);
            } else {
                cache.put(key, stats.summary(by, key));
            }
        }
        dirty.clear();
        List<GroupSummary> out = new ArrayList<>(cache.values());
        out.sort(ORDER);
        sorted = List.copyOf(out);
        return sorted;
    }

    public static final Comparator<GroupSummary> ORDER = Comparator.comparingLong(GroupSummary::activeSessions).reversed()
            .thenComparing(GroupSummary::key, Comparator.nullsFirst(Comparator.naturalOrder()));

    private static final class Stats {
        private final GroupBy own;
        private long count;
        private final Map<GroupBy, Map<String, Integer>> distinct = new EnumMap<>(GroupBy.class);

        Stats(GroupBy own) {
            this.own = own;
        }
        private final TreeMap<Integer, Integer> trust = new TreeMap<>();
        private final TreeMap<Instant, Integer> created = new TreeMap<>();

        void add(Session s) {
            count++;
            for (GroupBy d : GroupBy.values()) {
                if (d != own) { // a group has exactly one value of its own key
                    distinct.computeIfAbsent(d, x -> new HashMap<>()).merge(s.key(d), 1, Integer::sum);
                }
            }
            if (s.trustLevel() != null) {
                trust.merge(s.trustLevel(), 1, Integer::sum);
            }
            if (s.createdAt() != null) {
                created.merge(s.createdAt(), 1, Integer::sum);
            }
        }

        /** Returns true when the group is now empty. */
        boolean remove(Session s) {
            count--;
            for (GroupBy d : GroupBy.values()) {
                if (d != own) {
                    decrement(distinct.get(d), s.key(d));
                }
            }
            if (s.trustLevel() != null) {
                decrement(trust, s.trustLevel());
            }
            if (s.createdAt() != null) {
                decrement(created, s.createdAt());
            }
            return count <= 0;
        }

        private static <K> void decrement(Map<K, Integer> counts, K key) {
            if (counts != null) {
                counts.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
            }
        }

        GroupSummary summary(GroupBy by, String key) {
            return new GroupSummary(by, key, count, size(GroupBy.USER), size(GroupBy.IP), size(GroupBy.DEVICE),
                    created.isEmpty() ? null : created.firstKey(), created.isEmpty() ? null : created.lastKey(),
                    trust.isEmpty() ? null : trust.firstKey());
        }

        private long size(GroupBy d) {
            if (d == own) {
                return 1;
            }
            Map<String, Integer> m = distinct.get(d);
            return m == null ? 0 : m.size();
        }
    }
}
