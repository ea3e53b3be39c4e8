package com.sessionconsole.window;

import com.sessionconsole.live.ui.ConnectionStatusViewModel;
import com.sessionconsole.live.ui.LiveViewModel;
import com.sessionconsole.ui.Fxml;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/** The bottom line: which database, how fresh the data is, paused or not, the counts, the replica's lag, and the last error. */
final class StatusBar {
    @FXML private Label connection;
    @FXML private Label refresh;
    @FXML private Label paused;
    @FXML private Label count;
    @FXML private Label replica;
    @FXML private Label error;
    @FXML private HBox legend;

    private final ConnectionStatusViewModel status;
    private final LiveViewModel live;
    private final Parent root;

    StatusBar(ConnectionStatusViewModel status, LiveViewModel live) {
        this.status = status;
        this.live = live;
        this.root = Fxml.load("StatusBar.fxml", this);
    }

    @FXML
    private void initialize() {
        connection.textProperty().bind(status.connectionLabelProperty().map(l -> "demo".equals(l) ? "● Demo database (synthetic data)" : "● " + l));
        status.connectedProperty().addListener((obs, old, ok) -> connection.pseudoClassStateChanged(PseudoClass.getPseudoClass("offline"), !ok));
        refresh.textProperty().bind(status.refreshTextProperty());
        paused.visibleProperty().bind(status.pausedProperty());
        paused.managedProperty().bind(paused.visibleProperty());
        count.textProperty().bind(live.countTextProperty().concat(live.narrowingProperty()
                .map(n -> n.isEmpty() ? "" : " (loaded: " + n.describe() + ")")));
        replica.textProperty().bind(status.replicaTextProperty());
        replica.managedProperty().bind(status.replicaTextProperty().isNotEmpty());
        status.replicaBehindProperty().addListener((obs, old, behind) -> replica.pseudoClassStateChanged(
                PseudoClass.getPseudoClass("behind"), behind));
        error.textProperty().bind(status.errorTextProperty());
        for (Label l : new Label[]{connection, refresh, paused, count, replica}) {
            l.setMinWidth(Region.USE_PREF_SIZE); // the facts never shrink to "…"; the legend gives way first
        }
        legend.visibleProperty().bind(Bindings.createBooleanBinding(() -> ((HBox) legend.getParent()).getWidth()
                - connection.getWidth() - refresh.getWidth() - count.getWidth() - replica.getWidth() - error.getWidth() - 120
                > legend.prefWidth(-1), ((HBox) legend.getParent()).widthProperty(), connection.widthProperty(), refresh.widthProperty(),
                count.widthProperty(), replica.widthProperty(), error.widthProperty()));
        legend.managedProperty().bind(legend.visibleProperty());
        Tooltip.install(legend, new Tooltip("Green: arrived with the last poll (for one poll). "
                + "Purple bar: its user, device or IP is watched. Red italic IP: not an address (the column is free text). "
                + "Red bold trust: at or below 20. Enter on a row says why it is highlighted."));
    }

    Parent root() {
        return root;
    }
}
