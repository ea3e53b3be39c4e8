package com.sessionconsole.live.ui;

import com.sessionconsole.db.SessionWriter;
import com.sessionconsole.demo.SessionGenerator;
import com.sessionconsole.domain.GroupSummary;
import com.sessionconsole.domain.NewSession;
import com.sessionconsole.domain.Session;
import com.sessionconsole.support.Rows;
import com.sessionconsole.support.TestDatabase;
import com.sessionconsole.support.TestWorkspace;
import com.sessionconsole.support.WindowedConsole;
import com.sessionconsole.workspace.Workspace;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The hands of docs/row-actions.md where they were missing: the group tables copy and Enter, the detail offers every key. */
@ExtendWith(ApplicationExtension.class)
class RowActionsEverywhereTest {
    TestDatabase db = TestDatabase.get();
    Workspace ws;
    WindowedConsole console;
    SessionWriter writer;

    @Start
    void start(Stage stage) throws Exception {
        writer = db.resetTable();
        ws = TestWorkspace.open(Files.createTempDirectory("console-actions"));
        List<NewSession> rows = new ArrayList<>();
        new SessionGenerator(5, 80, 50, ws.dao().serverTime()).rows().forEachRemaining(rows::add);
        writer.insert(rows);
        console = WindowedConsole.open(stage, ws, "sessionconsole-actions");
    }

    @AfterEach
    void stop() {
        console.close();
        ws.close();
    }

    @Test
    void aGroupRowCopiesAndEnterGoesIntoItsSessions(FxRobot robot) throws Exception {
        robot.clickOn("#tab-user");
        TableView<GroupSummary> groups = robot.lookup("#groups-user").queryTableView();
        TableView<Session> detail = robot.lookup("#detail-user").queryTableView();
        WindowedConsole.await("groups", 20, () -> !groups.getItems().isEmpty());
        robot.interact(() -> {
            groups.getSelectionModel().clearAndSelect(0);
            groups.requestFocus();
        });
        String key = WaitForAsyncUtils.asyncFx(() -> groups.getSelectionModel().getSelectedItem().key()).get();
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
        assertThat(copied).startsWith(key + "\t").doesNotContain("\n" + key); // one row: no header
        assertThat(groups.getContextMenu().getItems()).extracting(MenuItem::getText)
                .contains("Copy value", "Copy rows  (Ctrl+C)", "History of this user", "Watch this user", "Revoke all sessions of this user…");
        WindowedConsole.await("its sessions below", 20, () -> !detail.getItems().isEmpty());
        robot.type(KeyCode.ENTER);
        WindowedConsole.await("the keyboard is in its sessions", 10, () -> detail.isFocused() && detail.getSelectionModel().getSelectedIndex() == 0);
        assertThat(detail.getSelectionModel().getSelectedItem().userId().toString()).isEqualTo(key);
    }

    /** A group table holds still under the pointer too, and its own pill says what moved above. */
    @Test
    void aGroupTableHoldsStillUnderThePointerAndSaysWhatMovedAbove(FxRobot robot) throws Exception {
        robot.clickOn("#tab-user");
        TableView<GroupSummary> groups = robot.lookup("#groups-user").queryTableView();
        WindowedConsole.await("groups", 20, () -> groups.getItems().size() > 5);
        String top = WaitForAsyncUtils.asyncFx(() -> groups.getItems().get(0).key()).get();
        robot.moveTo(groups);
        Instant now = ws.dao().serverTime();
        UUID busy = UUID.randomUUID();
        List<NewSession> many = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            many.add(Rows.active(busy, now).build()); // the most active sessions: the first group by the default order
        }
        writer.insert(many);
        WindowedConsole.await("the busy user is counted", 20, () -> groups.getItems().stream().anyMatch(g -> busy.toString().equals(g.key())));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            int first = ((VirtualFlow<?>) groups.lookup(".virtual-flow")).getFirstVisibleCell().getIndex();
            assertThat(groups.getItems().get(first).key()).as("the top row under the pointer did not move").isEqualTo(top);
            assertThat(groups.getItems().get(0).key()).isEqualTo(busy.toString());
        });
        Button pill = robot.lookup("#rows-above-user").queryButton();
        assertThat(pill.isVisible()).isTrue();
        assertThat(pill.getText()).isEqualTo("1 user above  ↑");
        robot.clickOn(pill);
        WindowedConsole.await("at the top", 10, () -> ((VirtualFlow<?>) groups.lookup(".virtual-flow")).getFirstVisibleCell().getIndex() == 0);
    }

    @Test
    void theSessionDetailOffersHistoryAndWatchForTheUserTheDeviceAndTheIp(FxRobot robot) throws Exception {
        TableView<Session> table = robot.lookup("#sessions-table").queryTableView();
        WindowedConsole.await("first load", 20, () -> !table.getItems().isEmpty());
        robot.interact(() -> {
            table.getSelectionModel().clearAndSelect(0);
            table.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        WindowedConsole.await("the detail", 10, () -> robot.lookup("#detail-history").tryQuery().isPresent());
        for (String id : List.of("#detail-history", "#detail-watch")) {
            assertThat(robot.lookup(id).queryAs(MenuButton.class).getItems()).extracting(MenuItem::getText).hasSize(3)
                    .anyMatch(t -> t.endsWith("user")).anyMatch(t -> t.endsWith("device")).anyMatch(t -> t.endsWith("IP"));
        }
        robot.interact(() -> robot.lookup("#detail-history").queryAs(MenuButton.class).getItems().get(2).fire());
        WindowedConsole.await("the IP's history", 20, () -> robot.lookup("#history-title").queryLabeled().getText().startsWith("History of IP"));
    }
}
