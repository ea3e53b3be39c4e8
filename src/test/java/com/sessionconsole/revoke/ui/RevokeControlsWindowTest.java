package com.sessionconsole.revoke.ui;

import com.sessionconsole.workspace.Workspace;
import com.sessionconsole.db.ConnectionSettings;
import com.sessionconsole.db.JdbcUrl;
import com.sessionconsole.domain.FindingRule;
import com.sessionconsole.domain.Session;
import com.sessionconsole.findings.ui.FindingRow;
import com.sessionconsole.support.RawRow;
import com.sessionconsole.support.TestDatabase;
import com.sessionconsole.support.TestWorkspace;
import com.sessionconsole.support.WindowedConsole;
import com.sessionconsole.ui.FxDialogService;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window's revoke controls say where a revoke would land, ask follow-up questions with the safe answer as the
 * default, and are all off (with the reason in words) when revoking is off or there is nothing active to revoke.
 */
@ExtendWith(ApplicationExtension.class)
class RevokeControlsWindowTest {
    TestDatabase db = TestDatabase.get();
    Stage stage;
    Workspace ws;
    WindowedConsole console;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        db.resetTable();
        List<RawRow> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rows.add(RawRow.active("infinity"));
        }
        rows.add(RawRow.active("2020-01-01 00:00:00+00")); // active-but-expired: a finding with no active session
        RawRow.insert(db.admin(), rows);
    }

    private void open(boolean readOnly) throws Exception {
        ConnectionSettings t = db.settings();
        ConnectionSettings settings = new ConnectionSettings(t.url(), t.user(), t.password(), null, readOnly, null, null, false);
        ws = TestWorkspace.open(Files.createTempDirectory("revoke-controls"), settings, Set.of());
        AtomicReference<Exception> failed = new AtomicReference<>();
        Platform.runLater(() -> {
            try {
                console = WindowedConsole.open(stage, ws, "sessionconsole-revoke-controls");
            } catch (Exception e) {
                failed.set(e);
            }
        });
        WindowedConsole.await("window", 20, () -> console != null || failed.get() != null);
        assertThat(failed.get()).isNull();
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

    private TableView<Session> table(FxRobot robot) {
        return robot.lookup("#sessions-table").queryTableView();
    }

    @Test
    void theRevokeDialogNamesTheDatabaseThatWillChange(FxRobot robot) throws Exception {
        open(false);
        WindowedConsole.await("first load", 20, () -> table(robot).getItems().size() == 20);
        robot.interact(() -> {
            table(robot).getSelectionModel().clearAndSelect(0);
            table(robot).requestFocus();
        });
        robot.type(KeyCode.DELETE);
        WindowedConsole.await("dialog", 20, () -> robot.lookup("#revoke-target").tryQuery().isPresent());
        JdbcUrl u = JdbcUrl.parse(db.url());
        assertThat(robot.lookup("#revoke-target").queryAs(Label.class).getText())
                .isEqualTo("In database '" + u.database() + "' on server " + u.host() + ":" + u.port() + " as user " + db.settings().user());
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void aFollowUpQuestionIsShownWholeAndNoIsTheDefaultAnswer(FxRobot robot) throws Exception {
        open(false);
        String question = "4 new session(s) of 203.0.113.77 appeared after you confirmed. They were NOT revoked.\n\n"
                + "Review them for a new revoke? ".repeat(6) + "The end of the question.";
        AtomicReference<Boolean> answer = new AtomicReference<>();
        Platform.runLater(() -> answer.set(new FxDialogService(() -> stage).ask("Sessions appeared after you confirmed", question)));
        WindowedConsole.await("question", 20, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        List<String> shown = new ArrayList<>();
        robot.interact(() -> pane.lookupAll(".text").forEach(n -> shown.add(((Text) n).getText())));
        assertThat(shown).noneMatch(t -> t.endsWith("…"));
        assertThat(String.join("", shown).replaceAll("\\s+", " ")).contains("The end of the question.");
        Button yes = buttonLabelled(robot, "Yes");
        Button no = buttonLabelled(robot, "No");
        assertThat(no.isDefaultButton()).isTrue();
        assertThat(yes.isDefaultButton()).isFalse();
        robot.type(KeyCode.ENTER);
        WindowedConsole.await("answered", 20, () -> answer.get() != null);
        assertThat(answer.get()).as("Enter gives the safe answer").isFalse();
    }

    private static Button buttonLabelled(FxRobot robot, String text) {
        return robot.lookup(".dialog-pane .button").queryAllAs(Button.class).stream().filter(b -> text.equals(b.getText()))
                .findFirst().orElseThrow();
    }

    @Test
    void inReadOnlyModeEveryRevokeControlIsOffAndSaysWhy(FxRobot robot) throws Exception {
        open(true);
        WindowedConsole.await("first load", 20, () -> table(robot).getItems().size() == 20);
        MenuItem menuRevoke = table(robot).getContextMenu().getItems().stream().filter(i -> i.getText() != null
                && i.getText().startsWith("Revoke")).findFirst().orElseThrow();
        assertThat(menuRevoke.isDisable()).isTrue();
        assertThat(menuRevoke.getText()).contains("read-only");
        robot.interact(() -> {
            table(robot).getSelectionModel().clearAndSelect(0);
            table(robot).requestFocus();
        });
        robot.type(KeyCode.ENTER);
        WindowedConsole.await("detail", 20, () -> robot.lookup("#detail-revoke").tryQuery().isPresent());
        assertThat(robot.lookup("#detail-revoke").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#detail-revoke-disabled").queryAs(Label.class).getText()).startsWith("Revoke is off: read-only mode");
        robot.type(KeyCode.ESCAPE);
        Node toolbarRevoke = robot.lookup(".tool-bar .button").queryAllAs(ButtonBase.class).stream()
                .filter(b -> b.getText() != null && b.getText().startsWith("Revoke")).findFirst().orElseThrow();
        assertThat(toolbarRevoke.isDisabled()).isTrue();
    }

    @Test
    void revokeEvidenceIsOffForAFindingWithNoActiveSession(FxRobot robot) throws Exception {
        open(false);
        WindowedConsole.await("first load", 20, () -> table(robot).getItems().size() == 20);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        WindowedConsole.await("the zombie finding", 20, () -> zombie() != null);
        robot.interact(() -> console.vm.findings().select(zombie()));
        Button revoke = robot.lookup(".button").queryAllAs(Button.class).stream().filter(b -> "Revoke evidence…".equals(b.getText()))
                .findFirst().orElseThrow();
        WindowedConsole.await("revoke evidence off", 5, revoke::isDisabled);
        assertThat(tooltipOf(revoke.getParent())).contains("none of this finding's sessions is active");
    }

    private FindingRow zombie() {
        return console.vm.findings().rows().stream().filter(r -> !r.isGroup() && r.rule() == FindingRule.ACTIVE_BUT_EXPIRED)
                .findFirst().orElse(null);
    }

    private static String tooltipOf(Node node) {
        Object tip = node.getProperties().get("javafx.scene.control.Tooltip");
        return tip instanceof javafx.scene.control.Tooltip t ? t.getText() : "";
    }
}
