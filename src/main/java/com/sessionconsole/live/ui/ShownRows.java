package com.sessionconsole.live.ui;

import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.SessionFilter;
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
 * again; anything else (a new filter, pivot or sort, an expiry, a full load) rebuilds.
 */
final class ShownRows {
    record Result(List<Session> rows, Instant nextExpiry) {
    }

    private Snapshot base;
    private SessionFilter filter;
    private Pivot pivot;
    private Comparator<Session> order;
    private final ArrayList<Session> rows = new ArrayList<>();
    private final Map<UUID, Session> byId = new HashMap<>();
    private Instant nextExpiry;

    /**
     * @param previous the snapshot that {@code delta} leads from, or null when there is no delta to apply
     */
    synchronized Result update(Snapshot s, Snapshot previous, SessionDelta delta, SessionFilter f, Pivot p,
                               Comparator<Session> sort, Instant now) {
        boolean incremental = delta != null && !delta.full() && previous != null && previous == base
                && f.equals(filter) && Objects.equals(p, pivot) && sort == order;
        if (incremental) {
            for (UUID id : delta.removed()) {
                remove(byId.remove(id));
            }
            for (Session x : delta.upserts()) {
                remove(byId.remove(x.id()));
                if (visible(x, f, p, now)) {
                    int at = Collections.binarySearch(rows, x, sort);
                    rows.add(at < 0 ? -at - 1 : at, x);
                    byId.put(x.id(), x);
                    nextExpiry = nextExpiry == null || x.expiresAt().isBefore(nextExpiry) ? x.expiresAt() : nextExpiry;
                }
            }
        } else {
            rows.clear();
            byId.clear();
            nextExpiry = null;
            for (Session x : s.sessions()) {
                if (visible(x, f, p, now)) {
                    rows.add(x);
                    byId.put(x.id(), x);
                    nextExpiry = nextExpiry == null || x.expiresAt().isBefore(nextExpiry) ? x.expiresAt() : nextExpiry;
                }
            }
            rows.sort(sort);
        }
        base = s;
        filter = f;
        pivot = p;
        order = sort;
        return new Result(List.copyOf(rows), nextExpiry);
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
