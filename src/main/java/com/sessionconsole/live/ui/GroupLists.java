package com.sessionconsole.live.ui;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.GroupSummary;
import com.sessionconsole.domain.Session;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.EnumMap;
import java.util.Map;

/**
 * What the group views show, per dimension: the summaries, the sessions of the selected group, and whether
 * the summaries are still being counted. Read-only to the views; replaced in one step per update. FX thread.
 */
final class GroupLists {
    private final Map<GroupBy, ObservableList<GroupSummary>> groups = new EnumMap<>(GroupBy.class);
    private final Map<GroupBy, ObservableList<Session>> details = new EnumMap<>(GroupBy.class);
    private final Map<GroupBy, ObservableList<GroupSummary>> groupsView = new EnumMap<>(GroupBy.class);
    private final Map<GroupBy, ObservableList<Session>> detailsView = new EnumMap<>(GroupBy.class);
    private final Map<GroupBy, ReadOnlyBooleanWrapper> counting = new EnumMap<>(GroupBy.class);

    GroupLists() {
        for (GroupBy by : GroupBy.values()) {
            groups.put(by, FXCollections.observableArrayList());
            details.put(by, FXCollections.observableArrayList());
            groupsView.put(by, FXCollections.unmodifiableObservableList(groups.get(by)));
            detailsView.put(by, FXCollections.unmodifiableObservableList(details.get(by)));
            counting.put(by, new ReadOnlyBooleanWrapper(true));
        }
    }

    void show(ViewData data) {
        for (GroupBy by : GroupBy.values()) {
            groups.get(by).setAll(data.groups().get(by));
            details.get(by).setAll(data.details().get(by));
            counting.get(by).set(!data.counted().contains(by));
        }
    }

    ObservableList<GroupSummary> groups(GroupBy by) {
        return groupsView.get(by);
    }

    ObservableList<Session> details(GroupBy by) {
        return detailsView.get(by);
    }

    ReadOnlyBooleanProperty counting(GroupBy by) {
        return counting.get(by).getReadOnlyProperty();
    }
}
