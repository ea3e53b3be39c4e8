package com.sessionconsole.revoke.ui;

import com.sessionconsole.revoke.RevokePlan;
import com.sessionconsole.domain.IpAddresses;
import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.VisibleText;
import com.sessionconsole.ui.Fxml;
import javafx.fxml.FXML;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Asks the analyst to confirm a revoke: how many sessions, a sample of them, a required reason, and
 * for more than {@value RevokePlan#TYPE_COUNT_ABOVE} sessions the count typed out. Returns the reason.
 */
public final class RevokeDialog extends Dialog<RevokeConfirmer.Answer> {
    static final ButtonType REVOKE = new ButtonType("Revoke", ButtonBar.ButtonData.OK_DONE);

    @FXML private Label target;
    @FXML private Label criteria;
    @FXML private Label distinct;
    @FXML private ListView<String> sample;
    @FXML private TextArea reason;
    @FXML private VBox typedCountBox;
    @FXML private Label typedCountLabel;
    @FXML private TextField typedCount;

    /** @param database which database the revoke changes, in words ({@code RevocationService.target()}) */
    RevokeDialog(Window owner, RevokePlan plan, String database) {
        initOwner(owner);
        String sessions = plan.count() + " active session" + (plan.count() == 1 ? "" : "s");
        setTitle("Revoke " + sessions);
        setHeaderText("Revoke " + sessions + "?");
        getDialogPane().setContent(Fxml.load("RevokeDialog.fxml", this));
        getDialogPane().setPrefWidth(820); // a user id, a device and a full IPv6 address on one line of the sample
        getDialogPane().setMinWidth(Region.USE_PREF_SIZE);
        target.setText("In " + database);
        criteria.setText("Criteria: " + VisibleText.of(plan.criteria().describe()));
        distinct.setText(distinctCounts(plan) + ". User, device, IP of each:");
        for (Session s : plan.sample()) {
            sample.getItems().add(s.userId() + "   " + VisibleText.quoted(s.deviceId()) + "   " + IpAddresses.shownSpelling(s.ipAddress()));
        }
        if (plan.count() > plan.sample().size()) {
            sample.getItems().add("… and " + (plan.count() - plan.sample().size()) + " more");
        }
        sample.setCellFactory(list -> new ListCell<>() { // a line cut at the dialog's edge is whole on hover
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null ? null : new Tooltip(item));
            }
        });
        sample.setPrefHeight(Math.max(5, Math.min(11, sample.getItems().size())) * 26 + 4);
        typedCountBox.setVisible(plan.requiresTypedCount());
        typedCountBox.setManaged(plan.requiresTypedCount());
        typedCountLabel.setText("This ends more than " + RevokePlan.TYPE_COUNT_ABOVE + " sessions. Type the number of sessions to confirm:");
        typedCount.setPromptText("type " + plan.count() + " to confirm");
        // Tab leaves the reason instead of typing a tab into it
        reason.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isControlDown()) {
                e.consume();
                reason.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, e.isShiftDown(), true, false, false));
            }
        });
        setOnShown(e -> reason.requestFocus());
        getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, REVOKE);
        getDialogPane().lookupButton(REVOKE).setId("revoke-confirm");
        getDialogPane().lookupButton(REVOKE).getStyleClass().add("danger");
        Runnable validate = () -> getDialogPane().lookupButton(REVOKE).setDisable(!plan.confirmable(reason.getText(), typedCount.getText()));
        reason.textProperty().addListener((o, a, b) -> validate.run());
        typedCount.textProperty().addListener((o, a, b) -> validate.run());
        validate.run();
        setResultConverter(button -> button == REVOKE ? new RevokeConfirmer.Answer(reason.getText().strip(), typedCount.getText()) : null);
    }

    public static Optional<RevokeConfirmer.Answer> ask(Window owner, RevokePlan plan, String database) {
        return new RevokeDialog(owner, plan, database).showAndWait();
    }

    static String distinctCounts(RevokePlan plan) {
        List<Session> all = plan.sessions();
        return count(all, Session::userId, "user") + ", " + count(all, Session::deviceId, "device") + ", "
                + count(all, Session::ipAddress, "IP");
    }

    private static String count(List<Session> sessions, Function<Session, Object> key, String noun) {
        long n = sessions.stream().map(key).distinct().count();
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
