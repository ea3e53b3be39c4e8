package com.sessionconsole.history.ui;

import com.sessionconsole.domain.VisibleText;
import com.sessionconsole.history.HistoryQuery;

import com.sessionconsole.ui.ChartData;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.history.SessionHistory;
import com.sessionconsole.ui.LatestWins;
import com.sessionconsole.ui.TaskRunner;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The history of one user, device or IP, loaded off the FX thread; the last one asked for wins. */
public final class HistoryViewModel {
    private final LatestWins latest;
    private final SessionHistory history;
    private final ObservableList<SessionHistory.Entry> entries = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<SessionHistory.Result> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ChartData> charts = new ReadOnlyObjectWrapper<>(ChartData.EMPTY);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(
            "Look up a user, device, IP, network or token fingerprint above, or right-click a row in any view: History of this user, device or IP.");

    public HistoryViewModel(TaskRunner runner, SessionHistory history) {
        this.latest = new LatestWins(runner, runner.io());
        this.history = history;
    }

    public void load(GroupBy by, String key) {
        load(by.label() + " " + (key == null ? "(empty)" : VisibleText.of(key)), () -> history.load(by, key));
    }

    /** A lookup from the History tab's bar or the menu: anyone, with or without an active session. */
    public void lookUp(HistoryQuery q) {
        load(q.describe(), () -> history.load(q));
    }

    private void load(String subject, java.util.concurrent.Callable<SessionHistory.Result> read) {
        title.set("Loading the history of " + subject + "…");
        latest.submit(read, r -> {
            entries.setAll(r.entries());
            result.set(r);
            charts.set(charts(r));
            long active = r.entries().stream().filter(e -> e.status() == SessionHistory.Status.ACTIVE).count();
            title.set(r.entries().isEmpty() ? "No session of " + subject + " was ever recorded."
                    : "History of " + subject + ": " + r.entries().size() + (r.entries().size() == 1 ? " session, " : " sessions, ") + active + " active");
        }, e -> title.set("History could not be loaded: " + e.getMessage()));
    }

    /**
     * The key's charts: how many of its sessions were active over time (from each session's start and
     * end), and the locations and trust levels of all its sessions.
     */
    static ChartData charts(SessionHistory.Result r) {
        TreeMap<Instant, Integer> steps = new TreeMap<>();
        Map<String, Long> locations = new HashMap<>();
        long[] trust = new long[11];
        for (SessionHistory.Entry e : r.entries()) {
            if (e.session().createdAt() != null) {
                steps.merge(e.session().createdAt(), 1, Integer::sum);
                if (e.endedAt() != null) { // an active session is still counted at the end of the chart
                    steps.merge(e.endedAt(), -1, Integer::sum);
                }
            }
            locations.merge(e.session().location() == null ? "(empty)" : e.session().location(), 1L, Long::sum);
            if (e.session().trustLevel() != null) {
                trust[Math.max(0, Math.min(10, e.session().trustLevel() / 10))]++;
            }
        }
        List<ChartData.Sample> samples = new ArrayList<>();
        int active = 0;
        for (var step : steps.entrySet()) {
            if (step.getKey().isAfter(r.serverNow())) {
                break;
            }
            active += step.getValue();
            samples.add(new ChartData.Sample(step.getKey(), active));
        }
        samples.add(new ChartData.Sample(r.serverNow(), active));
        Map<String, Long> top = new LinkedHashMap<>();
        locations.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).limit(8).forEach(e -> top.put(e.getKey(), e.getValue()));
        return new ChartData(samples, top, trust);
    }

    public ReadOnlyObjectProperty<ChartData> chartsProperty() {
        return charts.getReadOnlyProperty();
    }

    public ObservableList<SessionHistory.Entry> entries() {
        return FXCollections.unmodifiableObservableList(entries);
    }

    public ReadOnlyObjectProperty<SessionHistory.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }
}
