package com.sessionconsole.window;

import com.sessionconsole.live.ui.ConnectionStatusViewModel;
import com.sessionconsole.live.ui.LiveViewModel;
import com.sessionconsole.ui.Fxml;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/** The bottom line: which database, how fresh the data is, paused or not, the counts, the replica's lag, and the last error. */
final class StatusBar {
    @FXML private Label connection;
    @FXML private Label refresh;
    @FXML private Label paused;
    @FXML private Label count;
    @FXML private Label replica;
    @FXML private Label error;
    @FXML private HBox legend;
    @FXML private Label legendShort;

    /** The widest a fact of the status bar stays whole (px) before it ends in "…" with a tooltip. */
    private static final double FACT_CAP = 260;
    private static final String LEGEND = "Green: arrived with the last poll (for one poll). "
            + "Purple bar: its user, device or IP is watched. Red italic IP: not an address, or blanks around it (the column is free text). "
            + "Red bold trust: at or below 20; ⚠ and red: outside 0–100. ⚠ Created: in the future. Enter on a row says why it is highlighted.";

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
        // The facts keep their whole text up to a cap, so that together they never make the window's content wider
        // than the window (a long replica-lag message did); past it a label ends in "…" and its tooltip has it whole.
        // The legend gives way first, then the last error and the replica's lag.
        for (Label l : new Label[]{connection, refresh, paused, count}) {
            l.minWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.min(l.prefWidth(-1), FACT_CAP), l.textProperty()));
        }
        for (Label l : new Label[]{connection, refresh, count, replica, error}) {
            Tooltip whole = new Tooltip();
            whole.setWrapText(true);
            whole.setMaxWidth(600);
            whole.textProperty().bind(l.textProperty());
            l.setTooltip(whole);
        }
        HBox bar = (HBox) legend.getParent();
        legend.visibleProperty().bind(Bindings.createBooleanBinding(() -> bar.getWidth()
                - connection.getWidth() - refresh.getWidth() - count.getWidth() - replica.getWidth() - error.getWidth() - 120
                > legend.prefWidth(-1), bar.widthProperty(), connection.widthProperty(), refresh.widthProperty(),
                count.widthProperty(), replica.widthProperty(), error.widthProperty()));
        legend.managedProperty().bind(legend.visibleProperty());
        // too narrow for the legend: one word stands in for it, with the same meanings on hover
        legendShort.visibleProperty().bind(legend.visibleProperty().not());
        legendShort.managedProperty().bind(legendShort.visibleProperty());
        for (Node n : new Node[]{legend, legendShort}) {
            Tooltip.install(n, new Tooltip(LEGEND));
        }
    }

    Parent root() {
        return root;
    }
}
