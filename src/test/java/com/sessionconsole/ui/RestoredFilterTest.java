package com.sessionconsole.ui;

import com.sessionconsole.support.ActiveSql;
import com.sessionconsole.workspace.Workspace;
import com.sessionconsole.demo.SessionGenerator;
import com.sessionconsole.db.SessionWriter;
import com.sessionconsole.domain.NewSession;
import com.sessionconsole.domain.Session;
import com.sessionconsole.support.TestDatabase;
import com.sessionconsole.support.TestWorkspace;
import com.sessionconsole.support.WindowedConsole;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/** A filter remembered from the last run is applied, and the window says so: a forgotten filter would hide sessions silently. */
@ExtendWith(ApplicationExtension.class)
class RestoredFilterTest {
    TestDatabase db = TestDatabase.get();
    Workspace ws;
    WindowedConsole console;

    @Start
    void start(Stage stage) throws Exception {
        SessionWriter writer = db.resetTable();
        ws = TestWorkspace.open(Files.createTempDirectory("console-restored"));
        Instant now = ws.dao().serverTime();
        List<NewSession> rows = new ArrayList<>();
        new SessionGenerator(3, 300, 250, now).rows().forEachRemaining(rows::add);
        writer.insert(rows);
        Preferences node = Preferences.userRoot().node("com/sessionconsole-restored");
        node.clear();
        node.put("filter.MAX_TRUST", "40");
        console = WindowedConsole.openWithPrefs(stage, ws, node);
    }

    @AfterEach
    void stop() {
        console.close();
        ws.close();
    }

    @Test
    void aFilterKeptFromTheLastRunIsAppliedAndAnnounced(FxRobot robot) throws Exception {
        TableView<Session> table = robot.lookup("#sessions-table").queryTableView();
        long expected = db.count("SELECT count(*) FROM public.user_sessions WHERE " + ActiveSql.WHERE + " AND trust_level <= 40");
        WindowedConsole.await("the kept filter applied", 20, () -> !table.getItems().isEmpty() && table.getItems().size() == expected);
        assertThat(robot.lookup("#message").queryLabeled().getText()).startsWith("Filters kept from your last run are applied")
                .contains("Ctrl+Shift+L");
    }
}
