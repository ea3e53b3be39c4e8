package com.sessionconsole.audit.ui;

import com.sessionconsole.audit.AuditLog;
import com.sessionconsole.audit.AuditRecord;
import com.sessionconsole.ui.LatestWins;
import com.sessionconsole.ui.TaskRunner;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The audit log of revokes, newest first, read off the FX thread. */
public final class AuditViewModel {
    private final LatestWins latest;
    private final AuditLog audit;
    private final ObservableList<AuditRecord> records = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper location = new ReadOnlyStringWrapper();

    public AuditViewModel(TaskRunner runner, AuditLog audit) {
        this.latest = new LatestWins(runner);
        this.audit = audit;
        location.set("Audit log: " + audit.file());
    }

    public void reload() {
        latest.submit(audit::records, records::setAll, e -> location.set("Cannot read the audit log " + audit.file() + ": " + e.getMessage()));
    }

    public ObservableList<AuditRecord> records() {
        return FXCollections.unmodifiableObservableList(records);
    }

    public ReadOnlyStringProperty locationProperty() {
        return location.getReadOnlyProperty();
    }
}
