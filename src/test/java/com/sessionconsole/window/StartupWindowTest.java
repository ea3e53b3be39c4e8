package com.sessionconsole.window;

import com.sessionconsole.support.TestDatabase;
import com.sessionconsole.support.TestWorkspace;
import com.sessionconsole.support.WindowedConsole;
import com.sessionconsole.ui.ViewPrefs;
import com.sessionconsole.workspace.StartupStep;
import com.sessionconsole.workspace.Workspace;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #26 §1: the window is on screen before any database work and says what is happening; once the console has
 * the stage, the start-up state stays over it until the first load, and then the console is shown as it is.
 */
@ExtendWith(ApplicationExtension.class)
class StartupWindowTest {
    Stage stage;
    StartupWindow startup;
    WindowedConsole console;
    Workspace ws;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Preferences node = Preferences.userRoot().node("com/sessionconsole-startup-test");
        node.clear();
        startup = new StartupWindow(stage, new ViewPrefs(node));
        startup.show();
    }

    @AfterEach
    void stop() {
        if (console != null) {
            console.close();
        }
        if (ws != null) {
            ws.close();
        }
    }

    private static String text(FxRobot robot) {
        return ((Label) robot.lookup("#startup .label").match(n -> ((Label) n).getText().endsWith("…")).query()).getText();
    }

    @Test
    void theWindowShowsEachStepWithItsProgressThenCoversTheConsoleUntilTheFirstLoad(FxRobot robot) throws Exception {
        assertThat(stage.isShowing()).as("shown before any database work").isTrue();
        assertThat(stage.getTitle()).isEqualTo("Session Console — starting");
        robot.interact(() -> startup.show(StartupStep.startingDemo()));
        assertThat(text(robot)).isEqualTo("Starting the demo database (an embedded PostgreSQL on this machine)…");
        assertThat(robot.lookup("#startup .progress-bar").queryAs(ProgressBar.class).getProgress()).isEqualTo(0.1);
        robot.interact(() -> startup.show(StartupStep.connecting("db1:5432/app")));
        assertThat(text(robot)).isEqualTo("Connecting to db1:5432/app and checking public.user_sessions…");

        TestDatabase.get().resetTable();
        ws = TestWorkspace.open(Files.createTempDirectory("startup"));
        robot.interact(() -> {
            try {
                console = WindowedConsole.create(stage, ws, "sessionconsole-startup-test");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            startup.coverConsole(StartupStep.firstLoad());
        });
        Node consoleRoot = console.window.view().root();
        assertThat(stage.getScene().getRoot()).isInstanceOf(StackPane.class);
        assertThat(((StackPane) stage.getScene().getRoot()).getChildren()).hasSize(2).first().isSameAs(consoleRoot);
        assertThat(text(robot)).isEqualTo("Loading the active sessions…");
        assertThat(consoleRoot.getStyleClass()).as("the theme's .root rules still reach the console").contains("root");

        robot.interact(startup::uncover);
        assertThat(stage.getScene().getRoot()).isSameAs(consoleRoot);
        assertThat(robot.lookup("#startup").tryQuery()).isEmpty();
        assertThat(consoleRoot.getStyleClass().stream().filter("root"::equals)).hasSize(1);
    }

    @Test
    void aStartThatFailsSaysWhyInTheWindow(FxRobot robot) {
        robot.interact(() -> startup.failed("cannot connect to db1:5432: connection refused"));
        assertThat(robot.lookup("#startup .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Cannot start: cannot connect to db1:5432: connection refused");
    }
}
