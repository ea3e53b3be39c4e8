package com.sessionconsole.live.ui;

import com.sessionconsole.db.SessionWriter;
import com.sessionconsole.demo.SessionGenerator;
import com.sessionconsole.domain.NewSession;
import com.sessionconsole.domain.Session;
import com.sessionconsole.support.Rows;
import com.sessionconsole.support.TestDatabase;
import com.sessionconsole.support.TestWorkspace;
import com.sessionconsole.support.WindowedConsole;
import com.sessionconsole.workspace.Workspace;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows never move under the analyst's pointer: sessions inserted through SQL while the pointer rests on the table
 * wait behind the "new sessions above" pill, which covers no cell, and a click selects the session aimed at.
 */
@ExtendWith(ApplicationExtension.class)
class RowsHoldStillTest {
    TestDatabase db = TestDatabase.get();
    Workspace ws;
    WindowedConsole console;
    SessionWriter writer;

    @Start
    void start(Stage stage) throws Exception {
        writer = db.resetTable();
        ws = TestWorkspace.open(Files.createTempDirectory("console-still"));
        List<NewSession> rows = new ArrayList<>();
        new SessionGenerator(7, 300, 250, ws.dao().serverTime()).rows().forEachRemaining(rows::add);
        writer.insert(rows);
        console = WindowedConsole.open(stage, ws, "sessionconsole-still");
    }

    @AfterEach
    void stop() {
        console.close();
        ws.close();
    }

    private TableView<Session> table(FxRobot robot) {
        return robot.lookup("#sessions-table").queryTableView();
    }

    private List<NewSession> arrivals(int n, String location) throws Exception {
        Instant now = ws.dao().serverTime();
        List<NewSession> arriving = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            arriving.add(Rows.active(UUID.randomUUID(), now).created(now.plusSeconds(5)).location(location).build());
        }
        writer.insert(arriving);
        return arriving;
    }

    @Test
    void withThePointerOnTheTopRowsArrivalsWaitAndTheClickSelectsTheSessionAimedAt(FxRobot robot) throws Exception {
        TableView<Session> table = table(robot);
        WindowedConsole.await("first load", 20, () -> table.getItems().size() > 100);
        Node aimed = cellOfVisibleRow(robot, table, 2);
        robot.moveTo(aimed);
        UUID aimedAt = sessionUnderPointer(robot, table);
        assertThat(aimedAt).isNotNull();

        List<NewSession> arriving = arrivals(3, "Arrivaltown, AR");
        WindowedConsole.await("the arrivals are loaded", 20,
                () -> table.getItems().stream().filter(s -> "Arrivaltown, AR".equals(s.location())).count() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(sessionUnderPointer(robot, table)).as("the row under the pointer did not move").isEqualTo(aimedAt);
        Button pill = robot.lookup("#new-rows-bar").queryButton();
        WindowedConsole.await("the pill", 10, () -> pill.isVisible() && pill.getText().equals("3 new sessions above  ↑"));
        assertThat(pillCoversACell(robot, table, pill)).as("the pill covers no cell").isFalse();

        robot.clickOn(MouseButton.PRIMARY);
        robot.interact(() -> assertThat(table.getSelectionModel().getSelectedItems()).extracting(Session::id).containsExactly(aimedAt));

        robot.clickOn(pill);
        WindowedConsole.await("the arrivals on top", 10, () -> arriving.stream().anyMatch(n -> n.id().equals(firstVisible(table))));
        assertThat(pill.isVisible()).isFalse();
    }

    /** Sessions keep arriving above through real SQL while the analyst clicks one row after another. */
    @Test
    void everyClickSelectsTheSessionUnderThePointerWhileSessionsKeepArriving(FxRobot robot) throws Exception {
        TableView<Session> table = table(robot);
        WindowedConsole.await("first load", 20, () -> table.getItems().size() > 100);
        robot.moveTo(cellOfVisibleRow(robot, table, 0));
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writerThread = new Thread(() -> {
            try {
                while (writing.get()) {
                    arrivals(2, "Streamtown, ST");
                    Thread.sleep(150);
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        writerThread.start();
        try {
            for (int n : new int[]{5, 1, 8, 3, 6}) {
                robot.moveTo(cellOfVisibleRow(robot, table, n));
                UUID aimedAt = sessionUnderPointer(robot, table);
                Thread.sleep(1500); // at least one poll with arrivals lands between aiming and clicking
                robot.clickOn(MouseButton.PRIMARY);
                robot.interact(() -> assertThat(table.getSelectionModel().getSelectedItems()).extracting(Session::id)
                        .as("row %d", n).containsExactly(aimedAt));
            }
        } finally {
            writing.set(false);
            writerThread.join();
        }
        assertThat(failure.get()).isNull();
        assertThat(table.getItems().stream().filter(s -> "Streamtown, ST".equals(s.location())).count()).as("arrivals were shown").isPositive();
    }

    /**
     * Decided behaviour for a stale position: after a big revoke is cancelled and the filters are cleared, the selected
     * rows stay selected and the first of them stays on screen, and the pill says how many sessions lie above it; one
     * click goes to the top.
     */
    @Test
    void afterACancelledRevokeAndClearedFiltersThePillSaysWhatIsAbove(FxRobot robot) throws Exception {
        TableView<Session> table = table(robot);
        WindowedConsole.await("first load", 20, () -> table.getItems().size() > 100);
        robot.clickOn("#filter-trust").write("60");
        WindowedConsole.await("filtered", 20, () -> table.getItems().stream().allMatch(s -> s.trustLevel() != null && s.trustLevel() <= 60));
        robot.interact(() -> {
            table.getSelectionModel().selectRange(40, 100);
            table.scrollTo(40);
            table.requestFocus();
        });
        WindowedConsole.await("scrolled", 10, () -> firstVisibleIndex(table) >= 35);
        AtomicReference<UUID> first = new AtomicReference<>();
        robot.interact(() -> first.set(table.getItems().get(40).id()));
        robot.type(KeyCode.DELETE);
        WindowedConsole.await("the revoke dialog", 10, () -> robot.lookup("#revoke-reason").tryQuery().isPresent());
        robot.type(KeyCode.ESCAPE);
        WindowedConsole.await("the dialog is closed", 10, () -> robot.lookup("#revoke-reason").tryQuery().isEmpty());

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        WindowedConsole.await("every session shown", 20, () -> table.getItems().stream().anyMatch(s -> s.trustLevel() != null && s.trustLevel() > 60));
        Button pill = robot.lookup("#new-rows-bar").queryButton();
        WindowedConsole.await("the pill names what is above", 10, () -> pill.isVisible() && pill.getText().endsWith("sessions above the selection  ↑"));
        robot.interact(() -> {
            int at = table.getItems().stream().map(Session::id).toList().indexOf(first.get());
            assertThat(pill.getText()).startsWith(String.format("%,d ", firstVisibleIndex(table)));
            assertThat(at).isGreaterThanOrEqualTo(firstVisibleIndex(table));
            assertThat(table.getSelectionModel().getSelectedItems()).hasSize(60);
        });
        robot.clickOn(pill);
        WindowedConsole.await("at the top", 10, () -> firstVisibleIndex(table) == 0);
        assertThat(pill.isVisible()).isFalse();
    }

    private static int firstVisibleIndex(TableView<Session> table) {
        return ((VirtualFlow<?>) table.lookup(".virtual-flow")).getFirstVisibleCell().getIndex();
    }

    private static UUID firstVisible(TableView<Session> table) {
        return table.getItems().get(firstVisibleIndex(table)).id();
    }

    /** The cell of the Device column in the n-th visible row (0 = the first visible), found in one step on the FX thread (a poll may renumber the rows). */
    private static Node cellOfVisibleRow(FxRobot robot, TableView<Session> table, int n) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            int index = firstVisibleIndex(table) + n;
            return table.lookupAll(".table-cell").stream().filter(c -> c instanceof TableCell<?, ?> cell && cell.isVisible()
                    && cell.getIndex() == index && cell.getTableColumn() == table.getColumns().get(1)).findFirst().orElseThrow();
        }).get();
    }

    /** The session of the row whose bounds on the screen hold the pointer. */
    private static UUID sessionUnderPointer(FxRobot robot, TableView<Session> table) throws Exception {
        Point2D pointer = robot.robotContext().getBaseRobot().retrieveMouse();
        return WaitForAsyncUtils.asyncFx(() -> table.lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof TableRow<?> r && r.isVisible() && !r.isEmpty() && r.getItem() != null)
                .filter(n -> n.localToScreen(n.getBoundsInLocal()).contains(pointer))
                .map(n -> ((Session) ((TableRow<?>) n).getItem()).id()).findFirst().orElse(null)).get();
    }

    private static boolean pillCoversACell(FxRobot robot, TableView<Session> table, Button pill) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Bounds b = pill.localToScreen(pill.getBoundsInLocal());
            return table.lookupAll(".table-cell").stream().filter(Node::isVisible)
                    .anyMatch(c -> c.localToScreen(c.getBoundsInLocal()).intersects(b));
        }).get();
    }
}
