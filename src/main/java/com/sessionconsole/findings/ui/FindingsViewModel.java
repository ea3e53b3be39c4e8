package com.sessionconsole.findings.ui;


import com.sessionconsole.domain.Finding;
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

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Findings over the live set. They are computed off the FX thread after each poll, but only while
 * the Findings view is showing, so an analyst who never looks at them pays nothing. A newer
 * computation always wins over an older one that finishes later. The selected row survives a
 * refresh (matched by its finding's rule and subject), and each rule can be collapsed or muted.
 */
public final class FindingsViewModel {
    private final LiveFeed feed;
    private final FindingsEngine engine;
    private final String workspace;
    private final LatestWins latest;
    private List<Finding> all = List.of();
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

    /** @param workspace names the database, so that per-rule choices are remembered per workspace */
    public FindingsViewModel(LiveFeed feed, TaskRunner runner, FindingsEngine engine, String workspace) {
        this.feed = feed;
        this.engine = engine;
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
        latest.submit(() -> engine.compute(s.sessions(), current, s.serverNow(), force), result -> {
            all = result;
            activeSessions = s.sessions().size();
            show();
        }, e -> status.set("Findings could not be computed: " + e.getMessage()));
    }

    private void show() {
        Object keep = selected.get() == null ? null : selected.get().key();
        List<FindingRow> next = FindingRows.rows(all, displays.get());
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
                    + "; database rules refresh at most every " + FindingsEngine.DB_RULES_MAX_AGE.toSeconds() + " s");
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

    public void setNewWithin(Duration d) {
        FindingSettings s = settings.get();
        settings.set(new FindingSettings(s.enabled(), s.minIpsPerUser(), s.minCountriesPerUser(), s.minUsersPerIp(),
                s.minUsersPerDevice(), s.maxLowTrust(), d, s.burstSessions(), s.burstWindow()));
    }

    public String workspace() {
        return workspace;
    }

    /** Every finding of the last computation, muted and collapsed ones included; empty before the first. FX thread. */
    public List<Finding> all() {
        return all;
    }

    /** One line per current finding whose evidence holds the session (muted ones included), for its detail pane. */
    public List<String> citing(Session s) {
        if (activeSessions < 0) {
            return List.of("No findings computed yet: open the Findings tab (Ctrl+5) to compute them.");
        }
        return all.stream().filter(f -> f.evidence().stream().anyMatch(e -> e.id().equals(s.id())))
                .map(f -> f.severity() + "  " + f.rule().label() + ": " + f.measure().why() + (f.subject() == null ? "" : " — " + f.subject()))
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
