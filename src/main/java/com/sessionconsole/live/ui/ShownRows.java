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
 * The Sessions view's rows, filtered and sorted, kept from one tick to the next. A tick's delta is
 * applied by binary search (a few list moves per change) instead of filtering and sorting every row
 * again, but only when it leads from exactly the snapshot these rows were built from; expired rows are
 * swept out in place. A new filter, pivot or sort, a full load, or the edge of a time filter ("created
 * within 30m") rebuilds.
 */
final class ShownRows {
    /** The rows, and the next instant at which a row leaves or enters the view by time alone (null: none). */
    record Result(List<Session> rows, Instant nextChange) {
    }

    private long baseVersion = -1;
    private SessionFilter filter;
    private Pivot pivot;
    private Comparator<Session> order;
    private final ArrayList<Session> rows = new ArrayList<>();
    private final Map<UUID, Session> byId = new HashMap<>();
    private Instant nextChange;

    /**
     * @param delta the changes that lead to {@code s} from the snapshot with version {@code fromVersion}, or null
     */
    synchronized Result update(Snapshot s, SessionDelta delta, long fromVersion, SessionFilter f, Pivot p,
                               Comparator<Session> sort, Instant now) {
        Predicate<Session> matches = f.isEmpty() ? x -> true : f.matcher(now);
        boolean sameView = f.equals(filter) && Objects.equals(p, pivot) && sort == order;
        boolean follows = delta == null ? s.version() == baseVersion : !delta.full() && fromVersion == baseVersion;
        boolean boundaryPassed = nextChange != null && !now.isBefore(nextChange);
        // expiries alone are swept in place; the edge of a time filter can also let rows in, so that rebuilds
        if (sameView && follows && (!boundaryPassed || !f.isTimeRelative())) {
            if (boundaryPassed) {
                sweepExpired(s, now);
            }
            if (delta != null) {
                for (UUID id : delta.removed()) {
                    remove(byId.remove(id));
                }
                for (Session x : delta.upserts()) {
                    remove(byId.remove(x.id()));
                    consider(x, f, p, now, matches, true);
                }
            }
        } else {
            rows.clear();
            byId.clear();
            nextChange = null;
            for (Session x : s.sessions()) {
                consider(x, f, p, now, matches, false);
            }
            rows.sort(sort);
        }
        baseVersion = s.version();
        filter = f;
        pivot = p;
        order = sort;
        return new Result(List.copyOf(rows), nextChange);
    }

    /** Takes out the rows that expired, without sorting anything again; the next expiry is looked up among every row. */
    private void sweepExpired(Snapshot s, Instant now) {
        rows.removeIf(x -> {
            boolean expired = !x.expiresAt().isAfter(now);
            if (expired) {
                byId.remove(x.id());
            }
            return expired;
        });
        nextChange = null;
        for (Session x : s.sessions()) {
            if (x.expiresAt().isAfter(now)) {
                earlier(x.expiresAt());
            }
        }
    }

    private void consider(Session x, SessionFilter f, Pivot p, Instant now, Predicate<Session> matches, boolean sorted) {
        if (f.isTimeRelative()) {
            earlier(f.changesAt(x, now));
        }
        if (x.expiresAt().isAfter(now)) {
            earlier(x.expiresAt()); // hidden rows too: the count of active sessions drops when they expire
        }
        if (x.expiresAt().isAfter(now) && (p == null || p.matches(x)) && matches.test(x)) {
            if (sorted) {
                int at = Collections.binarySearch(rows, x, order);
                rows.add(at < 0 ? -at - 1 : at, x);
            } else {
                rows.add(x);
            }
            byId.put(x.id(), x);
        }
    }

    private void earlier(Instant t) {
        if (t != null && Timestamps.isFinite(t) && (nextChange == null || t.isBefore(nextChange))) {
            nextChange = t;
        }
    }

    private void remove(Session old) {
        if (old != null) {
            int at = Collections.binarySearch(rows, old, order);
            if (at >= 0) {
                rows.remove(at);
            }
        }
    }
}
