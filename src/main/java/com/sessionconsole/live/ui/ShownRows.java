package com.sessionconsole.live.ui;

import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.SessionFilter;
import com.sessionconsole.domain.Timestamps;
import com.sessionconsole.live.SessionDelta;
import com.sessionconsole.live.Snapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The Sessions view's rows, filtered and sorted, kept from one tick to the next. Two lists are kept in the
 * view's order: every session of the snapshot, and the ones the filter and pivot show. A tick's delta is
 * applied to both by binary search; a new filter or pivot is one pass over the sorted list, with no sort;
 * expired rows are swept out in place. Only a new sort order, a full load or a snapshot the lists did not
 * follow sorts everything again. Confined to the view lane: one update at a time, in order, with no lock.
 */
final class ShownRows {
    /** The rows, and the next instant at which a row leaves or enters the view by time alone (null: none). */
    record Result(List<Session> rows, Instant nextChange) {
    }

    private long baseVersion = -1;
    private SessionFilter filter;
    private Pivot pivot;
    private Comparator<Session> order;
    private final ArrayList<Session> all = new ArrayList<>();
    private Map<UUID, Session> byId = new HashMap<>();
    private final ArrayList<Session> rows = new ArrayList<>();
    private Instant nextChange;

    /**
     * @param delta the changes that lead to {@code s} from the snapshot with version {@code fromVersion}, or null
     */
    Result update(Snapshot s, SessionDelta delta, long fromVersion, SessionFilter f, Pivot p,
                               Comparator<Session> sort, Instant now) {
        Predicate<Session> matches = f.isEmpty() ? x -> true : f.matcher(now);
        boolean follows = sort == order && (delta == null ? s.version() == baseVersion : !delta.full() && fromVersion == baseVersion);
        if (!follows) {
            resort(s, sort);
        }
        boolean sameView = follows && f.equals(filter) && Objects.equals(p, pivot);
        boolean boundaryPassed = nextChange != null && !now.isBefore(nextChange);
        if (follows && boundaryPassed && !f.isTimeRelative()) {
            sweepExpired(now);
        }
        // the edge of a time filter can let rows in as well as out, so it filters again
        if (sameView && !(boundaryPassed && f.isTimeRelative())) {
            if (follows && delta != null) {
                applyDelta(delta, f, p, now, matches);
            }
        } else {
            if (follows && delta != null) {
                applyDelta(delta, f, p, now, matches);
            }
            refilter(s, f, p, now, matches);
        }
        baseVersion = s.version();
        filter = f;
        pivot = p;
        order = sort;
        return new Result(List.copyOf(rows), nextChange);
    }

    /** Every session of the snapshot, sorted once. */
    private void resort(Snapshot s, Comparator<Session> sort) {
        all.clear();
        byId = new HashMap<>(s.sessions().size() * 4 / 3 + 16); // sized at once: no rehash of a million entries
        all.ensureCapacity(s.sessions().size());
        all.addAll(s.sessions());
        if (sort == Session.NEWEST_FIRST) {
            sortNewestFirst(all);
        } else {
            all.sort(sort);
        }
        for (Session x : all) {
            byId.put(x.id(), x);
        }
        order = sort;
        filter = null; // the shown rows must be filtered again from the new list
    }

    /** The shown rows from the sorted list: one pass, no sort. The next time boundary is looked up among every row. */
    private void refilter(Snapshot s, SessionFilter f, Pivot p, Instant now, Predicate<Session> matches) {
        rows.clear();
        nextChange = null;
        for (Session x : all) {
            if (f.isTimeRelative()) {
                earlier(f.changesAt(x, now));
            }
            if (x.expiresAt().isAfter(now)) {
                earlier(x.expiresAt()); // hidden rows too: the count of active sessions drops when they expire
                if ((p == null || p.matches(x)) && matches.test(x)) {
                    rows.add(x);
                }
            }
        }
    }

    private void applyDelta(SessionDelta delta, SessionFilter f, Pivot p, Instant now, Predicate<Session> matches) {
        for (UUID id : delta.removed()) {
            forget(byId.remove(id));
        }
        for (Session x : delta.upserts()) {
            forget(byId.remove(x.id()));
            insert(all, x);
            byId.put(x.id(), x);
            if (f.isTimeRelative()) {
                earlier(f.changesAt(x, now));
            }
            if (x.expiresAt().isAfter(now)) {
                earlier(x.expiresAt());
                if ((p == null || p.matches(x)) && matches.test(x)) {
                    insert(rows, x);
                }
            }
        }
    }

    /** Takes out the rows that expired, without sorting anything again; the next expiry is looked up among every row. */
    private void sweepExpired(Instant now) {
        rows.removeIf(x -> !x.expiresAt().isAfter(now));
        nextChange = null;
        for (Session x : all) {
            if (x.expiresAt().isAfter(now)) {
                earlier(x.expiresAt());
            }
        }
    }

    private void forget(Session old) {
        if (old != null) {
            remove(all, old);
            remove(rows, old);
        }
    }

    private void insert(ArrayList<Session> list, Session x) {
        int at = Collections.binarySearch(list, x, order);
        list.add(at < 0 ? -at - 1 : at, x);
    }

    private void remove(ArrayList<Session> list, Session old) {
        int at = Collections.binarySearch(list, old, order);
        if (at >= 0) {
            list.remove(at);
        }
    }

    /** Bits for the index in a packed sort key; the creation time gets the other 42 bits (about 50 days in microseconds). */
    private static final int INDEX_BITS = 21;
    private static final long MAX_SPAN = (1L << (63 - INDEX_BITS)) - 1;

    /**
     * Sorts exactly as {@link Session#NEWEST_FIRST}, fast: when every creation time is known and they span
     * less than about 50 days (the usual active set), each session becomes one long (microseconds below the
     * newest, then its index) and a primitive sort orders a million in a fraction of the comparator's time.
     * Sessions created in the same microsecond are then put in the comparator's order among themselves.
     */
    static void sortNewestFirst(List<Session> list) {
        int n = list.size();
        if (n == 0 || n >= (1 << INDEX_BITS)) {
            list.sort(Session.NEWEST_FIRST);
            return;
        }
        long newest = Long.MIN_VALUE;
        long oldest = Long.MAX_VALUE;
        long[] micros = new long[n];
        for (int i = 0; i < n; i++) {
            Instant c = list.get(i).createdAt();
            if (c == null || !Timestamps.isFinite(c) || c.getEpochSecond() > 9_000_000_000L || c.getEpochSecond() < -9_000_000_000L) {
                list.sort(Session.NEWEST_FIRST);
                return;
            }
            micros[i] = c.getEpochSecond() * 1_000_000L + c.getNano() / 1000;
            newest = Math.max(newest, micros[i]);
            oldest = Math.min(oldest, micros[i]);
        }
        if (newest - oldest > MAX_SPAN) {
            list.sort(Session.NEWEST_FIRST);
            return;
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = ((newest - micros[i]) << INDEX_BITS) | i;
        }
        Arrays.sort(keys);
        Session[] sorted = new Session[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = list.get((int) (keys[i] & ((1L << INDEX_BITS) - 1)));
        }
        for (int from = 0; from < n; ) {
            int to = from + 1;
            while (to < n && keys[to] >>> INDEX_BITS == keys[from] >>> INDEX_BITS) {
                to++;
            }
            if (to - from > 1) {
                Arrays.sort(sorted, from, to, Session.NEWEST_FIRST); // same microsecond: nanoseconds, then id
            }
            from = to;
        }
        for (int i = 0; i < n; i++) {
            list.set(i, sorted[i]);
        }
    }

    private void earlier(Instant t) {
        if (t != null && Timestamps.isFinite(t) && (nextChange == null || t.isBefore(nextChange))) {
            nextChange = t;
        }
    }
}
