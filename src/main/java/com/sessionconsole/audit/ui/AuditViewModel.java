package com.sessionconsole.audit.ui;

import com.sessionconsole.audit.AuditLog;
import com.sessionconsole.audit.AuditRecord;
import com.sessionconsole.audit.AuditedSession;
import com.sessionconsole.ui.LatestWins;
import com.sessionconsole.ui.TaskRunner;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The audit log of revokes, newest first, read off the FX thread; the selected revoke's sessions. */
public final class AuditViewModel {
    static final String SELECT_PROMPT = "Select a revoke above to see its sessions and its whole reason.";

    private final LatestWins latest;
    private final AuditLog audit;
    private final ObservableList<AuditRecord> records = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper location = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<AuditRecord> selected = new ReadOnlyObjectWrapper<>();
    private final ObservableList<AuditedSession> sessions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper sessionsTitle = new ReadOnlyStringWrapper(SELECT_PROMPT);

    public AuditViewModel(TaskRunner runner, AuditLog audit) {
        this.latest = new LatestWins(runner, runner.io());
        this.audit = audit;
        location.set("Audit log: " + audit.file());
    }

    public void reload() {
        latest.submit(audit::records, records::setAll, e -> location.set("Cannot read the audit log " + audit.file() + ": " + e.getMessage()));
    }

    /** Reloads and selects the newest record: "View in Audit" after a revoke lands on that revoke. */
    public void reloadAndSelectNewest() {
        latest.submit(audit::records, list -> {
            records.setAll(list);
            select(list.isEmpty() ? null : list.get(0));
        }, e -> location.set("Cannot read the audit log " + audit.file() + ": " + e.getMessage()));
    }

    /** Shows the sessions this revoke revoked; where the log does not say (no outcome, in doubt), the ones it confirmed. */
    public void select(AuditRecord r) {
        selected.set(r);
        if (r == null) {
            sessions.clear();
            sessionsTitle.set(SELECT_PROMPT);
            return;
        }
        sessions.setAll(r.outcomeUnknown() ? r.confirmed() : r.revokedSessions());
        sessionsTitle.set(titleOf(r));
    }

    private static String titleOf(AuditRecord r) {
        if (r.status().equals(AuditRecord.UNREADABLE)) {
            return "This line of the audit log cannot be read (torn by a crash, or edited; audit verify names it): " + r.raw();
        }
        if (r.outcomeUnknown()) {
            return "Outcome unknown (" + r.status() + "): the " + r.confirmed().size()
                    + " confirmed session(s) below may have been revoked; check them.";
        }
        return r.revoked() + " session(s) revoked" + (r.alreadyInactive() > 0 ? ", " + r.alreadyInactive() + " were already inactive" : "")
                + " (" + r.status() + ")";
    }

    public ObservableList<AuditRecord> records() {
        return FXCollections.unmodifiableObservableList(records);
    }

    public ReadOnlyObjectProperty<AuditRecord> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The sessions of the selected revoke; token masked, as recorded. */
    public ObservableList<AuditedSession> selectedSessions() {
        return FXCollections.unmodifiableObservableList(sessions);
    }

    public ReadOnlyStringProperty sessionsTitleProperty() {
        return sessionsTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty locationProperty() {
        return location.getReadOnlyProperty();
    }
}
