package com.sessionconsole.live.ui;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.GroupSummary;
import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.SessionFilter;
import com.sessionconsole.live.SessionDelta;
import com.sessionconsole.live.Snapshot;
import com.sessionconsole.ui.ChartData;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the analyst chose about the live tables (sort orders, the selected groups, which group view and whether the
 * charts are showing) and the poll samples the charts draw, captured into a {@link ViewRequest}. FX thread only.
 */
final class ViewChoices {
    static final int MAX_SAMPLES = 720;

    private final ArrayDeque<ChartData.Sample> samples = new ArrayDeque<>();
    private final Map<GroupBy, Comparator<GroupSummary>> groupOrders = new EnumMap<>(GroupBy.class);
    private final Map<GroupBy, ViewRequest.Selection> selections = new EnumMap<>(GroupBy.class);
    private Comparator<Session> order = Session.NEWEST_FIRST;
    private GroupBy visibleGroup;
    private boolean chartsVisible;

    /** One poll's count for the charts; the oldest beyond {@link #MAX_SAMPLES} drop out. */
    void sample(ChartData.Sample sample) {
        samples.addLast(sample);
        while (samples.size() > MAX_SAMPLES) {
            samples.pollFirst();
        }
    }

    void sessionOrder(Comparator<Session> newOrder) {
        order = newOrder == null ? Session.NEWEST_FIRST : newOrder.thenComparing(Session::id);
    }

    void groupOrder(GroupBy by, Comparator<GroupSummary> newOrder) {
        groupOrders.compute(by, (k, old) -> newOrder); // null removes it
    }

    /** Answers whether the selection changed; a {@code null} group means no selection. */
    boolean select(GroupBy by, GroupSummary group) {
        ViewRequest.Selection next = group == null ? null : new ViewRequest.Selection(group.key());
        if (Objects.equals(selections.get(by), next)) {
            return false;
        }
        selections.compute(by, (k, old) -> next); // null removes it
        return true;
    }

    void visibleGroup(GroupBy by) {
        visibleGroup = by;
    }

    void chartsVisible(boolean showing) {
        chartsVisible = showing;
    }

    ViewRequest request(Snapshot s, SessionDelta delta, long fromVersion, SessionFilter filter, Pivot pivot, Instant now) {
        return new ViewRequest(s, delta, fromVersion, filter, pivot, order, selections, groupOrders, visibleGroup, chartsVisible,
                List.copyOf(samples), now);
    }
}
