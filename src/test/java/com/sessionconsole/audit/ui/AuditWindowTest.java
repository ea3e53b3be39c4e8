package com.sessionconsole.audit.ui;

import com.sessionconsole.audit.AuditRecord;
import com.sessionconsole.audit.AuditedSession;
import com.sessionconsole.workspace.Workspace;
import com.sessionconsole.demo.SessionGenerator;
import com.sessionconsole.domain.NewSession;
import com.sessionconsole.domain.Session;
import com.sessionconsole.support.TestDatabase;
import com.sessionconsole.support.TestWorkspace;
import com.sessionconsole.support.WindowedConsole;
import com.sessionconsole.ui.TimeText;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
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
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A revoke made in the real window shows up in the Audit view in words, with exactly its sessions below. */
@ExtendWith(ApplicationExtension.class)
class AuditWindowTest {
    TestDatabase db = TestDatabase.get();
    Workspace ws;
    WindowedConsole console;

    @Start
    void start(Stage stage) throws Exception {
        var writer = db.resetTable();
        ws = TestWorkspace.open(Files.createTempDirectory("audit-ui"));
        List<NewSession> rows = new ArrayList<>();
        new SessionGenerator(12, 1500, 1300, ws.dao().serverTime()).rows().forEachRemaining(rows::add);
        writer.insert(rows);
        console = WindowedConsole.open(stage, ws, "sessionconsole-audit-test");
    }

    @AfterEach
    void stop() {
        console.close();
        ws.close();
    }

    @Test
    void theAuditRowOfARevokeReadsInWordsAndItsPaneListsExactlyTheRevokedSessions(FxRobot robot) throws Exception {
        TableView<Session> table = robot.lookup("#sessions-table").queryTableView();
        WindowedConsole.await("first load", 20, () -> table.getItems().size() > 10);
        List<Session> chosen = new ArrayList<>();
        robot.interact(() -> {
            table.getSelectionModel().selectIndices(1, 3);
            chosen.addAll(table.getSelectionModel().getSelectedItems());
            table.requestFocus();
        });
        robot.type(KeyCode.DELETE);
        WindowedConsole.await("dialog", 20, () -> robot.lookup("#revoke-reason").tryQuery().isPresent());
        String reason = "credential stuffing from a botnet; " + "see ticket SEC-4711 for the list of affected accounts. ".repeat(6);
        robot.clickOn("#revoke-reason").write(reason);
        robot.clickOn("#revoke-confirm");
        WindowedConsole.await("revoked", 20, () -> robot.lookup("#message").queryLabeled().getText().endsWith(": 2 revoked, 0 were already inactive"));

        robot.interact(() -> {
            TabPane tabs = (TabPane) table.getScene().lookup(".tab-pane");
            tabs.getTabs().stream().filter(t -> t.getText().startsWith("Audit")).findFirst().ifPresent(t -> tabs.getSelectionModel().select(t));
        });
        TableView<AuditRecord> audit = robot.lookup("#audit-table").queryTableView();
        WindowedConsole.await("audit row", 20, () -> audit.getItems().size() == 1);
        robot.interact(() -> audit.getSelectionModel().select(0));
        TableView<AuditedSession> pane = robot.lookup("#audit-sessions").queryTableView();
        WindowedConsole.await("pane filled", 20, () -> pane.getItems().size() == 2);

        AuditRecord r = audit.getItems().get(0);
        String criteria = (String) audit.getColumns().get(5).getCellData(0);
        assertThat(criteria).matches("2 sessions of (user [0-9a-f]{8}…|2 users) selected by id");
        assertThat(audit.getColumns().get(0).getCellData(0)).isEqualTo(r.time());
        assertThat(robot.lookup(".table-cell").queryAll().stream().map(n -> ((javafx.scene.control.Labeled) n).getText()))
                .contains(TimeText.absolute(r.time()));
        assertThat(pane.getItems()).extracting(AuditedSession::id)
                .containsExactlyInAnyOrderElementsOf(chosen.stream().map(s -> s.id().toString()).toList());
        assertThat(pane.getItems()).extracting(AuditedSession::tokenMasked)
                .containsExactlyInAnyOrderElementsOf(chosen.stream().map(s -> s.token().text()).toList());
        List<String> labels = robot.lookup(".label").queryAllAs(Label.class).stream().map(Label::getText).toList();
        assertThat(labels).contains("Reason: " + reason.strip());
        Label reasonLabel = robot.lookup(".label").queryAllAs(Label.class).stream()
                .filter(l -> l.getText().startsWith("Reason: ")).findFirst().orElseThrow();
        assertThat(reasonLabel.isWrapText()).isTrue();
        assertThat(reasonLabel.getHeight()).as("the long reason wraps onto several lines").isGreaterThan(2 * reasonLabel.getFont().getSize() * 1.2);
        assertThat(UUID.fromString(pane.getItems().get(0).userId())).isIn(chosen.stream().map(Session::userId).toList());
        javafx.scene.control.Labeled serverCell = robot.lookup(".table-cell").queryAll().stream().map(n -> (javafx.scene.control.Labeled) n)
                .filter(c -> r.server().equals(c.getText())).findFirst().orElseThrow();
        javafx.scene.text.Text drawn = (javafx.scene.text.Text) serverCell.lookup(".text");
        assertThat(drawn.getText()).as("the server is shown whole, not cut").isEqualTo(r.server());
    }
}
