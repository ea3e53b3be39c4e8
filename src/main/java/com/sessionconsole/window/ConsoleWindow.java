package com.sessionconsole.window;

import com.sessionconsole.ui.ViewPrefs;


import com.sessionconsole.ui.DialogService;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.io.InputStream;
import java.util.Comparator;
import java.util.Objects;

/** The console's stage: title, icon, stylesheet, remembered size, and a one-second clock for relative times. */
public final class ConsoleWindow {
    private final Stage stage;
    private final MainView view;
    private final ConsoleViewModels models;
    private final Timeline clock;

    public ConsoleWindow(Stage stage, ConsoleViewModels models, ViewPrefs prefs, DialogService dialogs, boolean demo, String connection) {
        this.stage = stage;
        this.models = models;
        this.view = new MainView(models, prefs, dialogs, demo);
        WindowPlacement.Rect at = placement(prefs);
        Scene scene = new Scene(view.root(), at.width(), at.height());
        stage.setX(at.x());
        stage.setY(at.y());
        scene.getStylesheets().add(Objects.requireNonNull(ConsoleWindow.class.getResource("/com/sessionconsole/ui/console.css")).toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F,
                KeyCombination.SHORTCUT_DOWN), () -> view.searchField().requestFocus());
        stage.setScene(scene);
        stage.setTitle(demo ? "Session Console — DEMO database (synthetic data)" : "Session Console — " + connection);
        stage.setMinWidth(Math.min(900, at.width()));
        stage.setMinHeight(Math.min(560, at.height()));
        if (stage.getIcons().isEmpty()) { // the start-up window may have set them already
            addIcons(stage);
        }
        stage.setOnHiding(e -> {
            prefs.putDouble("window.x", stage.getX());
            prefs.putDouble("window.y", stage.getY());
            prefs.putDouble("window.width", stage.getWidth());
            prefs.putDouble("window.height", stage.getHeight());
            prefs.flush();
        });
        clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> models.status().updateStaleText()));
        clock.setCycleCount(Timeline.INDEFINITE);
    }

    /** Where the window opens: the remembered bounds, clamped to the screens there are now. */
    static WindowPlacement.Rect placement(ViewPrefs prefs) {
        return WindowPlacement.place(remembered(prefs), Screen.getScreens().stream()
                .sorted(Comparator.comparing(s -> !s.equals(Screen.getPrimary())))
                .map(s -> new WindowPlacement.Rect(s.getVisualBounds().getMinX(), s.getVisualBounds().getMinY(),
                        s.getVisualBounds().getWidth(), s.getVisualBounds().getHeight())).toList());
    }

    static void addIcons(Stage stage) {
        for (String size : new String[]{"16", "32", "64", "128", "256"}) {
            InputStream icon = ConsoleWindow.class.getResourceAsStream("/com/sessionconsole/ui/icons/session-console-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new Image(icon));
            }
        }
    }

    private static WindowPlacement.Rect remembered(ViewPrefs prefs) {
        double w = prefs.getDouble("window.width", -1);
        double h = prefs.getDouble("window.height", -1);
        return w <= 0 || h <= 0 ? null
                : new WindowPlacement.Rect(prefs.getDouble("window.x", Double.NaN), prefs.getDouble("window.y", Double.NaN), w, h);
    }

    public void show() {
        stage.show();
        view.focusTable();
        clock.play();
    }

    public Stage stage() {
        return stage;
    }

    public MainView view() {
        return view;
    }

    public void close() {
        clock.stop();
    }
}
