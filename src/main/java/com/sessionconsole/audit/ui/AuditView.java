package com.sessionconsole.audit.ui;

import com.sessionconsole.ui.Fxml;

import com.sessionconsole.audit.AuditRecord;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TableRow;

import java.util.function.Function;

/** Every revoke made from this machine, newest first. */
public final class AuditView {
    @FXML
    private TableView<AuditRecord> table;
    @FXML
    private Label auditFile;

    private final Parent root;

    public AuditView(AuditViewModel vm) {
        root = Fxml.load("AuditView.fxml", this);
        table.setId("audit-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().add(column("Time", 190, AuditRecord::time));
        table.getColumns().add(column("Source", 60, AuditRecord::source));
        table.getColumns().add(column("OS user", 90, AuditRecord::osUser));
        table.getColumns().add(column("DB user", 90, AuditRecord::dbUser));
        table.getColumns().add(column("Server", 170, AuditRecord::server));
        table.getColumns().add(column("Criteria", 220, AuditRecord::criteria));
        table.getColumns().add(column("Reason", 220, AuditRecord::reason));
        table.getColumns().add(column("Revoked", 70, r -> Integer.toString(r.revoked())));
        table.getColumns().add(column("Already inactive", 110, r -> Integer.toString(r.alreadyInactive())));
        table.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(AuditRecord item, boolean empty) {
                super.updateItem(item, empty);
                setTooltip(empty || item == null ? null : new Tooltip(item.raw()));
            }
        });
        table.setItems(vm.records());
        auditFile.textProperty().bind(vm.locationProperty());
    }

    private static TableColumn<AuditRecord, String> column(String title, double width, Function<AuditRecord, String> value) {
        TableColumn<AuditRecord, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        return c;
    }

    public Parent root() {
        return root;
    }
}
