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

/**
 * The Sessions view's rows, filtered and sorted, kept from one tick to the next. A tick's delta is
 * applied by binary search (a few list moves per change) instead of filtering and sorting every row
 * again, but only when it leads from exactly the snapshot these rows were built from and no time
 * boundary (an expiry, the edge of "created within 30m") has passed since; anything else rebuilds.
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
        boolean incremental = delta != null && !delta.full() && fromVersion == baseVersion
                && f.equals(filter) && Objects.equals(p, pivot) && sort == order
                && (nextChange == null || now.isBefore(nextChange));
        if (incremental) {
            for (UUID id : delta.removed()) {
                remove(byId.remove(id));
            }
            for (Session x : delta.upserts()) {
                remove(byId.remove(x.id()));
                consider(x, f, p, now, true);
            }
        } else {
            rows.clear();
            byId.clear();
            nextChange = null;
            for (Session x : s.sessions()) {
                consider(x, f, p, now, false);
            }
            rows.sort(sort);
        }
        baseVersion = s.version();
        filter = f;
        pivot = p;
        order = sort;
        return new Result(List.copyOf(rows), nextChange);
    }

    private void consider(Session x, SessionFilter f, Pivot p, Instant now, boolean sorted) {
        if (f.isTimeRelative()) {
            earlier(f.changesAt(x, now));
        }
        if (x.expiresAt().isAfter(now)) {
            earlier(x.expiresAt()); // hidden rows too: the count of active sessions drops when they expire
        }
        if (visible(x, f, p, now)) {
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

    private static boolean visible(Session x, SessionFilter f, Pivot p, Instant now) {
        return x.expiresAt().isAfter(now) && (p == null || p.matches(x)) && (f.isEmpty() || f.matches(x, now));
    }
}
