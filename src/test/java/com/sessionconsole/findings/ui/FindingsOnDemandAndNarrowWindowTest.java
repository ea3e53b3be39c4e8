package com.sessionconsole.findings.ui;

import com.sessionconsole.db.SessionWriter;
import com.sessionconsole.domain.NewSession;
import com.sessionconsole.domain.Session;
import com.sessionconsole.support.Rows;
import com.sessionconsole.support.TestDatabase;
import com.sessionconsole.support.TestWorkspace;
import com.sessionconsole.support.WindowedConsole;
import com.sessionconsole.workspace.Workspace;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #25's points that the Findings rebuild owns, in the real window (headless) on the real PostgreSQL: the session
 * detail computes the findings that cite a session when the Findings view was never opened; at 1024x700 the findings
 * list keeps its minimum height above the split and no severity or state is cut.
 */
@ExtendWith(ApplicationExtension.class)
class FindingsOnDemandAndNarrowWindowTest {
    static final String STUFFING = "45.155.205.233";
    TestDatabase db = TestDatabase.get();
    Workspace ws;
    WindowedConsole console;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        SessionWriter writer = db.resetTable();
        ws = TestWorkspace.open(Files.createTempDirectory("findings-on-demand"));
        Instant now = ws.dao().serverTime();
        List<NewSession> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(Rows.active(UUID.randomUUID(), now).ip(STUFFING).device("s-" + i).agent("python-requests/2.31.0").trust(5)
                    .location("Stuffville, NL").created(now.minus(Duration.ofSeconds(10L * i + 60))).build());
        }
        writer.insert(rows);
        console = WindowedConsole.open(stage, ws, "sessionconsole-findings-on-demand");
    }

    @AfterEach
    void stop() {
        console.close();
        ws.close();
    }

    @Test
    void theSessionDetailComputesTheFindingsThatCiteItWithoutTheFindingsView(FxRobot robot) throws Exception {
        TableView<Session> sessions = robot.lookup("#sessions-table").queryTableView();
        WindowedConsole.await("first load", 20, () -> sessions.getItems().size() == 40);
        assertThat(console.vm.findings().all()).isEmpty();
        robot.interact(() -> {
            sessions.getSelectionModel().select(0);
            sessions.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        WindowedConsole.await("the findings in the detail", 20, () -> robot.lookup("#detail-findings").tryQuery()
                .map(n -> ((TextArea) n).getText().contains(STUFFING)).orElse(false));
        assertThat(((TextArea) robot.lookup("#detail-findings").query()).getText())
                .startsWith("HIGH (risk").contains("IP shared by many users — IP " + STUFFING).doesNotContain("open the Findings tab");
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void at1024x700TheListKeepsItsHeightAndNoSeverityOrStateIsCut(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        TableView<FindingRow> findings = robot.lookup("#findings-table").queryTableView();
        WindowedConsole.await("findings", 20, () -> !findings.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(findings.getHeight()).isGreaterThanOrEqualTo(140);
        Font bold = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, Font.getDefault().getSize());
        for (List<String> columnAndWidest : List.of(List.of("Severity", "MEDIUM"), List.of("State", "acknowledged"))) {
            TableColumn<FindingRow, ?> c = findings.getColumns().stream().filter(x -> x.getText().equals(columnAndWidest.get(0)))
                    .findFirst().orElseThrow();
            Text t = new Text(columnAndWidest.get(1));
            t.setFont(bold);
            // the cell's padding is a few pixels a side
            assertThat(c.getWidth()).as(columnAndWidest.toString()).isGreaterThan(t.getLayoutBounds().getWidth() + 12);
        }
    }
}
