package com.sessionconsole.revoke.ui;

import com.sessionconsole.domain.Session;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Optional;

/**
 * Asks the analyst to confirm a revoke: how many sessions, a sample of them, a required reason, and
 * for more than {@value RevokePlan#TYPE_COUNT_ABOVE} sessions the count typed out. Returns the reason.
 */
public final class RevokeDialog extends Dialog<String> {
    static final ButtonType REVOKE = new ButtonType("Revoke", ButtonBar.ButtonData.OK_DONE);

    RevokeDialog(Window owner, RevokePlan plan) {
        initOwner(owner);
        setTitle("Revoke sessions");
        setHeaderText("Revoke " + plan.count() + " active session" + (plan.count() == 1 ? "" : "s")
                + " (" + plan.criteria().describe() + ")?");
        ListView<String> sample = new ListView<>();
        sample.setId("revoke-sample");
        for (Session s : plan.sample()) {
            sample.getItems().add(s.userId() + "   " + orDash(s.deviceId()) + "   " + orDash(s.ipAddress()));
        }
        if (plan.count() > plan.sample().size()) {
            sample.getItems().add("… and " + (plan.count() - plan.sample().size()) + " more");
        }
        sample.setPrefHeight(Math.min(11, sample.getItems().size()) * 26 + 4);
        TextArea reason = new TextArea();
        reason.setId("revoke-reason");
        reason.setPromptText("Why? (required; written to the audit log)");
        reason.setPrefRowCount(2);
        reason.setWrapText(true);
        TextField typedCount = new TextField();
        typedCount.setId("revoke-count");
        typedCount.setPromptText("type " + plan.count() + " to confirm");
        VBox box = new VBox(8, new Label("Sessions (user, device, IP):"), sample, new Label("Reason:"), reason);
        if (plan.requiresTypedCount()) {
            box.getChildren().addAll(new Label("This ends more than " + RevokePlan.TYPE_COUNT_ABOVE
                    + " sessions. Type the number of sessions to confirm:"), typedCount);
        }
        Label note = new Label("Sessions are set inactive, not deleted. The revoke is recorded in the audit log.");
        note.getStyleClass().add("dialog-note");
        box.getChildren().add(note);
        box.setPadding(new Insets(10));
        box.setPrefWidth(620);
        getDialogPane().setContent(box);
        getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, REVOKE);
        getDialogPane().lookupButton(REVOKE).setId("revoke-confirm");
        getDialogPane().lookupButton(REVOKE).getStyleClass().add("danger");
        Runnable validate = () -> getDialogPane().lookupButton(REVOKE).setDisable(!plan.confirmable(reason.getText(), typedCount.getText()));
        reason.textProperty().addListener((o, a, b) -> validate.run());
        typedCount.textProperty().addListener((o, a, b) -> validate.run());
        validate.run();
        setResultConverter(button -> button == REVOKE ? reason.getText().strip() : null);
    }

    public static Optional<String> ask(Window owner, RevokePlan plan) {
        return new RevokeDialog(owner, plan).showAndWait();
    }

    private static String orDash(String s) {
        return s == null ? "—" : s;
    }
}
