package com.sessionconsole.audit.ui;

import com.sessionconsole.ui.CutTextCell;
import com.sessionconsole.ui.SessionMenu;
import com.sessionconsole.ui.TableCopy;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;

import com.sessionconsole.audit.AuditRecord;
import com.sessionconsole.audit.AuditedSession;
import com.sessionconsole.domain.VisibleText;
import com.sessionconsole.ui.Fxml;
import com.sessionconsole.ui.SessionTable;
import com.sessionconsole.ui.TimeText;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** Every revoke made from this machine, newest first; below, the selected one's reason in full and its sessions. */
public final class AuditView {
    @FXML
    private TableView<AuditRecord> table;
    @FXML
    private Label auditFile;
    @FXML
    private Label detailTitle;
    @FXML
    private Label reason;
    @FXML
    private Label sessionsTitle;
    @FXML
    private TableView<AuditedSession> sessions;

    private final Parent root;

    public AuditView(AuditViewModel vm) {
        root = Fxml.load("AuditView.fxml", this);
        table.setId("audit-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().add(timeColumn());
        table.getColumns().add(column("Source", 60, AuditRecord::source));
        table.getColumns().add(column("OS user", 90, AuditRecord::osUser));
        table.getColumns().add(column("DB user", 90, AuditRecord::dbUser));
        table.getColumns().add(column("Server", 170, AuditRecord::server));
        table.getColumns().add(column("Criteria", 260, AuditRecord::criteria));
        table.getColumns().add(column("Reason", 200, AuditRecord::reason));
        table.getColumns().add(column("Status", 110, AuditRecord::status));
        table.getColumns().add(column("Revoked", 70, r -> Integer.toString(r.revoked())));
        table.getColumns().add(column("Already inactive", 110, r -> Integer.toString(r.alreadyInactive())));
        // in a narrow window the time, the status and the counts stay whole; the free text columns give way
        double[] minimum = {210, 70, 70, 70, 60, 0, 0, 90, 84, 136};
        for (int i = 0; i < minimum.length; i++) {
            table.getColumns().get(i).setMinWidth(Math.max(minimum[i], 40));
        }
        table.setItems(vm.records());
        SessionTable.fitWidestAddress(table.getColumns().get(4), table.getItems(), AuditRecord::server); // the server whole, never cut
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, r) -> vm.select(r));
        auditFile.textProperty().bind(vm.locationProperty());

        sessions.setId("audit-sessions");
        sessions.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        sessions.getColumns().add(column("Session id", 260, AuditedSession::id));
        sessions.getColumns().add(column("User", 260, AuditedSession::userId));
        sessions.getColumns().add(column("Device", 180, AuditedSession::deviceId));
        sessions.getColumns().add(column("IP", 140, AuditedSession::ipAddress));
        sessions.getColumns().add(column("Token", 90, AuditedSession::tokenMasked));
        sessions.setItems(vm.selectedSessions());
        SessionTable.fitWidestAddress(sessions.getColumns().get(3), sessions.getItems(), AuditedSession::ipAddress);
        sessionsTitle.textProperty().bind(vm.sessionsTitleProperty().map(VisibleText::of));
        vm.selectedProperty().addListener((obs, old, r) -> {
            if (r != null && table.getSelectionModel().getSelectedItem() != r) {
                table.getSelectionModel().select(r);
                table.scrollTo(r);
            }
            showDetail(r);
        });
        showDetail(null);
        for (TableView<?> t : List.of(table, sessions)) { // copy, as in every table (docs/row-actions.md)
            t.setContextMenu(new ContextMenu(TableCopy.install(t).toArray(MenuItem[]::new)));
            SessionMenu.rowsOnly(t);
        }
    }

    private void showDetail(AuditRecord r) {
        boolean none = r == null || r.status().equals(AuditRecord.UNREADABLE);
        detailTitle.setText(none ? "" : VisibleText.of(TimeText.absolute(r.time()) + " · " + r.criteria()
                + " · by " + r.osUser() + " (database user " + r.dbUser() + ") on " + r.server() + " via " + r.source()));
        reason.setText(none ? "" : "Reason: " + VisibleText.of(r.reason()));
    }

    /** Absolute, with its zone, through TimeText so that it follows the console's time zone setting. */
    private static TableColumn<AuditRecord, Instant> timeColumn() {
        TableColumn<AuditRecord, Instant> c = new TableColumn<>("Time");
        c.setPrefWidth(190);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().time()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Instant t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty ? null : TimeText.absolute(t));
            }
        });
        return c;
    }

    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(VisibleText.of(value.apply(cd.getValue()))));
        c.setCellFactory(col -> new CutTextCell<>()); // cut text is whole in a tooltip
        return c;
    }

    public Parent root() {
        return root;
    }
}
