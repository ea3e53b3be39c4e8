package com.sessionconsole.ui.window;

import com.sessionconsole.ui.ViewPrefs;


import com.sessionconsole.ui.DialogService;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import java.io.InputStream;
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
        Scene scene = new Scene(view.root(), prefs.getDouble("window.width", 1366), prefs.getDouble("window.height", 768));
        scene.getStylesheets().add(Objects.requireNonNull(ConsoleWindow.class.getResource("/com/sessionconsole/ui/console.css")).toExternalForm());
        scene.getAccelerators().put(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.F,
                javafx.scene.input.KeyCombination.SHORTCUT_DOWN), () -> view.searchField().requestFocus());
        stage.setScene(scene);
        stage.setTitle(demo ? "Session Console — DEMO database (synthetic data)" : "Session Console — " + connection);
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        for (String size : new String[]{"16", "32", "64", "128", "256"}) {
            InputStream icon = ConsoleWindow.class.getResourceAsStream("/com/sessionconsole/ui/icons/session-console-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new Image(icon));
            }
        }
        stage.setOnHiding(e -> {
            prefs.putDouble("window.width", scene.getWidth());
            prefs.putDouble("window.height", scene.getHeight());
            prefs.flush();
        });
        clock = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> models.status().updateStaleText()));
        clock.setCycleCount(Timeline.INDEFINITE);
    }

    public void show() {
        stage.show();
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
