package com.sessionconsole.window;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Styles;
import com.sessionconsole.ui.ViewPrefs;
import com.sessionconsole.workspace.StartupStep;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The window before the console is ready. It is on screen before any database work, where the console will be,
 * and says what is happening (connecting, starting the demo database, the first load) with a progress bar and the
 * seconds so far. Once the console has taken the stage, it stays over it until the first load is done, so that an
 * empty table never reads as "no sessions".
 */
public final class StartupWindow {
    private final Stage stage;
    private final Label step = new Label("Opening the window");
    private final Label seconds = new Label();
    private final ProgressBar bar = new ProgressBar(0.02);
    private final VBox pane;
    private final Timeline clock;
    private final long startedNanos = System.nanoTime();
    private StackPane cover;
    private Parent console;

    public StartupWindow(Stage stage, ViewPrefs prefs) {
        this.stage = stage;
        boolean dark = prefs.getBoolean("theme.dark", false);
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        Label title = new Label("Session Console");
        title.getStyleClass().add(Styles.TITLE_2);
        step.getStyleClass().add(Styles.TEXT_BOLD);
        step.setWrapText(true);
        seconds.getStyleClass().add(Styles.TEXT_MUTED);
        bar.setPrefWidth(420);
        pane = new VBox(10, title, bar, step, seconds);
        pane.setAlignment(Pos.CENTER);
        pane.setMaxWidth(560);
        pane.setId("startup");
        WindowPlacement.Rect at = ConsoleWindow.placement(prefs);
        stage.setScene(new Scene(new StackPane(pane), at.width(), at.height()));
        stage.setX(at.x());
        stage.setY(at.y());
        stage.setTitle("Session Console — starting");
        ConsoleWindow.addIcons(stage);
        clock = new Timeline(new KeyFrame(Duration.millis(250), e -> tick()));
        clock.setCycleCount(Timeline.INDEFINITE);
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        stage.show();
        clock.play();
    }

    public void show(StartupStep s) {
        step.setText(s.text() + "…");
        bar.setProgress(s.done());
    }

    /** The console could not open: the window keeps saying why, behind the error dialog. */
    public void failed(String message) {
        clock.stop();
        step.setText("Cannot start: " + message);
        step.getStyleClass().add(Styles.DANGER);
        bar.setProgress(0);
    }

    /** After the console has set its scene on the stage: lays the start-up state over it until {@link #uncover()}. */
    public void coverConsole(StartupStep s) {
        Scene scene = stage.getScene();
        console = scene.getRoot();
        cover = new StackPane();
        pane.setStyle("-fx-background-color: -color-bg-default;");
        pane.setMaxWidth(Double.MAX_VALUE);
        scene.setRoot(cover);
        console.getStyleClass().add("root"); // the scene gives its root this class, which the theme is defined on
        cover.getChildren().addAll(console, pane);
        show(s);
    }

    /** The first load is done (or failed, and the console says so): the console is shown as it is. */
    public void uncover() {
        clock.stop();
        if (cover != null && console != null) {
            cover.getChildren().clear();
            console.getStyleClass().remove("root");
            stage.getScene().setRoot(console);
            cover = null;
        }
    }

    private void tick() {
        seconds.setText(String.format("%.1f s", (System.nanoTime() - startedNanos) / 1e9));
    }
}
