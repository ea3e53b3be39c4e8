package com.sessionconsole.live;

import com.sessionconsole.domain.CodePointOrder;
import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.GroupSummary;
import com.sessionconsole.domain.Session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Summaries of active sessions by user, device or IP, kept up to date in O(changes): adding or
 * removing a session touches only its own group. NULL keys form a group of their own.
 */
public final class GroupIndex {
    private final GroupBy by;
    private final Map<String, Stats> groups = new HashMap<>();
    // Summaries are rebuilt only for groups that changed since the last call; NULL is a valid key.
    private final Map<String, GroupSummary> cache = new HashMap<>();
    private final Set<String> dirty = new HashSet<>();
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



    /**
     * Most sessions first, then by key, NULL first: the order the CLI and the database use. Only the
     * groups touched since the last call are summarized again; with no change the same list returns.
     */
    public List<GroupSummary> summaries() {
        if (dirty.isEmpty()) {
            return sorted;
        }
        boolean rebuild = dirty.size() > cache.size() / 8;
        List<GroupSummary> list = rebuild ? null : new ArrayList<>(sorted);
        for (String key : dirty) {
            GroupSummary old = cache.remove(key);
            Stats stats = groups.get(key);
            GroupSummary now = stats == null ? null : stats.summary(by, key);
            if (now != null) {
                cache.put(key, now);
            }
            if (!rebuild) {
                // few changes: move each changed summary to its place instead of sorting everything again
                if (old != null) {
                    list.remove(Collections.binarySearch(list, old, ORDER));
                }
                if (now != null) {
                    list.add(-Collections.binarySearch(list, now, ORDER) - 1, now);
                }
            }
        }
        dirty.clear();
        if (rebuild) {
            list = new ArrayList<>(cache.values());
            list.sort(ORDER);
        }
        sorted = Collections.unmodifiableList(list);
        return sorted;
    }

    public static final Comparator<GroupSummary> ORDER = Comparator.comparingLong(GroupSummary::activeSessions).reversed()
            .thenComparing(GroupSummary::key, Comparator.nullsFirst(CodePointOrder.INSTANCE));

    /**
     * The members of one group. Adding is O(1); removing is O(group size); the summary is computed
     * from the members only when the group changed, which is far cheaper than keeping sorted
     * multisets up to date on every add.
     */
    private static final class Stats {
        private final GroupBy own;
        private final List<Session> members = new ArrayList<>(2);

        Stats(GroupBy own) {
            this.own = own;
        }

        void add(Session s) {
            members.add(s);
        }

        /** Returns true when the group is now empty. */
        boolean remove(Session s) {
            for (int i = members.size() - 1; i >= 0; i--) {
                if (members.get(i).id().equals(s.id())) {
                    members.remove(i);
                    break;
                }
            }
            return members.isEmpty();
        }

        GroupSummary summary(GroupBy by, String key) {
            Instant first = null;
            Instant last = null;
            Integer lowest = null;
            Map<GroupBy, Set<String>> distinct = new EnumMap<>(GroupBy.class);
            for (GroupBy d : GroupBy.values()) {
                if (d != own) {
                    distinct.put(d, new HashSet<>());
                }
            }
            for (Session m : members) {
                distinct.forEach((d, set) -> set.add(m.key(d)));
                Instant c = m.createdAt();
                if (c != null) {
                    first = first == null || c.isBefore(first) ? c : first;
                    last = last == null || c.isAfter(last) ? c : last;
                }
                Integer t = m.trustLevel();
                if (t != null && (lowest == null || t < lowest)) {
                    lowest = t;
                }
            }
            return new GroupSummary(by, key, members.size(), size(distinct, GroupBy.USER), size(distinct, GroupBy.IP),
                    size(distinct, GroupBy.DEVICE), first, last, lowest);
        }

        private long size(Map<GroupBy, Set<String>> distinct, GroupBy d) {
            return d == own ? 1 : distinct.get(d).size();
        }
    }
}
