package com.sessionconsole.live.ui;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.GroupSummary;
import com.sessionconsole.domain.Session;
import com.sessionconsole.live.GroupIndex;
import com.sessionconsole.live.Snapshot;
import com.sessionconsole.ui.ChartData;
import com.sessionconsole.ui.SessionTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Turns one {@link ViewRequest} into the rows every table shows: filter, sort, group and chart, off the FX thread. */
final class ViewComputer {
    private static final Logger log = LoggerFactory.getLogger(ViewComputer.class);
    private final ShownRows shownRows = new ShownRows();

    ViewData compute(ViewRequest r) {
        long t0 = System.nanoTime();
        ViewData data = build(r);
        long took = System.nanoTime() - t0;
        if (took > 100_000_000L) {
            log.info("slow view update of {} rows: filter, sort and group took {} ms off the FX thread", data.sessions().size(), took / 1_000_000);
        }
        return data;
    }

    private ViewData build(ViewRequest r) {
        Snapshot s = r.snapshot();
        ShownRows.Result result = shownRows.update(s, r.delta(), r.fromVersion(), r.filter(), r.pivot(), r.order(), r.now());
        List<Session> shown = result.rows();
        boolean narrowed = shown.size() != s.sessions().size();
        Map<GroupBy, List<GroupSummary>> groupData = new EnumMap<>(GroupBy.class);
        Map<GroupBy, List<Session>> detailData = new EnumMap<>(GroupBy.class);
        Set<GroupBy> counted = EnumSet.noneOf(GroupBy.class);
        for (GroupBy by : GroupBy.values()) {
            if (narrowed ? by == r.visibleGroup() : s.groups().containsKey(by)) {
                counted.add(by);
            }
            List<GroupSummary> source = !narrowed ? s.groups().getOrDefault(by, List.of())
                    : by == r.visibleGroup() ? GroupIndex.of(by, shown).summaries() : List.of();
            List<GroupSummary> list = new ArrayList<>(source);
            Comparator<GroupSummary> order = r.groupOrders().get(by);
            if (order != null) {
                list.sort(order.thenComparing(GroupIndex.ORDER));
            }
            groupData.put(by, list);
            ViewRequest.Selection sel = r.selections().get(by);
            detailData.put(by, sel == null ? List.of() : shown.stream().filter(x -> Objects.equals(x.key(by), sel.key()))
                    .sorted(Session.NEWEST_FIRST).toList());
        }
        // sessions that expired since the snapshot are no longer active, though the next poll has not said so yet
        int active = (int) s.sessions().stream().filter(x -> x.expiresAt().isAfter(r.now())).count();
        return new ViewData(shown, groupData, counted, detailData, active, SessionTable.widestAddress(shown, Session::ipAddress),
                SessionTable.widestTrust(shown, Session::trustLevel), charts(r, shown), result.nextChange());
    }

    /** The location and trust charts are computed only while they are unfolded. */
    private static ChartData charts(ViewRequest r, List<Session> shown) {
        if (!r.charts()) {
            return new ChartData(r.samples(), Map.of(), new long[11]);
        }
        Map<String, Long> locations = new HashMap<>();
        long[] trust = new long[11];
        for (Session x : shown) {
            locations.merge(x.location() == null ? "(empty)" : x.location(), 1L, Long::sum);
            if (x.trustLevel() != null) {
                trust[Math.max(0, Math.min(10, x.trustLevel() / 10))]++;
            }
        }
        Map<String, Long> top = new LinkedHashMap<>();
        locations.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(8).forEach(e -> top.put(e.getKey(), e.getValue()));
        return new ChartData(r.samples(), top, trust);
    }
}
