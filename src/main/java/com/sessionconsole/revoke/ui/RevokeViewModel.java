package com.sessionconsole.revoke.ui;

import com.sessionconsole.revoke.RevokePlan;
import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.RevokeCriteria;
import com.sessionconsole.domain.RevokeResult;
import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.VisibleText;
import com.sessionconsole.live.PollControl;
import com.sessionconsole.live.ui.ConnectionStatusViewModel;
import com.sessionconsole.live.ui.LiveFeed;
import com.sessionconsole.revoke.RevocationService;
import com.sessionconsole.ui.DialogService;
import com.sessionconsole.ui.Messages;
import com.sessionconsole.ui.TimeText;
import com.sessionconsole.ui.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The revoke flow: plan what the analyst selected, refuse what must not happen, ask for confirmation,
 * run the revoke off the FX thread, and report the outcome (and any sessions that appeared meanwhile).
 * The dialogs come from a {@link DialogService} and a {@link RevokeConfirmer}, so the whole flow runs
 * in a test without a robot.
 */
public final class RevokeViewModel {
    private final LiveFeed feed;
    private final PollControl poller;
    private final TaskRunner runner;
    private final RevocationService revocation;
    private final Messages messages;
    private final DialogService dialogs;
    private final RevokeConfirmer confirmer;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<RevocationService.Outcome> lastOutcome = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper disabledReason = new ReadOnlyStringWrapper();

    public RevokeViewModel(LiveFeed feed, PollControl poller, TaskRunner runner, ConnectionStatusViewModel status,
                           RevocationService revocation, Messages messages, DialogService dialogs, RevokeConfirmer confirmer) {
        this.feed = feed;
        this.poller = poller;
        this.runner = runner;
        this.revocation = revocation;
        this.messages = messages;
        this.dialogs = dialogs;
        this.confirmer = confirmer;
        status.connectedProperty().addListener((obs, old, connected) -> updateAvailability(connected));
        updateAvailability(status.connectedProperty().get());
    }

    private void updateAvailability(boolean connected) {
        if (!revocation.allowed()) {
            disabledReason.set(revocation.disabledReason());
        } else if (!connected) {
            disabledReason.set("disconnected from the database: revoke is disabled until the connection is back");
        } else {
            disabledReason.set(null);
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
        List<Session> targets = feed.snapshot().sessions().stream().filter(s -> Objects.equals(s.key(by), key))
                .sorted(Session.NEWEST_FIRST).toList();
        return RevokePlan.ofKey(by, key, targets, refusal(targets));
    }

    /** The active sessions among these (a finding's evidence), on the server's estimated clock. */
    public RevokePlan planRevokeActive(List<Session> sessions) {
        return planRevoke(sessions.stream().filter(x -> x.isActiveAt(feed.serverNow())).toList());
    }

    private String refusal(List<Session> targets) {
        String reason = disabledReason.get();
        return reason != null ? reason : revocation.refusal(targets);
    }

    /** The whole flow for one plan: refuse, or confirm and revoke. */
    public void execute(RevokePlan plan) {
        if (busy.get()) {
            dialogs.inform(DialogService.Severity.WARNING, "Not revoked", "A revoke is still running; wait for its outcome first.");
        } else if (plan.refusal() != null) {
            dialogs.inform(DialogService.Severity.WARNING, "Not revoked", plan.refusal());
        } else if (plan.count() == 0) {
            dialogs.inform(DialogService.Severity.INFO, "Nothing to revoke", "The selection holds no active sessions.");
        } else {
            confirmer.confirm(plan).ifPresent(answer -> revoke(plan, answer));
        }
    }

    /**
     * Runs the confirmed revoke off the FX thread; the outcome lands in {@link #lastOutcomeProperty()}. The
     * reason and, above {@value RevokePlan#TYPE_COUNT_ABOVE} sessions, the typed count are checked here
     * again: nothing is revoked on an answer the dialog should not have accepted.
     */
    public void revoke(RevokePlan plan, RevokeConfirmer.Answer answer) {
        if (busy.get()) {
            messages.show("Not revoked: a revoke is still running");
            return;
        }
        if (!plan.confirmable(answer.reason(), answer.typedCount())) {
            messages.show("Not revoked: " + (plan.refusal() != null ? plan.refusal()
                    : plan.requiresTypedCount() ? "a reason and the typed count (" + plan.count() + ") are required" : "a reason is required"));
            return;
        }
        busy.set(true);
        runner.run(runner.io(), () -> revocation.revoke(plan.criteria(), plan.sessions(), answer.reason(), "gui"), this::done, error -> {
            busy.set(false);
            messages.show("Not revoked: " + error.getMessage());
            lastOutcome.set(null);
            dialogs.inform(DialogService.Severity.ERROR, "Not revoked", error.getMessage());
        });
    }

    private void done(RevocationService.Outcome outcome) {
        busy.set(false);
        RevokeResult r = outcome.result();
        messages.show("At " + TimeText.clock(feed.serverNow()) + ": " + outcome.describe(), Messages.Link.AUDIT);
        lastOutcome.set(outcome);
        poller.applyRevoked(r);
        if (outcome.auditError() != null) {
            dialogs.inform(DialogService.Severity.ERROR, "Revoke done, audit log NOT written", outcome.auditError());
        }
        if (outcome.note() != null) { // a commit in doubt: what is known, and what to check
            dialogs.inform(DialogService.Severity.WARNING, "The connection dropped during the revoke", outcome.describe());
        } else if (!r.complete()) {
            dialogs.inform(DialogService.Severity.ERROR, r.leftActive().size() + " confirmed session(s) were NOT revoked",
                    outcome.describe());
        }
        if (!r.appearedAfter().isEmpty() && dialogs.ask("Sessions appeared after you confirmed",
                r.appearedAfter().size() + " new session(s) of " + VisibleText.of(r.key())
                        + " appeared after you confirmed. They were NOT revoked.\n\nReview them for a new revoke?")) {
            planAppeared(outcome);
        }
    }

    /** A new plan for the sessions of the key that appeared after the analyst confirmed, read from the server, then the usual flow. */
    void planAppeared(RevocationService.Outcome last) {
        runner.run(runner.io(), () -> revocation.planner().followUp(last), next -> execute(next.count() == 0
                        ? new RevokePlan(null, List.of(), "the sessions that appeared are no longer active")
                        : new RevokePlan(next.criteria(), next.sessions(), refusal(next.sessions()))),
                e -> messages.show("Could not read the sessions that appeared: " + e.getMessage()));
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RevocationService.Outcome> lastOutcomeProperty() {
        return lastOutcome.getReadOnlyProperty();
    }

    /** Why revoking is impossible right now (read-only, no privilege, disconnected); null when it is possible. */
    public ReadOnlyStringProperty disabledReasonProperty() {
        return disabledReason.getReadOnlyProperty();
    }
}
