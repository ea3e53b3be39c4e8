package com.sessionconsole.ui;

import com.sessionconsole.db.SessionWriter;
import com.sessionconsole.domain.NewSession;
import com.sessionconsole.domain.Session;
import com.sessionconsole.support.Rows;
import com.sessionconsole.support.TestDatabase;
import com.sessionconsole.support.TestWorkspace;
import com.sessionconsole.support.WindowedConsole;
import com.sessionconsole.workspace.Workspace;
import javafx.css.PseudoClass;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A table nobody prepared, in a 1024x700 window: user ids and devices that share a long prefix read apart on
 * screen, whole in the tooltip and on copy; a padded IP, an out-of-range trust and a creation time in the future
 * are shown for what they are.
 */
@ExtendWith(ApplicationExtension.class)
class ValuesYouCanReadTest {
    TestDatabase db = TestDatabase.get();
    Workspace ws;
    WindowedConsole console;
    Stage stage;
    UUID padded;
    UUID huge;
    UUID future;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        SessionWriter writer = db.resetTable();
        ws = TestWorkspace.open(Files.createTempDirectory("console-readable"));
        Instant now = ws.dao().serverTime();
        List<NewSession> rows = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            UUID user = UUID.fromString(String.format("20000000-0000-4000-8000-0000000000%02d", i));
            rows.add(Rows.active(user, now).device(String.format("device-00000000-0000-0000-%02d", i)).location("Prefixville, PX")
                    .created(now.minusSeconds(60L * i)).build());
        }
        NewSession p = Rows.active(UUID.randomUUID(), now).ip(" 10.8.8.4 ").location("Oddtown, OD").build();
        NewSession h = Rows.active(UUID.randomUUID(), now).trust(Integer.MAX_VALUE).location("Oddtown, OD").build();
        NewSession f = Rows.active(UUID.randomUUID(), now).created(now.plusSeconds(7200)).location("Oddtown, OD").build();
        padded = p.id();
        huge = h.id();
        future = f.id();
        rows.addAll(List.of(p, h, f));
        writer.insert(rows);
        console = WindowedConsole.open(stage, ws, "sessionconsole-readable");
        stage.setWidth(1024);
        stage.setHeight(700);
    }

    @AfterEach
    void stop() {
        console.close();
        ws.close();
    }

    private TableView<Session> table(FxRobot robot) {
        return robot.lookup("#sessions-table").queryTableView();
    }

    /** What the cell shows on screen, after any cut. */
    private static String shown(TableCell<?, ?> cell) {
        return cell.lookup(".text") instanceof Text t ? t.getText() : cell.getText();
    }

    private List<TableCell<?, ?>> cells(FxRobot robot, String column) {
        return new ArrayList<>(robot.from(table(robot)).lookup(".table-cell").match((TableCell<?, ?> c) -> c.getTableColumn() != null
                && column.equals(c.getTableColumn().getText()) && c.isVisible() && c.getTableRow() != null && c.getTableRow().isVisible()
                && !c.isEmpty() && c.getTableRow().getItem() != null).queryAll());
    }

    private Session rowOf(TableCell<?, ?> c) {
        return (Session) c.getTableRow().getItem();
    }

    @Test
    void idsThatShareALongPrefixReadApartAndAreWholeInTheTooltipAndOnCopy(FxRobot robot) throws Exception {
        TableView<Session> table = table(robot);
        WindowedConsole.await("first load", 20, () -> table.getItems().size() == 15);
        robot.clickOn("#filter-text").write("Prefixville");
        WindowedConsole.await("filtered", 20, () -> table.getItems().size() == 12);
        WaitForAsyncUtils.waitForFxEvents();
        for (String column : List.of("User", "Device")) {
            robot.interact(() -> {
                List<TableCell<?, ?>> cells = cells(robot, column);
                assertThat(cells).hasSize(12);
                Set<String> seen = new HashSet<>();
                for (TableCell<?, ?> c : cells) {
                    String whole = column.equals("User") ? rowOf(c).userId().toString() : rowOf(c).deviceId();
                    assertThat(shown(c)).as("%s is cut at 1024 px", column).contains("…").isNotEqualTo(whole);
                    assertThat(whole).endsWith(shown(c).substring(shown(c).indexOf('…') + 1)); // the tail is on screen
                    seen.add(shown(c));
                    assertThat(c.getTooltip()).isNotNull();
                    assertThat(c.getTooltip().getText()).isEqualTo(whole);
                }
                assertThat(seen).as("every %s reads differently", column).hasSize(12);
            });
        }
        TableCell<?, ?> first = WaitForAsyncUtils.asyncFx(() -> cells(robot, "User").stream()
                .min(java.util.Comparator.comparingInt(TableCell::getIndex)).orElseThrow()).get(); // the top row: never half under the scroll bar
        robot.clickOn(first);
        robot.interact(() -> assertThat(table.getSelectionModel().getSelectedItem()).isEqualTo(rowOf(first))); // selects the row and sets the column under the mouse; Monocle opens no context menu on a right click
        robot.interact(() -> table.getContextMenu().getItems().stream().filter(i -> "Copy value".equals(i.getText())).findFirst().orElseThrow().fire());
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
        assertThat(copied).isEqualTo(rowOf(first).userId().toString());
    }

    @Test
    void aPaddedIpAnOutOfRangeTrustAndAFutureCreationAreShownForWhatTheyAre(FxRobot robot) throws Exception {
        TableView<Session> table = table(robot);
        WindowedConsole.await("first load", 20, () -> table.getItems().size() == 15);
        robot.clickOn("#filter-text").write("Oddtown");
        WindowedConsole.await("filtered", 20, () -> table.getItems().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            TableCell<?, ?> ip = cells(robot, "IP").stream().filter(c -> rowOf(c).id().equals(padded)).findFirst().orElseThrow();
            assertThat(shown(ip)).as("the blanks are seen").isEqualTo("\" 10.8.8.4 \"");
            assertThat(ip.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("invalid"));
            assertThat(ip.getTooltip().getText()).contains("Blanks around the address").contains("10.8.8.4");

            TableCell<?, ?> trust = cells(robot, "Trust").stream().filter(c -> rowOf(c).id().equals(huge)).findFirst().orElseThrow();
            assertThat(shown(trust)).as("in full, flagged").isEqualTo("⚠ 2147483647");
            assertThat(trust.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("out-of-range"));
            assertThat(trust.getTooltip().getText()).contains("outside 0–100").contains("untrusted");

            TableCell<?, ?> created = cells(robot, "Created").stream().filter(c -> rowOf(c).id().equals(future)).findFirst().orElseThrow();
            assertThat(shown(created)).startsWith("⚠ in ");
            assertThat(created.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("future"));
            assertThat(created.getTooltip().getText()).contains("in the future");
            TableCell<?, ?> ordinary = cells(robot, "Created").stream().filter(c -> !rowOf(c).id().equals(future)).findFirst().orElseThrow();
            assertThat(ordinary.getPseudoClassStates()).doesNotContain(PseudoClass.getPseudoClass("future"));
        });
        robot.clickOn("#tab-user"); // the summaries flag it too
        TableView<?> groups = robot.lookup("#groups-user").queryTableView();
        WindowedConsole.await("the odd users", 20, () -> groups.getItems().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            List<TableCell<?, ?>> lowest = new ArrayList<>(robot.from(groups).lookup(".table-cell").match((TableCell<?, ?> c) -> c.getTableColumn() != null
                    && "Lowest trust".equals(c.getTableColumn().getText()) && c.isVisible() && "⚠ 2147483647".equals(c.getText())).queryAll());
            assertThat(lowest).hasSize(1);
            assertThat(shown(lowest.get(0))).isEqualTo("⚠ 2147483647");
            assertThat(lowest.get(0).getPseudoClassStates()).contains(PseudoClass.getPseudoClass("out-of-range"));
        });
    }
}
