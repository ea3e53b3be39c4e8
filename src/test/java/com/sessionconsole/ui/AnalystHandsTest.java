package com.sessionconsole.ui;

import com.sessionconsole.support.ActiveSql;
import com.sessionconsole.workspace.Workspace;
import com.sessionconsole.db.SessionWriter;
import com.sessionconsole.demo.SessionGenerator;
import com.sessionconsole.domain.NewSession;
import com.sessionconsole.domain.Session;
import com.sessionconsole.support.Rows;
import com.sessionconsole.support.TestDatabase;
import com.sessionconsole.support.TestWorkspace;
import com.sessionconsole.support.WindowedConsole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.VirtualFlow;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** What an analyst's hands do in the real window (headless) on the real PostgreSQL: copy, detail, keyboard, rows arriving. */
@ExtendWith(ApplicationExtension.class)
class AnalystHandsTest {
    static final String AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36\tEXTRA\u202Egnp.exe";
    TestDatabase db = TestDatabase.get();
    Workspace ws;
    WindowedConsole console;
    SessionWriter writer;
    NewSession hostile;

    @Start
    void start(Stage stage) throws Exception {
        writer = db.resetTable();
        ws = TestWorkspace.open(Files.createTempDirectory("console-hands"));
        Instant now = ws.dao().serverTime();
        List<NewSession> rows = new ArrayList<>();
        new SessionGenerator(5, 400, 300, now).rows().forEachRemaining(rows::add);
        hostile = Rows.active(UUID.randomUUID(), now).device("=HYPERLINK(\"http://x\")").ip("10.0.0.300").agent(AGENT)
                .location("Handsville, HV").trust(5).created(now.minusSeconds(7200)).build();
        rows.add(hostile);
        writer.insert(rows);
        console = WindowedConsole.open(stage, ws, "sessionconsole-hands");
    }

    @AfterEach
    void stop() {
        console.close();
        ws.close();
    }

    private TableView<Session> table(FxRobot robot) {
        return robot.lookup("#sessions-table").queryTableView();
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws Exception {
        WindowedConsole.await(what, 20, condition);
    }

    private static String clipboard() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
    }

    private void showOnly(FxRobot robot, String search, int rows) throws Exception {
        await("first load", () -> table(robot).getItems().size() > 100);
        robot.clickOn("#filter-text").write(search);
        await("filtered to " + search, () -> table(robot).getItems().size() == rows);
    }

    @Test
    void ctrlCCopiesTheSelectedRowsAsTabSeparatedTextWithAHeaderAndTheTokenMasked(FxRobot robot) throws Exception {
        await("first load", () -> table(robot).getItems().size() > 100);
        List<Session> chosen = new ArrayList<>();
        robot.interact(() -> {
            int at = table(robot).getItems().indexOf(table(robot).getItems().stream().filter(s -> s.id().equals(hostile.id())).findFirst().orElseThrow());
            table(robot).getSelectionModel().selectIndices(0, at);
            chosen.addAll(table(robot).getSelectionModel().getSelectedItems());
            table(robot).requestFocus();
        });
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        String[] lines = clipboard().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("id\tuser_id\tdevice_id\tip_address\tlocation\tuser_agent\ttrust_level\tis_active\tcreated_at\texpires_at\tupdated_at\tdeleted_at\ttoken_masked");
        String hostileLine = lines[1].startsWith(hostile.id().toString()) ? lines[1] : lines[2];
        String[] cells = hostileLine.split("\t", -1);
        assertThat(cells).hasSize(13);
        assertThat(cells[1]).isEqualTo(db.query("SELECT user_id::text FROM public.user_sessions WHERE id = ?", hostile.id()).get(0).get(0));
        assertThat(cells[2]).isEqualTo("'=HYPERLINK(\"http://x\")"); // a spreadsheet shows it, it does not run it
        assertThat(cells[3]).isEqualTo("10.0.0.300");
        assertThat(cells[5]).startsWith("Mozilla/5.0 (X11").contains("Safari/537.36\\x09EXTRA\\u202egnp.exe").doesNotContain("\u202E");
        String token = db.query("SELECT session_token FROM public.user_sessions WHERE id = ?", hostile.id()).get(0).get(0);
        assertThat(cells[12]).hasSize(9).contains("…").isNotEqualTo(token);
        assertThat(clipboard()).doesNotContain(token);
        Session other = chosen.stream().filter(s -> !s.id().equals(hostile.id())).findFirst().orElseThrow();
        assertThat(lines[1] + lines[2]).contains(other.id() + "\t" + other.userId());

        robot.interact(() -> table(robot).getSelectionModel().clearAndSelect(0));
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        assertThat(clipboard().split("\n")).as("one row: no header").hasSize(1);
    }

    @Test
    void copyValueAndCopyAsCsvFromTheContextMenu(FxRobot robot) throws Exception {
        showOnly(robot, "Handsville", 1);
        Node agentCell = robot.lookup(".table-cell").match((TableCell<?, ?> c) -> c.getTableColumn() != null
                && "User agent".equals(c.getTableColumn().getText()) && c.getIndex() == 0).query();
        robot.clickOn(agentCell);
        menuItem(robot, "Copy value");
        assertThat(clipboard()).isEqualTo(VisibleTextOf.agent());
        menuItem(robot, "Copy as CSV");
        List<String> csv = clipboard().lines().toList();
        assertThat(csv).hasSize(2);
        assertThat(csv.get(0)).startsWith("id,user_id,device_id,ip_address");
        // every non-NULL CSV cell is quoted, as in an export
        assertThat(csv.get(1)).startsWith("\"" + hostile.id() + "\",").contains("\"'=HYPERLINK(\"\"http://x\"\")\"");
    }

    @Test
    void theIpColumnIsNeverNarrowerThanItsLongestAddress(FxRobot robot) throws Exception {
        Instant now = ws.dao().serverTime();
        String longest = "2001:0db8:85a3:0000:0000:8a2e:0370:7334";
        writer.insert(List.of(Rows.active(UUID.randomUUID(), now).ip(longest).build()));
        await("loaded", () -> table(robot).getItems().stream().anyMatch(s -> longest.equals(s.ipAddress())));
        robot.interact(() -> robot.window(0).setWidth(1024));
        javafx.scene.control.TableColumn<Session, ?> ip = table(robot).getColumns().get(2);
        javafx.scene.text.Text text = new javafx.scene.text.Text(longest);
        await("wide enough", () -> {
            javafx.scene.control.TableCell<?, ?> cell = robot.lookup(".table-cell").match((TableCell<?, ?> c) -> c.getTableColumn() == ip
                    && c.getIndex() >= 0).query();
            text.setFont(cell.getFont());
            return ip.getWidth() >= text.getLayoutBounds().getWidth() + cell.snappedLeftInset() + cell.snappedRightInset();
        });
    }

    @Test
    void everyTableOfSessionsHasTheSameContextMenu(FxRobot robot) throws Exception {
        await("first load", () -> table(robot).getItems().size() > 100);
        for (String id : List.of("#sessions-table", "#detail-user", "#detail-device", "#detail-ip", "#history-table", "#findings-evidence")) {
            TableView<?> t = robot.lookup(id).queryTableView();
            assertThat(t.getContextMenu()).as(id).isNotNull();
            assertThat(t.getContextMenu().getItems()).as(id).extracting(javafx.scene.control.MenuItem::getText)
                    .contains("Copy value", "Copy as CSV", "History of this IP", "Watch this user", "Revoke selected sessions…  (Delete)");
        }
    }

    /** Chooses an item of the table's context menu (Monocle does not open a context menu on a right click). */
    private void menuItem(FxRobot robot, String text) {
        robot.interact(() -> table(robot).getContextMenu().getItems().stream().filter(i -> text.equals(i.getText())).findFirst()
                .orElseThrow(() -> new AssertionError("no menu item " + text)).fire());
    }

    @Test
    void enterOpensTheDetailWithEveryColumnAbsoluteTimesAndWhyTheRowStandsOut(FxRobot robot) throws Exception {
        await("first load", () -> table(robot).getItems().size() > 100);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL); // computes the findings
        await("findings", () -> !console.vm.findings().all().isEmpty());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        showOnly(robot, "Handsville", 1);
        robot.interact(() -> {
            table(robot).getSelectionModel().select(0);
            table(robot).requestFocus();
        });
        robot.type(KeyCode.ENTER);
        await("detail", () -> robot.lookup("#session-detail").tryQuery().isPresent());
        assertThat(text(robot, "#detail-session-id")).isEqualTo(hostile.id().toString());
        assertThat(text(robot, "#detail-user-agent")).isEqualTo(VisibleTextOf.agent());
        assertThat(text(robot, "#detail-created")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\S+ {2}\\(2 h ago\\)");
        assertThat(text(robot, "#detail-trust")).startsWith("5 — low");
        assertThat(text(robot, "#detail-highlighted")).contains("Invalid IP").contains("Low trust");
        assertThat(text(robot, "#detail-findings")).containsIgnoringCase("valid IP").containsIgnoringCase("trust");
        assertThat(text(robot, "#detail-token")).doesNotContain(db.query("SELECT session_token FROM public.user_sessions WHERE id = ?",
                hostile.id()).get(0).get(0));
        robot.clickOn("Copy row");
        assertThat(clipboard()).startsWith(hostile.id() + "\t");
        robot.type(KeyCode.ESCAPE);
        await("closed", () -> robot.lookup("#session-detail").tryQuery().isEmpty());
    }

    private static String text(FxRobot robot, String id) {
        Node n = robot.lookup(id).query();
        return n instanceof TextArea a ? a.getText() : ((TextField) n).getText();
    }

    @Test
    void twoSessionsAreRevokedWithTheKeyboardAlone(FxRobot robot) throws Exception {
        await("first load", () -> table(robot).getItems().size() > 100);
        Instant now = ws.dao().serverTime();
        List<NewSession> pair = List.of(Rows.active(UUID.randomUUID(), now).location("Keyboardia, KB").build(),
                Rows.active(UUID.randomUUID(), now).location("Keyboardia, KB").build(),
                Rows.active(UUID.randomUUID(), now).location("Keyboardia, KB").build());
        writer.insert(pair);
        await("loaded", () -> table(robot).getItems().stream().filter(s -> "Keyboardia, KB".equals(s.location())).count() == 3);
        robot.type(KeyCode.ESCAPE);
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL).write("Keyboardia");
        await("filtered", () -> table(robot).getItems().size() == 3);
        robot.type(KeyCode.DOWN);
        robot.press(KeyCode.SHIFT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.SHIFT);
        List<UUID> chosen = new ArrayList<>();
        robot.interact(() -> table(robot).getSelectionModel().getSelectedItems().forEach(s -> chosen.add(s.id())));
        assertThat(chosen).hasSize(2);
        robot.type(KeyCode.DELETE);
        await("dialog", () -> robot.lookup("#revoke-reason").tryQuery().isPresent());
        await("focus in Reason", () -> robot.lookup("#revoke-reason").query().isFocused());
        // typed as keys: TestFX's write() sends characters to the main window, not to the dialog that has the keyboard
        for (char c : "stolen laptop".toCharArray()) {
            robot.type(c == ' ' ? KeyCode.SPACE : KeyCode.getKeyCode(String.valueOf(Character.toUpperCase(c))));
        }
        await("the reason is typed", () -> robot.lookup("#revoke-reason").queryAs(TextArea.class).getText().equals("stolen laptop"));
        AtomicReference<String> focus = new AtomicReference<>("");
        for (int i = 0; i < 4 && !focus.get().equals("revoke-confirm"); i++) {
            robot.type(KeyCode.TAB);
            robot.interact(() -> {
                Node owner = robot.lookup("#revoke-confirm").queryAs(Button.class).getScene().getFocusOwner();
                focus.set(String.valueOf(owner.getId()));
            });
        }
        assertThat(focus.get()).as("Tab leaves the reason and reaches Revoke").isEqualTo("revoke-confirm");
        robot.type(KeyCode.SPACE);
        String[] ids = chosen.stream().map(UUID::toString).toArray(String[]::new);
        await("revoked in db", () -> db.count("SELECT count(*) FROM public.user_sessions WHERE id = ANY(?::uuid[]) AND " + ActiveSql.WHERE, (Object) ids) == 0);
        assertThat(db.count("SELECT count(*) FROM public.user_sessions WHERE location = 'Keyboardia, KB' AND " + ActiveSql.WHERE)).isEqualTo(1);
        await("the message", () -> robot.lookup("#message").queryLabeled().getText().endsWith("2 revoked, 0 were already inactive"));
        assertThat(robot.lookup("#message-link").queryAs(javafx.scene.control.Hyperlink.class).isVisible()).isTrue();
    }

    @Test
    void aSelectedRowStaysStillWhileNewSessionsArriveAndTheBarShowsThem(FxRobot robot) throws Exception {
        TableView<Session> table = table(robot);
        await("first load", () -> table.getItems().size() > 100);
        AtomicReference<UUID> selected = new AtomicReference<>();
        AtomicReference<Instant> between = new AtomicReference<>();
        robot.interact(() -> {
            table.getSelectionModel().select(3);
            selected.set(table.getSelectionModel().getSelectedItem().id());
            between.set(table.getItems().get(1).createdAt().minusMillis(1)); // a late row that sorts between the top and the selection
        });
        double selectedY = screenYOfSelectedRow(table);
        Instant now = ws.dao().serverTime();
        List<NewSession> arriving = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            arriving.add(Rows.active(UUID.randomUUID(), now).created(now.plusSeconds(1)).location("Newtown, NT").build());
        }
        arriving.add(Rows.active(UUID.randomUUID(), now).created(between.get()).location("Newtown, NT").build());
        writer.insert(arriving);
        await("the new rows are loaded", () -> table.getItems().stream().filter(s -> "Newtown, NT".equals(s.location())).count() == 6);
        assertThat(console.vm.live().freshProperty().get()).containsAll(arriving.stream().map(NewSession::id).toList());
        robot.interact(() -> assertThat(table.getSelectionModel().getSelectedItems()).extracting(Session::id).containsExactly(selected.get()));
        Button bar = robot.lookup("#new-rows-bar").queryButton();
        await("the bar", () -> bar.isVisible() && bar.getText().equals("6 new sessions above  ↑"));
        assertThat(screenYOfSelectedRow(table)).as("the selected row is where it was on the screen").isEqualTo(selectedY);
        await("the highlight fades after one poll", () -> console.vm.live().freshProperty().get().isEmpty());
        robot.clickOn(bar);
        await("at the top", () -> arriving.stream().anyMatch(n -> n.id().equals(firstVisibleOnFx(table))));
        assertThat(bar.isVisible()).isFalse();
        robot.interact(() -> table.scrollTo(40));
        robot.interact(() -> table.getSortOrder().setAll(List.of(table.getColumns().get(2)))); // a new sort is not "new sessions"
        await("sorted by IP", () -> table.getItems().get(0).ipAddress() == null || table.getItems().get(0).ipAddress().compareTo(table.getItems().get(1).ipAddress() == null ? "" : table.getItems().get(1).ipAddress()) <= 0);
        WaitForAsyncUtils.waitForFxEvents(); // the re-sort has landed (above); its update listeners have run
        assertThat(bar.isVisible()).as("no count from a re-sort").isFalse();
    }

    /** A new filter that leaves out the selected row starts at the top of the result, not somewhere in its middle. */
    @Test
    void aFilterThatDropsTheSelectedRowStartsAtTheTop(FxRobot robot) throws Exception {
        TableView<Session> table = table(robot);
        await("first load", () -> table.getItems().size() > 100);
        AtomicReference<Integer> trust = new AtomicReference<>();
        robot.interact(() -> {
            int row = java.util.stream.IntStream.range(60, 90).filter(i -> table.getItems().get(i).trustLevel() != null
                    && table.getItems().get(i).trustLevel() >= 60).findFirst().orElseThrow();
            trust.set(table.getItems().get(row).trustLevel());
            table.scrollTo(row - 2);
            table.getSelectionModel().select(row);
        });
        await("scrolled", () -> firstVisibleIndex(table) >= 55);
        robot.clickOn("#filter-trust").write(Integer.toString(trust.get() - 1)); // leaves the selected row out, keeps many
        await("filtered", () -> table.getItems().stream().allMatch(s -> s.trustLevel() != null && s.trustLevel() < trust.get()));
        assertThat(table.getItems().size()).as("more rows than a screen").isGreaterThan(60);
        await("at the top", () -> firstVisibleIndex(table) == 0);
    }

    private static int firstVisibleIndex(TableView<Session> table) {
        return ((VirtualFlow<?>) table.lookup(".virtual-flow")).getFirstVisibleCell().getIndex();
    }

    /** A group that is gone after a refresh leaves nothing behind in the lower pane: no old rows under "Select a row above". */
    @Test
    void theGroupPaneIsEmptiedWhenItsGroupEnds(FxRobot robot) throws Exception {
        await("first load", () -> table(robot).getItems().size() > 100);
        Instant now = ws.dao().serverTime();
        writer.insert(List.of(Rows.active(UUID.randomUUID(), now).ip("198.18.0.9").build(), Rows.active(UUID.randomUUID(), now).ip("198.18.0.9").build()));
        robot.clickOn("#tab-ip");
        TableView<com.sessionconsole.domain.GroupSummary> groups = robot.lookup("#groups-ip").queryTableView();
        TableView<Session> detail = robot.lookup("#detail-ip").queryTableView();
        await("the group", () -> groups.getItems().stream().anyMatch(g -> "198.18.0.9".equals(g.key())));
        robot.interact(() -> groups.getSelectionModel().select(groups.getItems().stream().filter(g -> "198.18.0.9".equals(g.key())).findFirst().orElseThrow()));
        await("its sessions below", () -> detail.getItems().size() == 2);
        db.exec("UPDATE public.user_sessions SET is_active = false WHERE ip_address = '198.18.0.9'");
        await("the group is gone", () -> groups.getItems().stream().noneMatch(g -> "198.18.0.9".equals(g.key())));
        await("and so are its rows", () -> detail.getItems().isEmpty());
        assertThat(robot.lookup("#detail-title").queryLabeled().getText()).startsWith("Select a row above");
    }

    /** Rows that arrive above must not move where Shift+click extends the selection from, or it takes in rows nobody saw. */
    @Test
    void shiftClickAfterSessionsArriveSelectsOnlyTheRangeOnScreen(FxRobot robot) throws Exception {
        TableView<Session> table = table(robot);
        await("first load", () -> table.getItems().size() > 100);
        robot.clickOn(cellOfRow(robot, table, 3));
        UUID first = firstVisible(robot, table);
        AtomicReference<UUID> anchor = new AtomicReference<>();
        robot.interact(() -> anchor.set(table.getSelectionModel().getSelectedItem().id()));
        Instant now = ws.dao().serverTime();
        List<NewSession> arriving = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            arriving.add(Rows.active(UUID.randomUUID(), now).created(now.plusSeconds(1)).location("Newtown, NT").build());
        }
        writer.insert(arriving);
        await("the new rows are loaded", () -> table.getItems().stream().filter(s -> "Newtown, NT".equals(s.location())).count() == 4);
        assertThat(firstVisible(robot, table)).isEqualTo(first);
        robot.press(KeyCode.SHIFT).clickOn(cellOfRow(robot, table, 5)).release(KeyCode.SHIFT);
        robot.interact(() -> {
            List<UUID> ids = table.getSelectionModel().getSelectedItems().stream().map(Session::id).toList();
            assertThat(ids).as("the anchor row and the two below it, nothing above").hasSize(3).contains(anchor.get())
                    .doesNotContainAnyElementsOf(arriving.stream().map(NewSession::id).toList());
        });
    }

    /** The cell of the first column in the n-th visible row (0 = the first visible). */
    private static Node cellOfRow(FxRobot robot, TableView<Session> table, int n) throws Exception {
        int index = WaitForAsyncUtils.asyncFx(() -> ((VirtualFlow<?>) table.lookup(".virtual-flow")).getFirstVisibleCell().getIndex()).get() + n;
        return robot.from(table).lookup(".table-cell").match((TableCell<?, ?> c) -> c.getIndex() == index
                && c.getTableColumn() == table.getColumns().get(1)).query();
    }

    private static double screenYOfSelectedRow(TableView<Session> table) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> table.lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.TableRow<?> r && r.isSelected() && r.isVisible())
                .mapToDouble(n -> n.localToScreen(n.getBoundsInLocal()).getMinY()).findFirst().orElseThrow()).get();
    }

    private static UUID firstVisible(FxRobot robot, TableView<Session> table) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> firstVisibleOnFx(table)).get();
    }

    private static UUID firstVisibleOnFx(TableView<Session> table) {
        IndexedCell<?> cell = ((VirtualFlow<?>) table.lookup(".virtual-flow")).getFirstVisibleCell();
        return table.getItems().get(cell.getIndex()).id();
    }

    /** What the table and the clipboard show for the hostile agent: whole, with its tab and bidi mark escaped. */
    private static final class VisibleTextOf {
        static String agent() {
            return com.sessionconsole.domain.VisibleText.of(AGENT);
        }
    }
}
