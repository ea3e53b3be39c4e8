package com.sessionconsole.window;

import com.sessionconsole.live.ui.ConnectionStatusViewModel;
import com.sessionconsole.revoke.ui.RevokeViewModel;
import com.sessionconsole.ui.Fxml;
import com.sessionconsole.ui.StandardAction;
import com.sessionconsole.ui.ViewPrefs;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.Duration;
import java.util.List;

/** The toolbar (laid out in ConsoleToolBar.fxml): refresh, pause, interval, revoke, export, token lookup, theme. */
final class ConsoleToolBar {
    static final List<Duration> INTERVALS = List.of(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofSeconds(60));

    @FXML private Button refresh;
    @FXML private Button pause;
    @FXML private ComboBox<Duration> interval;
    @FXML private StackPane revokeHolder;
    @FXML private Button revoke;
    @FXML private Button export;
    @FXML private Button findToken;
    @FXML private Button theme;
    @FXML private Label demoBadge;

    private final ConnectionStatusViewModel status;
    private final RevokeViewModel revoker;
    private final ConsoleActions actions;
    private final Appearance appearance;
    private final ViewPrefs prefs;
    private final boolean demo;
    private final Parent root;

    ConsoleToolBar(ConnectionStatusViewModel status, RevokeViewModel revoker, ConsoleActions actions, Appearance appearance, ViewPrefs prefs,
                   boolean demo) {
        this.status = status;
        this.revoker = revoker;
        this.actions = actions;
        this.appearance = appearance;
        this.prefs = prefs;
        this.demo = demo;
        this.root = Fxml.load("ConsoleToolBar.fxml", this);
    }

    @FXML
    private void initialize() {
        refresh.setTooltip(new Tooltip(StandardAction.REFRESH.description()));
        pause.setTooltip(new Tooltip(StandardAction.TOGGLE_PAUSED.description()));
        export.setTooltip(new Tooltip(StandardAction.EXPORT_VIEW.description()));
        findToken.setText(StandardAction.FIND_TOKEN.label());
        findToken.setTooltip(new Tooltip(StandardAction.FIND_TOKEN.description()));
        theme.setTooltip(new Tooltip(StandardAction.TOGGLE_THEME.description()));
        pause.textProperty().bind(status.pausedProperty().map(p -> p ? "Resume" : "Pause"));
        pause.graphicProperty().bind(status.pausedProperty().map(p -> new FontIcon(p ? "mdi2p-play" : "mdi2p-pause")));
        interval.getItems().setAll(INTERVALS);
        interval.setConverter(new StringConverter<>() {
            @Override
            public String toString(Duration d) {
                return d == null ? "" : "every " + d.toSeconds() + " s";
            }

            @Override
            public Duration fromString(String s) {
                return null;
            }
        });
        Duration saved = Duration.ofSeconds((long) prefs.getDouble("poll.seconds", 5));
        interval.setValue(INTERVALS.contains(saved) ? saved : Duration.ofSeconds(5));
        status.setInterval(interval.getValue());
        interval.valueProperty().addListener((obs, old, d) -> {
            status.setInterval(d);
            prefs.putDouble("poll.seconds", d.toSeconds());
        });
        revoke.disableProperty().bind(revoker.disabledReasonProperty().isNotNull().or(revoker.busyProperty()));
        revoke.textProperty().bind(revoker.disabledReasonProperty().map(r -> "Revoke disabled: " + shortReason(r)).orElse("Revoke…"));
        Tooltip revokeTip = new Tooltip();
        revokeTip.textProperty().bind(revoker.disabledReasonProperty()
                .orElse(StandardAction.REVOKE_FROM_VIEW.description()));
        Tooltip.install(revokeHolder, revokeTip); // on the holder: a disabled button shows no tooltip
        demoBadge.setVisible(demo);
        demoBadge.setManaged(demo);
    }

    private static String shortReason(String reason) {
        if (reason.startsWith("disconnected")) {
            return "disconnected";
        }
        if (reason.startsWith("read-only")) {
            return "read-only mode";
        }
        return "no UPDATE privilege";
    }

    @FXML
    private void refresh() {
        status.refreshNow();
    }

    @FXML
    private void togglePaused() {
        status.togglePaused();
    }

    @FXML
    private void revoke() {
        actions.revokeFromView().execute();
    }

    @FXML
    private void export() {
        actions.exportView().execute();
    }

    @FXML
    private void findToken() {
        actions.findToken().execute();
    }

    @FXML
    private void toggleTheme() {
        appearance.toggleTheme();
    }

    Parent root() {
        return root;
    }
}
