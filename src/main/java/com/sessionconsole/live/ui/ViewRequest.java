package com.sessionconsole.live.ui;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.GroupSummary;
import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.SessionFilter;
import com.sessionconsole.live.SessionDelta;
import com.sessionconsole.live.Snapshot;
import com.sessionconsole.ui.ChartData;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Every input of one recompute, captured on the FX thread in one step so that the worker never reads
 * state that changes under it. {@code delta} leads to {@code snapshot} from version {@code fromVersion}
 * (null when the snapshot did not change: a new filter, sort, selection or a time boundary).
 */
record ViewRequest(Snapshot snapshot, SessionDelta delta, long fromVersion, SessionFilter filter, Pivot pivot,
                   Comparator<Session> order, Map<GroupBy, Selection> selections, Map<GroupBy, Comparator<GroupSummary>> groupOrders,
                   GroupBy visibleGroup, boolean charts, List<ChartData.Sample> samples, Instant now) {

    /** A selected group key; a record so that a NULL key can be selected too. */
    record Selection(String key) {
    }

    ViewRequest {
        selections = Map.copyOf(selections);
        groupOrders = Map.copyOf(groupOrders);
        samples = List.copyOf(samples);
    }
}
