package com.sessionconsole.findings.ui;


import com.sessionconsole.domain.Finding;
import com.sessionconsole.domain.FindingState;
import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.Measure;
import com.sessionconsole.domain.Triage;
import com.sessionconsole.findings.FindingLedger;
import com.sessionconsole.domain.FindingRule;
import com.sessionconsole.domain.FindingSettings;
import com.sessionconsole.domain.Session;
import com.sessionconsole.findings.FindingsEngine;
import com.sessionconsole.live.Snapshot;
import com.sessionconsole.live.ui.LiveFeed;
import com.sessionconsole.ui.LatestWins;
import com.sessionconsole.ui.SerialExecutor;
import com.sessionconsole.ui.TaskRunner;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Findings over the live set. They are computed off the FX thread after each poll, but only while
 * the Findings view is showing, so an analyst who never looks at them pays nothing. A newer
 * computation always wins over an older one that finishes later. The selected row survives a
 * refresh (matched by its finding's rule and subject), and each rule can be collapsed or muted.
 */
public final class FindingsViewModel {
    /** What one computation gave: the findings, the triage after it (empty without a ledger), and what it left out to stay bounded. */
    private record Computed(List<Finding> findings, List<FindingLedger.Entry> triage, String limits) {
    }

    private final LiveFeed feed;
    private final FindingsEngine engine;
    private final FindingLedger ledger;
    private final Executor io;
    private final String workspace;
    private final LatestWins latest;
    private List<Finding> all = List.of();
    private final Map<String, Triage> triage = new HashMap<>();
    private List<Finding> resolved = List.of();
    private String limits = "";
    private final List<Runnable> whenComputed = new ArrayList<>();
    private int activeSessions = -1;
    private final ObservableList<FindingRow> rows = FXCollections.observableArrayList();
    private final ObservableList<FindingRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<RuleSummary> summaries = FXCollections.observableArrayList();
    private final ObservableList<RuleSummary> summariesView = FXCollections.unmodifiableObservableList(summaries);
    private final ObservableList<Session> evidence = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<FindingRow> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Map<FindingRule, RuleDisplay>> displays = new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyObjectWrapper<FindingSettings> settings = new ReadOnlyObjectWrapper<>(FindingSettings.DEFAULTS);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private boolean visible;
    private boolean replacingRows;

    /**
     * @param workspace names the database, so that per-rule choices are remembered per workspace
     * @param ledger    where the triage is kept; null keeps none (every finding is new)
     */
    public FindingsViewModel(LiveFeed feed, TaskRunner runner, FindingsEngine engine, String workspace, FindingLedger ledger) {
        this.feed = feed;
        this.engine = engine;
        this.ledger = ledger;
        this.io = runner.io();
        this.workspace = workspace;
        this.latest = new LatestWins(runner, new SerialExecutor(runner.io()));
        feed.onUpdate(u -> {
            if (visible) {
                compute(false);
            }
        });
        settings.addListener((obs, old, now) -> refresh(false));
    }

    public void setVisible(boolean showing) {
        visible = showing;
        if (showing) {
            refresh(false);
        }
    }

    /** Recomputes now; {@code force} also re-runs the database rules instead of reusing their last answer. */
    public void refresh(boolean force) {
        compute(force);
    }

    private void compute(boolean force) {
        Snapshot s = feed.snapshot();
        FindingSettings current = settings.get();
        latest.submit(() -> {
            List<Finding> found = engine.compute(s.sessions(), current, s.serverNow(), force);
            return new Computed(found, ledger == null ? List.of() : ledger.update(found, s.serverNow()), engine.limits());
        }, result -> {
            all = result.findings();
            triage.clear();
            result.triage().forEach(e -> triage.put(e.triage().key(), e.triage()));
            resolved = result.triage().stream().filter(e -> e.finding() == null).map(e -> asFinding(e.triage())).toList();
            limits = result.limits();
            activeSessions = s.sessions().size();
            show();
            List<Runnable> waiting = List.copyOf(whenComputed);
            whenComputed.clear();
            waiting.forEach(Runnable::run);
        }, e -> {
            status.set("Findings could not be computed: " + e.getMessage());
            List<Runnable> waiting = List.copyOf(whenComputed);
            whenComputed.clear();
            waiting.forEach(Runnable::run);
        });
    }

    /** A resolved finding as the table lists it: what it was when last seen, without sessions. */
    private static Finding asFinding(Triage t) {
        FindingRule rule;
        try {
            rule = FindingRule.parse(t.rule());
        } catch (IllegalArgumentException e) {
            rule = FindingRule.UNDECODABLE_ROW;
        }
        GroupBy kind = "table".equals(t.subjectKind()) ? null : GroupBy.parse(t.subjectKind());
        int risk = Math.max(0, t.risk());
        return new Finding(rule, kind, t.subject(), t.detail(), new Measure(Math.max(1, risk), 1, "risk points"), List.of(), 0, risk,
                List.of(), "Nothing to do unless it comes back: its sessions ended");
    }

    /** Sets the analyst's state of a finding (kept across restarts); a group or a row without triage is left alone. */
    public void setState(FindingRow row, FindingState state) {
        if (row == null || row.isGroup() || ledger == null || state == FindingState.RESOLVED) {
            return;
        }
        String key = row.finding().key().text();
        Triage t = triage.get(key);
        if (t == null) {
            return;
        }
        triage.put(key, t.withState(state));
        io.execute(() -> ledger.setState(key, state));
        show();
    }

    private void show() {
        Object keep = selected.get() == null ? null : selected.get().key();
        List<FindingRow> next = FindingRows.rows(all, displays.get(), triage, resolved);
        replacingRows = true;
        try {
            rows.setAll(next);
        } finally {
            replacingRows = false;
        }
        summaries.setAll(FindingRows.summaries(all, displays.get()));
        long muted = summaries.stream().filter(r -> r.display() == RuleDisplay.MUTE).mapToLong(RuleSummary::count).sum();
        if (activeSessions >= 0) {
            status.set(all.size() + " finding(s) over " + activeSessions + " active sessions" + (muted == 0 ? "" : ", " + muted + " of them muted")
                    + (resolved.isEmpty() ? "" : ", " + resolved.size() + " resolved in the last " + FindingLedger.RESOLVED_KEPT.toHours() + " h")
                    + "; database rules refresh at most every " + FindingsEngine.DB_RULES_MAX_AGE.toSeconds() + " s"
                    + (limits.isEmpty() ? "" : "; " + limits));
        }
        setSelected(next.stream().filter(r -> r.key().equals(keep)).findFirst().orElse(null));
    }

    /** The analyst selected a row (null: none). Ignored while the rows are being replaced, which may clear the table's selection. */
    public void select(FindingRow row) {
        if (!replacingRows && row != selected.get()) {
            setSelected(row);
        }
    }

    private void setSelected(FindingRow row) {
        selected.set(row);
        evidence.setAll(row == null ? List.of() : row.evidence());
    }

    public void setDisplay(FindingRule rule, RuleDisplay display) {
        Map<FindingRule, RuleDisplay> next = new EnumMap<>(FindingRule.class);
        next.putAll(displays.get());
        next.put(rule, display);
        setDisplays(next);
    }

    public void setDisplays(Map<FindingRule, RuleDisplay> next) {
        if (!Objects.equals(next, displays.get())) {
            Map<FindingRule, RuleDisplay> copy = new EnumMap<>(FindingRule.class);
            copy.putAll(next);
            displays.set(Collections.unmodifiableMap(copy));
            show();
        }
    }

    public void setRule(FindingRule rule, boolean on) {
        settings.set(settings.get().with(rule, on));
    }

    public void setThresholds(int minIps, int minUsersPerIp, int maxTrust, int burst) {
        FindingSettings s = settings.get();
        settings.set(new FindingSettings(s.enabled(), minIps, s.minCountriesPerUser(), minUsersPerIp, s.minUsersPerDevice(), maxTrust,
                s.newWithin(), burst, s.burstWindow()));
    }

    public String workspace() {
        return workspace;
    }

    /** Every finding of the last computation, muted and collapsed ones included; empty before the first. FX thread. */
    public List<Finding> all() {
        return all;
    }

    /**
     * Hands {@code then} (on the FX thread) one line per current finding whose evidence holds the session (muted ones
     * included), for its detail pane; when none were computed yet, they are computed first.
     */
    public void citing(Session s, Consumer<List<String>> then) {
        if (activeSessions >= 0) {
            then.accept(lines(s));
            return;
        }
        whenComputed.add(() -> then.accept(activeSessions < 0 ? List.of(status.get()) : lines(s)));
        if (whenComputed.size() == 1) {
            compute(false);
        }
    }

    private List<String> lines(Session s) {
        return all.stream().filter(f -> f.evidence().stream().anyMatch(e -> e.id().equals(s.id())))
                .map(f -> f.severity() + " (risk " + f.risk() + ")  " + f.rule().label()
                        + (f.subjectKind() == null ? "" : " — " + f.subjectKind().label() + " " + f.subject()) + ": " + f.detail())
                .toList();
    }

    public ObservableList<FindingRow> rows() {
        return rowsView;
    }

    public ObservableList<RuleSummary> summaries() {
        return summariesView;
    }

    public ObservableList<Session> evidence() {
        return FXCollections.unmodifiableObservableList(evidence);
    }

    public ReadOnlyObjectProperty<FindingRow> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Map<FindingRule, RuleDisplay>> displaysProperty() {
        return displays.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FindingSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
