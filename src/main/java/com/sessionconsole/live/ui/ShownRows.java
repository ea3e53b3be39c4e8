package com.sessionconsole.live.ui;

import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.SessionFilter;
import com.sessionconsole.domain.Timestamps;
import com.sessionconsole.live.SessionDelta;
import com.sessionconsole.live.Snapshot;

import java.time.Instant;
import java.util.ArrayList;
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
 * follow sorts everything again.
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
    private final Map<UUID, Session> byId = new HashMap<>();
    private final ArrayList<Session> rows = new ArrayList<>();
    private Instant nextChange;

    /**
     * @param delta the changes that lead to {@code s} from the snapshot with version {@code fromVersion}, or null
     */
    synchronized Result update(Snapshot s, SessionDelta delta, long fromVersion, SessionFilter f, Pivot p,
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
        byId.clear();
        all.ensureCapacity(s.sessions().size());
        all.addAll(s.sessions());
        all.sort(sort);
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

    private void earlier(Instant t) {
        if (t != null && Timestamps.isFinite(t) && (nextChange == null || t.isBefore(nextChange))) {
            nextChange = t;
        }
    }
}
