package com.sessionconsole.findings.ui;


import com.sessionconsole.domain.Finding;
import com.sessionconsole.domain.FindingRule;
import com.sessionconsole.domain.FindingSettings;
import com.sessionconsole.domain.Session;
import com.sessionconsole.findings.FindingsEngine;
import com.sessionconsole.live.Snapshot;
import com.sessionconsole.live.ui.LiveFeed;
import com.sessionconsole.ui.LatestWins;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.List;

/**
 * Findings over the live set. They are computed off the FX thread after each poll, but only while
 * the Findings view is showing, so an analyst who never looks at them pays nothing. A newer
 * computation always wins over an older one that finishes later.
 */
public final class FindingsViewModel {
    private final LiveFeed feed;
    private final FindingsEngine engine;
    private final LatestWins latest;
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ObservableList<Session> evidence = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<FindingSettings> settings = new ReadOnlyObjectWrapper<>(FindingSettings.DEFAULTS);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private boolean visible;

    public FindingsViewModel(LiveFeed feed, FindingsEngine engine) {
        this.feed = feed;
        this.engine = engine;
        this.latest = new LatestWins(feed.runner());
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
            findings.setAll(result);
            status.set(result.size() + " finding(s) over " + s.sessions().size() + " active sessions; database rules refresh at most every "
                    + FindingsEngine.DB_RULES_MAX_AGE.toSeconds() + " s");
        }, e -> status.set("Findings could not be computed: " + e.getMessage()));
    }

    public void select(Finding f) {
        evidence.setAll(f == null ? List.of() : f.evidence());
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

    public ObservableList<Finding> findings() {
        return FXCollections.unmodifiableObservableList(findings);
    }

    public ObservableList<Session> evidence() {
        return FXCollections.unmodifiableObservableList(evidence);
    }

    public ReadOnlyObjectProperty<FindingSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
