package com.sessionconsole.live.ui;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.GroupSummary;
import com.sessionconsole.domain.Narrowing;
import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.SessionFilter;
import com.sessionconsole.live.PollControl;
import com.sessionconsole.live.PollEvent;
import com.sessionconsole.live.SessionDelta;
import com.sessionconsole.live.Snapshot;
import com.sessionconsole.ui.ChartData;
import com.sessionconsole.ui.LatestWins;
import com.sessionconsole.ui.TaskRunner;
import com.sessionconsole.ui.UpdateListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The live tables and charts. Each poll result, filter, pivot, sort or selection change captures one
 * {@link ViewRequest} on the FX thread; a worker computes the rows; the result replaces the lists in one
 * step on the FX thread, unless a newer request was made meanwhile. When time alone changes what is shown
 * (an expiry, the edge of "created within 30m"), a recompute is scheduled for that moment.
 * All state is confined to the FX thread.
 */
public final class LiveViewModel {
    private static final Logger log = LoggerFactory.getLogger(LiveViewModel.class);

    private final LiveFeed feed;
    private final PollControl poller;
    private final LatestWins latest;
    private final ViewComputer computer = new ViewComputer();
    private final FilterViewModel filter = new FilterViewModel();
    private final ViewChoices choices = new ViewChoices();
    private final List<UpdateListener> updateListeners = new ArrayList<>();
    private Map<GroupBy, List<GroupSummary>> previousGroups = Map.of();
    private final BoundaryTimer boundary;
    private boolean stopped;
    private boolean fromPoll;
    private String shownFilter = SessionFilter.NONE.describe();

    private final ObservableList<Session> sessions = FXCollections.observableArrayList();
    private final GroupLists groupLists = new GroupLists();
    private final ObservableList<Session> sessionsView = FXCollections.unmodifiableObservableList(sessions);
    private final ReadOnlyObjectWrapper<Set<UUID>> fresh = new ReadOnlyObjectWrapper<>(Set.of());
    private final ReadOnlyObjectWrapper<ChartData> charts = new ReadOnlyObjectWrapper<>(ChartData.EMPTY);
    private final ReadOnlyObjectWrapper<Pivot> pivot = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Narrowing> narrowing = new ReadOnlyObjectWrapper<>(Narrowing.NONE);
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper widestAddress = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper widestTrust = new ReadOnlyIntegerWrapper(3);
    /** What an empty table says when the reason is not the filter: still loading, or the load failed. Empty once loaded. */
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper("Loading the active sessions…");

    public LiveViewModel(LiveFeed feed, PollControl poller, TaskRunner runner) {
        this.feed = feed;
        this.poller = poller;
        this.latest = new LatestWins(runner, runner.viewLane());
        this.boundary = new BoundaryTimer(feed, runner, this::recompute);
        feed.onUpdate(this::onUpdate);
        feed.onFailure(f -> {
            if (!feed.loaded()) {
                emptyText.set("Could not load the sessions: " + f.message() + ". Retrying in " + f.retryIn().toSeconds()
                        + " s. (This is a failure to load, not an empty result.)");
            }
        });
        filter.filterProperty().addListener((obs, old, now) -> recompute());
        pivot.addListener((obs, old, now) -> recompute());
    }

    private void onUpdate(PollEvent.Updated u) {
        narrowing.set(u.narrowing());
        Snapshot s = u.snapshot();
        if (u.kind() == PollEvent.Kind.POLL) {
            choices.sample(new ChartData.Sample(u.at(), s.sessions().size()));
        }
        // the poller hands out the same list while a group is unchanged: a reference check, not a walk over every group on the FX thread
        boolean newSummaries = Arrays.stream(GroupBy.values()).anyMatch(by -> s.groups().get(by) != previousGroups.get(by));
        previousGroups = s.groups();
        boolean first = !emptyText.get().isEmpty();
        emptyText.set("");
        if (first || !u.delta().isEmpty() || newSummaries) {
            compute(u.delta(), u.fromVersion());
        } else if (!fresh.get().isEmpty()) {
            fresh.set(Set.of()); // an idle tick only ends the highlight of the last one
        }
    }

    private void recompute() {
        compute(null, -1);
    }

    private void compute(SessionDelta delta, long fromVersion) {
        if (stopped) {
            return;
        }
        Snapshot s = feed.snapshot();
        ViewRequest request = choices.request(s, delta, fromVersion, filter.filterProperty().get(), pivot.get(), feed.serverNow());
        // a new filter, sort or selection, or a passing boundary, is skipped once superseded; a poll's delta is always
        // computed, so that the next delta still follows on incrementally
        Callable<ViewData> work = () -> computer.compute(request);
        Consumer<ViewData> show = data -> apply(s, request, data);
        Consumer<Throwable> failed = e -> log.error("the view could not be computed", e);
        if (delta == null) {
            latest.submitSkippable(work, show, failed);
        } else {
            latest.submit(work, show, failed);
        }
    }

    private void apply(Snapshot s, ViewRequest request, ViewData data) {
        if (stopped) {
            return;
        }
        fromPoll = request.delta() != null;
        shownFilter = request.filter().describe() + (request.pivot() == null ? "" : "; pivot " + request.pivot().describe());
        updateListeners.forEach(UpdateListener::beforeUpdate);
        fresh.set(s.fresh());
        sessions.setAll(data.sessions());
        groupLists.show(data);
        updateListeners.forEach(UpdateListener::afterUpdate);
        charts.set(data.charts());
        widestAddress.set(data.widestAddress());
        widestTrust.set(data.widestTrust());
        countText.set(String.format("%,d active", data.totalActive())
                + (data.sessions().size() == data.totalActive() ? "" : String.format(" · %,d shown", data.sessions().size())));
        boundary.at(data.nextChange());
    }

    /** Stops for good: no timer, no recompute, nothing applied. Call on the FX thread. */
    public void stop() {
        stopped = true;
        boundary.stop();
        latest.invalidate();
    }

    // ---- what the analyst changes ----------------------------------------------------------------

    public void setSessionOrder(Comparator<Session> newOrder) {
        choices.sessionOrder(newOrder);
        recompute();
    }

    public void setGroupOrder(GroupBy by, Comparator<GroupSummary> newOrder) {
        choices.groupOrder(by, newOrder);
        recompute();
    }

    /** Selects the group whose sessions the detail table shows; a {@code null} group means no selection. */
    public void selectGroup(GroupBy by, GroupSummary group) {
        if (choices.select(by, group)) {
            recompute();
        }
    }

    /**
     * Which group view is showing (null: none). While a filter narrows the set, only that view's
     * summaries are rebuilt on each tick; the others are built when they are shown.
     */
    public void setVisibleGroup(GroupBy by) {
        choices.visibleGroup(by);
        poller.summarize(by == null ? Set.of() : Set.of(by));
        if (by != null) {
            recompute();
        }
    }

    public void setChartsVisible(boolean showing) {
        choices.chartsVisible(showing);
        if (showing) {
            recompute();
        }
    }

    /**
     * Loads only the sessions the filter bar's IP network, user, creation time and location select, read
     * that way on the server: for a tenant too large to load whole. The other filters stay local.
     */
    public void loadOnlyFiltered() {
        poller.narrow(Narrowing.of(filter.filterProperty().get()));
    }

    /** Loads every active session again. */
    public void loadEverything() {
        poller.narrow(Narrowing.NONE);
    }

    /** What the tables hold: everything, or the narrowing of the last load that succeeded. */
    public ReadOnlyObjectProperty<Narrowing> narrowingProperty() {
        return narrowing.getReadOnlyProperty();
    }

    public void pivotTo(GroupBy by, String key) {
        pivot.set(new Pivot(by, key));
    }

    public void clearPivot() {
        pivot.set(null);
    }

    /** While update listeners run: whether this update brought a poll's rows (not a new sort, filter or selection). */
    public boolean lastUpdateFromPoll() {
        return fromPoll;
    }

    public void addUpdateListener(UpdateListener listener) {
        updateListeners.add(listener);
    }

    // ---- what the views show --------------------------------------------------------------------

    public FilterViewModel filter() {
        return filter;
    }

    public ObservableList<Session> sessions() {
        return sessionsView;
    }

    public ObservableList<GroupSummary> groups(GroupBy by) {
        return groupLists.groups(by);
    }

    public ObservableList<Session> details(GroupBy by) {
        return groupLists.details(by);
    }

    /** True until the summaries of this dimension have been built for what is shown: the group view is still counting. */
    public ReadOnlyBooleanProperty countingProperty(GroupBy by) {
        return groupLists.counting(by);
    }

    public ReadOnlyObjectProperty<Set<UUID>> freshProperty() {
        return fresh.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ChartData> chartsProperty() {
        return charts.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Pivot> pivotProperty() {
        return pivot.getReadOnlyProperty();
    }

    /** The filter and pivot of the rows the tables show now (a newer filter may still be computing). */
    public String shownFilterDescription() {
        return shownFilter;
    }

    /** The length of the longest address among the rows shown, measured off the FX thread: the IP columns' minimum width. */
    public ReadOnlyIntegerProperty widestAddressProperty() {
        return widestAddress.getReadOnlyProperty();
    }

    /** The characters of the widest trust level shown, for the trust columns' width. */
    public ReadOnlyIntegerProperty widestTrustProperty() {
        return widestTrust.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    /** The feed the tables follow: the newest snapshot and the server's estimated clock. */
    public LiveFeed feed() {
        return feed;
    }
}
