package com.sessionconsole.live.ui;

import com.sessionconsole.revoke.ui.RevokePlan;
import com.sessionconsole.ui.ChartData;
import com.sessionconsole.ui.TimeText;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.GroupSummary;
import com.sessionconsole.domain.RevokeCriteria;
import com.sessionconsole.domain.RevokeResult;
import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.SessionFilter;
import com.sessionconsole.export.CsvExport;
import com.sessionconsole.live.GroupIndex;
import com.sessionconsole.export.JsonExport;
import com.sessionconsole.live.PollEvent;
import com.sessionconsole.live.PollStrategy;
import com.sessionconsole.revoke.RevocationService;
import com.sessionconsole.live.SessionDelta;
import com.sessionconsole.live.SessionPoller;
import com.sessionconsole.live.Snapshot;
import com.sessionconsole.ui.TaskRunner;
import com.sessionconsole.history.TokenLookup;
import com.sessionconsole.watchlist.Watchlist;
import com.sessionconsole.domain.WatchEntry;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The console's state and behaviour, free of any scene graph. Poll ticks and filter or sort changes
 * trigger one recompute off the FX thread (filter, sort, group); its result replaces the lists in one
 * step on the UI thread. A newer recompute always wins over an older one.
 */
public final class ConsoleViewModel {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ConsoleViewModel.class);
    static final Comparator<Session> NEWEST_FIRST = Comparator.comparing(Session::createdAt,
            Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(Session::id);

    private final TaskRunner runner;
    private final RevocationService revocation;
    private final TokenLookup tokens;
    private final Watchlist watchlist;
    private final ObservableList<WatchEntry> watchEntries = FXCollections.observableArrayList();
    private final ObjectProperty<List<Session>> watchHits = new SimpleObjectProperty<>(List.of());
    private final Clock clock;
    private final SessionPoller poller;
    private final FilterViewModel filter = new FilterViewModel();
    private final AtomicLong generation = new AtomicLong();

    private volatile Snapshot snapshot = Snapshot.EMPTY;
    private volatile Instant snapshotAt;
    private volatile Comparator<Session> sessionOrder = NEWEST_FIRST;
    private volatile SessionFilter currentFilter = SessionFilter.NONE;
    private volatile Pivot currentPivot;
    private final ShownRows shownRows = new ShownRows();
    private volatile boolean chartsVisible;
    private volatile GroupBy visibleGroup;
    private Map<GroupBy, List<GroupSummary>> previousGroups = Map.of();
    private final Object expiryLock = new Object();
    private TaskRunner.Cancellable expiryTimer;
    private final Map<GroupBy, Comparator<GroupSummary>> groupOrder = new EnumMap<>(GroupBy.class);
    private final Map<GroupBy, Selection> selectedKeys = new EnumMap<>(GroupBy.class);
    private boolean loadedOnce;

    private final ObservableList<Session> sessions = FXCollections.observableArrayList();
    private final Map<GroupBy, ObservableList<GroupSummary>> groups = new EnumMap<>(GroupBy.class);
    private final Map<GroupBy, ObservableList<Session>> details = new EnumMap<>(GroupBy.class);
    private final ObjectProperty<Set<UUID>> fresh = new SimpleObjectProperty<>(Set.of());
    private final javafx.beans.property.DoubleProperty exportProgress = new javafx.beans.property.SimpleDoubleProperty(-1);
    private volatile boolean exportCancelled;
    private final ObjectProperty<ChartData> charts = new SimpleObjectProperty<>(ChartData.EMPTY);
    private final java.util.Deque<ChartData.Sample> samples = new java.util.concurrent.ConcurrentLinkedDeque<>();
    static final int MAX_SAMPLES = 720;
    private final ObjectProperty<Pivot> pivot = new SimpleObjectProperty<>();
    private final StringProperty connectionLabel = new SimpleStringProperty();
    private final StringProperty refreshText = new SimpleStringProperty("connecting…");
    private final StringProperty countText = new SimpleStringProperty("");
    private final StringProperty errorText = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty revokeDisabledReason = new SimpleStringProperty();
    private final StringProperty replicaText = new SimpleStringProperty("");
    private final BooleanProperty replicaBehind = new SimpleBooleanProperty(false);
    private volatile double replicaWarnSeconds = com.sessionconsole.domain.ReplicaLag.DEFAULT_WARN_SECONDS;
    /** What an empty table says when the reason is not the filter: still loading, or the load failed. Empty once loaded. */
    private final StringProperty emptyText = new SimpleStringProperty("Loading the active sessions…");
    private final BooleanProperty connected = new SimpleBooleanProperty(false);
    private final BooleanProperty stale = new SimpleBooleanProperty(false);
    private final BooleanProperty paused = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ObjectProperty<RevocationService.Outcome> lastOutcome = new SimpleObjectProperty<>();

    private final List<UpdateListener> updateListeners = new ArrayList<>();
    private final List<java.util.function.Consumer<Snapshot>> snapshotListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Called on a background thread with every new snapshot (after polls and revokes). */
    public void addSnapshotListener(java.util.function.Consumer<Snapshot> listener) {
        snapshotListeners.add(listener);
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    /** Lets a view save its selection and scroll position before the lists are replaced, and restore them after. */
    public interface UpdateListener {
        void beforeUpdate();

        void afterUpdate();
    }

    public void addUpdateListener(UpdateListener listener) {
        updateListeners.add(listener);
    }

    /** A selected group key; a record so that a NULL key can be selected too. */
    private record Selection(String key) {
    }

    public ConsoleViewModel(TaskRunner runner, PollStrategy strategy, RevocationService revocation, TokenLookup tokens,
                            Watchlist watchlist, String connection, Clock clock) {
        this.runner = runner;
        this.revocation = revocation;
        this.tokens = tokens;
        this.watchlist = watchlist;
        watchEntries.setAll(watchlist.entries());
        this.clock = clock;
        this.poller = new SessionPoller(strategy, runner, this::onPollEvent, clock);
        poller.summarize(Set.of()); // the Sessions view comes first; group views ask for theirs when shown
        connectionLabel.set(connection);
        for (GroupBy by : GroupBy.values()) {
            groups.put(by, FXCollections.observableArrayList());
            details.put(by, FXCollections.observableArrayList());
        }
        filter.filterProperty().addListener((obs, old, now) -> {
            currentFilter = now;
            recompute();
        });
        pivot.addListener((obs, old, now) -> {
            currentPivot = now;
            recompute();
        });
        updateRevokeAvailability();
    }

    public void start() {
        poller.start();
    }

    public void stop() {
        poller.stop();
        scheduleExpiry(null, Instant.EPOCH);
    }

    // ---- polling -------------------------------------------------------------------------------

    private void onPollEvent(PollEvent event) {
        if (event instanceof PollEvent.Updated u) {
            boolean first = !loadedOnce;
            loadedOnce = true;
            Snapshot s = u.snapshot();
            Snapshot previous = snapshot;
            boolean hadFresh = !snapshot.fresh().isEmpty();
            snapshot = first ? new Snapshot(s.sessions(), s.groups(), Set.of(), s.serverNow()) : s;
            snapshotAt = u.at();
            if (!u.took().isZero()) { // a real poll, not a local revoke or a summary request
                samples.addLast(new ChartData.Sample(u.at(), s.sessions().size()));
                while (samples.size() > MAX_SAMPLES) {
                    samples.pollFirst();
                }
            }
            // the Watchlist is thread-safe; the observable watchEntries belong to the FX thread
            if (!first && !s.fresh().isEmpty() && !watchlist.entries().isEmpty()) {
                List<Session> hits = s.fresh().size() > 10_000 ? List.of() : s.sessions().stream()
                        .filter(x -> s.fresh().contains(x.id()) && watchlist.matches(x)).toList();
                if (!hits.isEmpty()) {
                    runner.ui(() -> watchHits.set(hits));
                }
            }
            boolean newSummaries = !s.groups().equals(previousGroups);
            previousGroups = s.groups();
            if (first || !u.delta().isEmpty() || newSummaries) {
                computeAndApply(previous, u.delta());
            } else if (hadFresh) {
                runner.ui(() -> fresh.set(Set.of())); // an idle tick only ends the highlight of the last one
            }
            snapshotListeners.forEach(l -> l.accept(snapshot));
            runner.ui(() -> {
                connected.set(true);
                stale.set(false);
                errorText.set("");
                emptyText.set("");
                if (!u.took().isZero() || first) {
                    refreshText.set("refreshed " + TimeText.clock(u.at()) + " in " + u.took().toMillis() + " ms");
                }
                if (u.replica() != null) {
                    replicaText.set(u.replica().describe());
                    replicaBehind.set(u.replica().worrying(replicaWarnSeconds));
                }
                updateRevokeAvailability();
            });
        } else if (event instanceof PollEvent.Failed f) {
            runner.ui(() -> {
                connected.set(!f.connectionLost() && connected.get());
                stale.set(f.lastSuccess() != null);
                errorText.set((f.connectionLost() ? "Disconnected: " : "Refresh failed: ") + f.message()
                        + " — retrying in " + f.retryIn().toSeconds() + " s");
                if (f.lastSuccess() == null) {
                    emptyText.set("Could not load the sessions: " + f.message() + ". Retrying in " + f.retryIn().toSeconds()
                            + " s. (This is a failure to load, not an empty result.)");
                }
                updateStaleText();
                updateRevokeAvailability();
            });
        }
    }

    /** Called every second by the view, so that the age of stale data keeps counting. */
    public void updateStaleText() {
        if (stale.get() && snapshotAt != null) {
            long age = Duration.between(snapshotAt, clock.instant()).toSeconds();
            refreshText.set("STALE: data from " + TimeText.clock(snapshotAt) + " (" + age + " s old)");
        }
    }

    public void refreshNow() {
        poller.refreshNow();
    }

    public void togglePaused() {
        if (poller.isPaused()) {
            poller.resume();
            paused.set(false);
        } else {
            poller.pause();
            paused.set(true);
        }
    }

    public void setInterval(Duration d) {
        poller.setInterval(d);
    }

    // ---- filtering, sorting and selection -------------------------------------------------------

    public void setSessionOrder(Comparator<Session> order) {
        sessionOrder = order == null ? NEWEST_FIRST : order.thenComparing(Session::id);
        recompute();
    }

    public void setGroupOrder(GroupBy by, Comparator<GroupSummary> order) {
        synchronized (groupOrder) {
            if (order == null) {
                groupOrder.remove(by);
            } else {
                groupOrder.put(by, order);
            }
        }
        recompute();
    }

    /** Selects the group whose sessions the detail table shows; {@code null} group means no selection. */
    public void selectGroup(GroupBy by, GroupSummary group) {
        Selection next = group == null ? null : new Selection(group.key());
        synchronized (selectedKeys) {
            if (Objects.equals(selectedKeys.get(by), next)) {
                return;
            }
            if (next == null) {
                selectedKeys.remove(by);
            } else {
                selectedKeys.put(by, next);
            }
        }
        recompute();
    }

    /**
     * Which group view is showing (null: none). While a filter narrows the set, only that view's
     * summaries are rebuilt on each tick; the others are built when they are shown.
     */
    public void setVisibleGroup(GroupBy by) {
        visibleGroup = by;
        poller.summarize(by == null ? Set.of() : Set.of(by));
        if (by != null) {
            recompute();
        }
    }

    public void pivotTo(GroupBy by, String key) {
        pivot.set(new Pivot(by, key));
    }

    public void clearPivot() {
        pivot.set(null);
    }

    private void recompute() {
        runner.background(() -> computeAndApply(null, null));
    }

    /**
     * Computes on the calling (background) thread and hands the result to the UI thread. With the
     * snapshot a poll delta leads from, the Sessions rows are updated from the delta alone.
     */
    private void computeAndApply(Snapshot previous, SessionDelta delta) {
        long gen = generation.incrementAndGet();
        long t0 = System.nanoTime();
        ViewData data = compute(gen, previous, delta);
        long computed = System.nanoTime() - t0;
        runner.ui(() -> {
            long t1 = System.nanoTime();
            apply(data);
            long applied = System.nanoTime() - t1;
            if (computed + applied > 100_000_000L) {
                log.info("slow view update of {} rows: filter, sort and group {} ms off the FX thread, apply {} ms on it",
                        data.sessions().size(), computed / 1_000_000, applied / 1_000_000);
            }
        });
    }

    private ViewData compute(long gen, Snapshot previous, SessionDelta delta) {
        Snapshot s = snapshot;
        SessionFilter f = currentFilter;
        Pivot p = currentPivot;
        Instant now = estimatedServerNow();
        ShownRows.Result result = shownRows.update(s, previous, delta, f, p, sessionOrder, now);
        List<Session> shown = result.rows();
        Instant nextExpiry = result.nextExpiry();
        scheduleExpiry(nextExpiry, now);
        boolean narrowed = shown.size() != s.sessions().size();
        Map<GroupBy, List<GroupSummary>> groupData = new EnumMap<>(GroupBy.class);
        Map<GroupBy, List<Session>> detailData = new EnumMap<>(GroupBy.class);
        Map<GroupBy, Selection> selections;
        Map<GroupBy, Comparator<GroupSummary>> orders;
        synchronized (selectedKeys) {
            selections = new EnumMap<>(GroupBy.class);
            selections.putAll(selectedKeys);
        }
        synchronized (groupOrder) {
            orders = new HashMap<>(groupOrder);
        }
        GroupBy showing = visibleGroup;
        for (GroupBy by : GroupBy.values()) {
            List<GroupSummary> source = !narrowed ? s.groups().getOrDefault(by, List.of())
                    : by == showing ? GroupIndex.of(by, shown).summaries() : List.of();
            List<GroupSummary> list = new ArrayList<>(source);
            Comparator<GroupSummary> order = orders.get(by);
            if (order != null) {
                list.sort(order.thenComparing(GroupIndex.ORDER));
            }
            groupData.put(by, list);
            Selection sel = selections.get(by);
            if (sel != null) {
                detailData.put(by, shown.stream().filter(x -> Objects.equals(x.key(by), sel.key()))
                        .sorted(NEWEST_FIRST).collect(Collectors.toList()));
            } else {
                detailData.put(by, List.of());
            }
        }
        return new ViewData(gen, shown, groupData, detailData, s.sessions().size(), chartData(shown));
    }

    /** The charts are computed only while they are unfolded. */
    public void setChartsVisible(boolean showing) {
        chartsVisible = showing;
        if (showing) {
            recompute();
        }
    }

    private ChartData chartData(List<Session> shown) {
        if (!chartsVisible) {
            return new ChartData(List.copyOf(samples), Map.of(), new long[11]);
        }
        Map<String, Long> locations = new HashMap<>();
        long[] trust = new long[11];
        for (Session x : shown) {
            locations.merge(x.location() == null ? "(empty)" : x.location(), 1L, Long::sum);
            if (x.trustLevel() != null) {
                trust[Math.max(0, Math.min(10, x.trustLevel() / 10))]++;
            }
        }
        Map<String, Long> top = new java.util.LinkedHashMap<>();
        locations.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(8).forEach(e -> top.put(e.getKey(), e.getValue()));
        return new ChartData(List.copyOf(samples), top, trust);
    }

    public ObjectProperty<ChartData> chartsProperty() {
        return charts;
    }

    private void apply(ViewData data) {
        if (data.generation() != generation.get()) {
            return; // a newer recompute is on its way
        }
        updateListeners.forEach(UpdateListener::beforeUpdate);
        fresh.set(snapshot.fresh());
        sessions.setAll(data.sessions());
        for (GroupBy by : GroupBy.values()) {
            groups.get(by).setAll(data.groups().get(by));
            details.get(by).setAll(data.details().get(by));
        }
        updateListeners.forEach(UpdateListener::afterUpdate);
        charts.set(data.charts());
        countText.set(String.format("%,d active", data.totalActive())
                + (data.sessions().size() == data.totalActive() ? "" : String.format(" · %,d shown", data.sessions().size())));
    }

    /**
     * Sessions leave the view at their expires_at (on the server's clock), not at the next poll: a
     * recompute is scheduled for the earliest expiry if it comes before the next tick.
     */
    private void scheduleExpiry(Instant nextExpiry, Instant serverNow) {
        synchronized (expiryLock) {
            if (expiryTimer != null) {
                expiryTimer.cancel();
                expiryTimer = null;
            }
            if (nextExpiry == null || serverNow.equals(Instant.EPOCH)) {
                return;
            }
            Duration until = Duration.between(serverNow, nextExpiry).plusMillis(5);
            if (until.compareTo(poller.interval()) < 0) {
                expiryTimer = runner.schedule(until.isNegative() ? Duration.ZERO : until, () -> computeAndApply(null, null));
            }
        }
    }

    /** The server's clock, estimated from the last snapshot plus the time elapsed locally since. */
    Instant estimatedServerNow() {
        Snapshot s = snapshot;
        Instant at = snapshotAt;
        if (at == null || s.serverNow() == null) {
            return Instant.EPOCH;
        }
        return s.serverNow().plus(Duration.between(at, clock.instant()));
    }

    // ---- revoke --------------------------------------------------------------------------------

    private void updateRevokeAvailability() {
        if (!revocation.allowed()) {
            revokeDisabledReason.set(revocation.disabledReason());
        } else if (!connected.get()) {
            revokeDisabledReason.set("disconnected from the database: revoke is disabled until the connection is back");
        } else {
            revokeDisabledReason.set(null);
        }
    }

    public RevokePlan planRevoke(List<Session> selected) {
        List<Session> targets = List.copyOf(selected);
        Set<UUID> ids = targets.stream().map(Session::id).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return new RevokePlan(null, List.of(), "no active sessions selected: select one or more active sessions first");
        }
        return new RevokePlan(RevokeCriteria.ids(ids), targets, refusal(targets));
    }

    /**
     * Every active session of the group that the console shows now, filter or not. The revoke is bounded by
     * exactly these ids; sessions of the key that appear later are reported, not revoked.
     */
    public RevokePlan planRevokeGroup(GroupBy by, String key) {
        List<Session> targets = snapshot.sessions().stream().filter(s -> Objects.equals(s.key(by), key))
                .sorted(NEWEST_FIRST).toList();
        Set<UUID> ids = targets.stream().map(Session::id).collect(Collectors.toSet());
        return new RevokePlan(RevokeCriteria.group(by, key, ids), targets, refusal(targets));
    }

    /**
     * A new plan for the sessions of the key that appeared after the analyst confirmed the last revoke,
     * read from the server; handed to {@code ready} on the FX thread for its own confirmation.
     */
    public void planAppeared(RevocationService.Outcome last, java.util.function.Consumer<RevokePlan> ready) {
        GroupBy by = last.criteria().groupBy();
        runner.run(() -> revocation.activeSessions(last.result().appearedAfter()), fresh -> {
            List<Session> targets = fresh.stream().sorted(NEWEST_FIRST).toList();
            Set<UUID> ids = targets.stream().map(Session::id).collect(Collectors.toSet());
            ready.accept(ids.isEmpty() ? new RevokePlan(null, List.of(), "the sessions that appeared are no longer active")
                    : new RevokePlan(RevokeCriteria.group(by, last.criteria().key(), ids), targets, refusal(targets)));
        }, e -> message.set("Could not read the sessions that appeared: " + e.getMessage()));
    }

    private String refusal(List<Session> targets) {
        String reason = revokeDisabledReason.get();
        return reason != null ? reason : revocation.refusal(targets);
    }

    /** Runs the confirmed revoke off the FX thread; the outcome lands in {@link #lastOutcomeProperty()}. */
    public void revoke(RevokePlan plan, String reason) {
        if (!plan.confirmable(reason, Integer.toString(plan.count()))) {
            message.set("Not revoked: " + (plan.refusal() != null ? plan.refusal() : "a reason is required"));
            return;
        }
        busy.set(true);
        runner.run(() -> revocation.revoke(plan.criteria(), plan.sessions(), reason, "gui"),
                outcome -> {
                    busy.set(false);
                    RevokeResult r = outcome.result();
                    message.set(outcome.describe());
                    lastOutcome.set(outcome);
                    poller.applyRevoked(r);
                },
                error -> {
                    busy.set(false);
                    message.set("Not revoked: " + error.getMessage());
                    lastOutcome.set(null);
                });
    }

    /**
     * Looks a pasted token up on the server. Only its fingerprint is echoed; a match pivots the views
     * to the session's user.
     */
    public void findToken(String token) {
        runner.run(() -> tokens.find(token), result -> {
            message.set(result.describe() + (result.sessions().isEmpty() ? ""
                    : result.sessions().get(0).isActiveAt(estimatedServerNow()) ? " (active)" : " (not active)"));
            if (!result.sessions().isEmpty()) {
                pivot.set(new Pivot(GroupBy.USER, result.sessions().get(0).userId().toString()));
            }
        }, e -> message.set("Token lookup failed: " + e.getMessage()));
    }

    // ---- watchlist -----------------------------------------------------------------------------

    public boolean isWatched(Session s) {
        return watchlist.matches(s);
    }

    /** Pins a user, device or IP (an IP field may hold a CIDR); new sessions of it raise a notification. */
    public void watch(GroupBy kind, String value) {
        if (value == null) {
            message.set("An empty " + kind.label() + " cannot be watched.");
            return;
        }
        try {
            WatchEntry entry = new WatchEntry(kind, value);
            runner.run(() -> {
                watchlist.add(entry);
                return watchlist.entries();
            }, entries -> {
                watchEntries.setAll(entries);
                message.set("Watching " + entry.describe() + ": new sessions of it will raise a notification.");
            }, e -> message.set("Could not save the watchlist: " + e.getMessage()));
        } catch (IllegalArgumentException e) {
            message.set("Not watched: " + e.getMessage());
        }
    }

    public void unwatch(WatchEntry entry) {
        runner.run(() -> {
            watchlist.remove(entry);
            return watchlist.entries();
        }, entries -> {
            watchEntries.setAll(entries);
            message.set("No longer watching " + entry.describe() + ".");
        }, e -> message.set("Could not save the watchlist: " + e.getMessage()));
    }

    public ObservableList<WatchEntry> watchEntries() {
        return watchEntries;
    }

    /** The new sessions of the last tick that match the watchlist. */
    public ObjectProperty<List<Session>> watchHitsProperty() {
        return watchHits;
    }

    /** Writes exactly the rows the view shows (filtered and sorted) to CSV, or JSON for a .json file, off the FX thread. */
    public void export(Path file, GroupBy view) {
        List<Session> rows = view == null ? List.copyOf(sessions) : List.of();
        List<GroupSummary> groupRows = view == null ? List.of() : List.copyOf(groups.get(view));
        Pivot p = currentPivot;
        String filterText = currentFilter.describe() + (p == null ? "" : "; pivot " + p.describe());
        CsvExport.Provenance provenance = new CsvExport.Provenance(System.getProperty("user.name"), clock.instant(),
                connectionLabel.get(), view == null ? "sessions" : "by " + view.label(), filterText);
        boolean json = file.getFileName().toString().toLowerCase().endsWith(".json");
        exportCancelled = false;
        exportProgress.set(0);
        CsvExport.Progress progress = (done, total) -> {
            runner.ui(() -> exportProgress.set(total == 0 ? 1 : (double) done / total));
            return exportCancelled;
        };
        runner.run(() -> {
            if (view == null) {
                if (json) {
                    JsonExport.sessions(file, rows, provenance, progress);
                } else {
                    CsvExport.sessions(file, rows, provenance, false, progress);
                }
                return rows.size();
            }
            if (json) {
                JsonExport.groups(file, groupRows, provenance, progress);
            } else {
                CsvExport.groups(file, groupRows, provenance, false, progress);
            }
            return groupRows.size();
        }, n -> {
            exportProgress.set(-1);
            message.set(String.format("Exported %,d rows to %s", n, file));
        }, e -> {
            exportProgress.set(-1);
            message.set((e instanceof java.util.concurrent.CancellationException ? "Export cancelled" : "Export failed: " + e.getMessage())
                    + "; nothing was written to " + file);
        });
    }

    /** Stops a running export; the partial file is removed. */
    public void cancelExport() {
        exportCancelled = true;
    }

    /** 0..1 while an export runs, -1 otherwise. */
    public javafx.beans.property.DoubleProperty exportProgressProperty() {
        return exportProgress;
    }

    // ---- properties ----------------------------------------------------------------------------

    public FilterViewModel filter() {
        return filter;
    }

    public ObservableList<Session> sessions() {
        return sessions;
    }

    public ObservableList<GroupSummary> groups(GroupBy by) {
        return groups.get(by);
    }

    public ObservableList<Session> details(GroupBy by) {
        return details.get(by);
    }

    public ObjectProperty<Set<UUID>> freshProperty() {
        return fresh;
    }

    public ObjectProperty<Pivot> pivotProperty() {
        return pivot;
    }

    public ReadOnlyStringProperty connectionLabelProperty() {
        return connectionLabel;
    }

    public ReadOnlyStringProperty refreshTextProperty() {
        return refreshText;
    }

    public ReadOnlyStringProperty countTextProperty() {
        return countText;
    }

    /** Above this many seconds behind (or when replay is paused) the replica's lag is shown as a warning. */
    public void warnWhenReplicaBehind(double seconds) {
        replicaWarnSeconds = seconds;
    }

    /** "replica 2.1 s / 16 kB behind"; empty without a replica. */
    public ReadOnlyStringProperty replicaTextProperty() {
        return replicaText;
    }

    public ReadOnlyBooleanProperty replicaBehindProperty() {
        return replicaBehind;
    }

    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText;
    }

    public ReadOnlyStringProperty errorTextProperty() {
        return errorText;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public ReadOnlyStringProperty revokeDisabledReasonProperty() {
        return revokeDisabledReason;
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected;
    }

    public ReadOnlyBooleanProperty staleProperty() {
        return stale;
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }


    public ObjectProperty<RevocationService.Outcome> lastOutcomeProperty() {
        return lastOutcome;
    }

    public Instant serverNow() {
        return estimatedServerNow();
    }
}
