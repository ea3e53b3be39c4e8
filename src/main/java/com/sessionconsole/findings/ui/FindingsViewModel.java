package com.sessionconsole.findings.ui;

import com.sessionconsole.live.ui.ConsoleViewModel;
import com.sessionconsole.revoke.ui.RevokePlan;

import com.sessionconsole.domain.Finding;
import com.sessionconsole.domain.FindingRule;
import com.sessionconsole.domain.FindingSettings;
import com.sessionconsole.domain.Session;
import com.sessionconsole.findings.FindingsEngine;
import com.sessionconsole.live.Snapshot;
import com.sessionconsole.ui.TaskRunner;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.List;

/**
 * Findings over the live set. They are computed off the FX thread after each poll, but only while
 * the Findings view is showing, so an analyst who never looks at them pays nothing.
 */
public final class FindingsViewModel {
    private final TaskRunner runner;
    private final FindingsEngine engine;
    private final ConsoleViewModel console;
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ObservableList<Session> evidence = FXCollections.observableArrayList();
    private final ObjectProperty<FindingSettings> settings = new SimpleObjectProperty<>(FindingSettings.DEFAULTS);
    private final StringProperty status = new SimpleStringProperty("");
    private volatile boolean visible;
    private volatile FindingSettings current = FindingSettings.DEFAULTS;

    public FindingsViewModel(TaskRunner runner, FindingsEngine engine, ConsoleViewModel console) {
        this.runner = runner;
        this.engine = engine;
        this.console = console;
        console.addSnapshotListener(s -> {
            if (visible) {
                compute(s, false);
            }
        });
        settings.addListener((obs, old, now) -> {
            current = now;
            refresh(false);
        });
    }

    public void setVisible(boolean showing) {
        visible = showing;
        if (showing) {
            refresh(false);
        }
    }

    /** Recomputes now; {@code force} also re-runs the database rules instead of reusing their last answer. */
    public void refresh(boolean force) {
        Snapshot s = console.snapshot();
        runner.background(() -> compute(s, force));
    }

    private void compute(Snapshot s, boolean force) {
        try {
            List<Finding> result = engine.compute(s.sessions(), current, s.serverNow(), force);
            runner.ui(() -> {
                findings.setAll(result);
                status.set(result.size() + " finding(s) over " + s.sessions().size() + " active sessions; database rules refresh at most every "
                        + FindingsEngine.DB_RULES_MAX_AGE.toSeconds() + " s");
            });
        } catch (RuntimeException e) {
            runner.ui(() -> status.set("Findings could not be computed: " + e.getMessage()));
        }
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

    /** The active sessions among a finding's evidence, ready for the normal revoke confirmation. */
    public RevokePlan planRevoke(Finding f) {
        return console.planRevoke(f.evidence().stream().filter(x -> x.isActiveAt(console.serverNow())).toList());
    }

    public ObservableList<Finding> findings() {
        return findings;
    }

    public ObservableList<Session> evidence() {
        return evidence;
    }

    public ObjectProperty<FindingSettings> settingsProperty() {
        return settings;
    }

    public StringProperty statusProperty() {
        return status;
    }
}
