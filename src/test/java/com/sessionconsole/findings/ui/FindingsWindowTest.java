package com.sessionconsole.findings.ui;

import com.sessionconsole.support.ActiveSql;
import com.sessionconsole.workspace.Workspace;
import com.sessionconsole.db.SessionWriter;
import com.sessionconsole.domain.Finding;
import com.sessionconsole.domain.FindingRule;
import com.sessionconsole.domain.FindingRule.Severity;
import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.NewSession;
import com.sessionconsole.domain.Session;
import com.sessionconsole.support.Rows;
import com.sessionconsole.support.TestDatabase;
import com.sessionconsole.support.TestWorkspace;
import com.sessionconsole.support.WindowedConsole;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #15 section 6, in the real window (headless) on the real PostgreSQL: severity colours, readable
 * names and why-flagged tooltips, counts per rule equal to hand-written SQL, collapse and mute, and a
 * selection that survives the next poll.
 */
@ExtendWith(ApplicationExtension.class)
class FindingsWindowTest {
    static final String PREFS = "sessionconsole-findings-test";
    static final int NOISY_USERS = 12;
    TestDatabase db = TestDatabase.get();
    Workspace ws;
    WindowedConsole console;
    Instant now;
    AtomicInteger seq = new AtomicInteger();

    /** A session with its own IP and device, which triggers nothing by itself. */
    Rows.Builder row(UUID user) {
        int n = seq.incrementAndGet();
        return Rows.active(user, now).ip("10.88." + (n / 250) + "." + (n % 250 + 1)).device("d-" + n).trust(50);
    }

    @Start
    void start(Stage stage) throws Exception {
        SessionWriter writer = db.resetTable();
        ws = TestWorkspace.open(Files.createTempDirectory("findings-ui"));
        now = ws.dao().serverTime();
        List<NewSession> rows = new ArrayList<>();
        UUID roamer = UUID.randomUUID();
        // 6 countries at the same time: an impossible trip (70, +10 that fast) in many countries (25), HIGH
        for (String place : List.of("Paris, FR", "Rome, IT", "Oslo, NO", "Lima, PE", "Pune, IN", "Kyiv, UA")) {
            rows.add(row(roamer).location(place).build());
        }
        // 5 users on one device from 5 addresses: a shared device, LOW
        for (int i = 0; i < 5; i++) {
            rows.add(row(UUID.randomUUID()).device("kiosk-7").build());
        }
        // users back after ten days with curl from an IP and a device they never used, trust 15: the noisy rule, MEDIUM (15+10+10+5)
        for (int i = 0; i < NOISY_USERS; i++) {
            UUID user = UUID.randomUUID();
            rows.add(row(user).ip("10.99.0." + (i + 1)).device("laptop-" + i).created(now.minus(Duration.ofDays(10))).isActive(false).build());
            rows.add(row(user).ip("10.99.1." + (i + 1)).device("script-" + i).agent("curl/8.5.0").trust(15)
                    .created(now.minus(Duration.ofMinutes(30))).build());
        }
        writer.insert(rows);
        console = WindowedConsole.open(stage, ws, PREFS);
    }

    @AfterEach
    void stop() {
        console.close();
        ws.close();
    }

    private static void await(String what, BooleanSupplier condition) throws Exception {
        WindowedConsole.await(what, 20, condition);
    }

    private TableView<FindingRow> table(FxRobot robot) {
        return robot.lookup("#findings-table").queryTableView();
    }

    private FindingRow rowOf(FxRobot robot, FindingRule rule) {
        return table(robot).getItems().stream().filter(r -> r.rule() == rule).findFirst().orElse(null);
    }

    private TableView<FindingRow> openFindings(FxRobot robot) throws Exception {
        robot.clickOn("#tab-findings");
        TableView<FindingRow> table = table(robot);
        await("findings", () -> rowOf(robot, FindingRule.IMPOSSIBLE_TRAVEL) != null && rowOf(robot, FindingRule.SHARED_DEVICE) != null
                && rowOf(robot, FindingRule.SCRIPTED_AGENT) != null);
        return table;
    }

    /**
     * The rendered row of the rule's (only) finding, scrolled into view. Matched by rule, not by
     * instance: every poll makes new rows.
     */
    private TableRow<?> tableRow(FxRobot robot, FindingRule rule) {
        TableView<FindingRow> table = table(robot);
        robot.interact(() -> table.scrollTo(rowOf(robot, rule)));
        WaitForAsyncUtils.waitForFxEvents();
        return robot.from(table).lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() instanceof FindingRow f && f.rule() == rule).findFirst().orElseThrow();
    }

    private TableCell<?, ?> severityCell(FxRobot robot, FindingRule rule) {
        return robot.from(tableRow(robot, rule)).lookup(".severity").queryAs(TableCell.class);
    }

    private Paint fill(FxRobot robot, FindingRule rule) {
        return severityCell(robot, rule).getTextFill();
    }

    @Test
    void highAndLowAreDifferentColoursInBothThemesWithALegendAndReadableNames(FxRobot robot) throws Exception {
        openFindings(robot);
        assertThat(rowOf(robot, FindingRule.IMPOSSIBLE_TRAVEL).severity()).isEqualTo(Severity.HIGH);
        assertThat(rowOf(robot, FindingRule.SCRIPTED_AGENT).severity()).isEqualTo(Severity.MEDIUM);
        assertThat(rowOf(robot, FindingRule.SHARED_DEVICE).severity()).isEqualTo(Severity.LOW);
        assertThat(severityCell(robot, FindingRule.IMPOSSIBLE_TRAVEL).getText()).isEqualTo("HIGH");
        assertThat(severityCell(robot, FindingRule.SHARED_DEVICE).getText()).isEqualTo("LOW");
        assertThat(fill(robot, FindingRule.IMPOSSIBLE_TRAVEL)).isNotEqualTo(fill(robot, FindingRule.SHARED_DEVICE));
        assertThat(fill(robot, FindingRule.IMPOSSIBLE_TRAVEL)).isEqualTo(Color.web("#cf222e"));
        assertThat(fill(robot, FindingRule.SCRIPTED_AGENT)).isEqualTo(Color.web("#9a6700"));
        assertThat(fill(robot, FindingRule.SHARED_DEVICE)).isEqualTo(Color.web("#0969da"));
        List<Paint> legend = robot.lookup("#severity-legend .severity").queryAllAs(Labeled.class).stream().map(Labeled::getTextFill).toList();
        assertThat(legend).containsExactly(Color.web("#cf222e"), Color.web("#9a6700"), Color.web("#0969da"));

        robot.push(KeyCode.CONTROL, KeyCode.T);
        await("dark theme", () -> robot.lookup(".console-root").query().getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("dark")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fill(robot, FindingRule.IMPOSSIBLE_TRAVEL)).isEqualTo(Color.web("#f85149")); // the theme's -color-danger-fg (console.css -sc-high)
        assertThat(fill(robot, FindingRule.SHARED_DEVICE)).isEqualTo(Color.web("#58a6ff"));
        robot.push(KeyCode.CONTROL, KeyCode.T);

        TableView<FindingRow> table = table(robot);
        TableColumn<FindingRow, ?> rulesColumn = table.getColumns().stream().filter(c -> c.getText().equals("Rules")).findFirst().orElseThrow();
        List<Object> ruleColumn = WaitForAsyncUtils.asyncFx(() -> java.util.stream.IntStream.range(0, table.getItems().size())
                .mapToObj(i -> (Object) rulesColumn.getCellData(i)).toList()).get();
        assertThat(ruleColumn).contains("Impossible travel +80, User in many countries +25", "Device shared by many users +10",
                "Scripted agent +15, Low trust +10, New device for user +10, New IP for user +5")
                .allSatisfy(name -> assertThat(name.toString()).doesNotContain("_"));
        assertThat(robot.from(tableRow(robot, FindingRule.IMPOSSIBLE_TRAVEL)).lookup(".table-cell").queryAllAs(Labeled.class))
                .extracting(Labeled::getText).contains("HIGH", "105");
        assertThat(tableRow(robot, FindingRule.IMPOSSIBLE_TRAVEL).getTooltip().getText())
                .contains("Risk 105 → HIGH").contains("+25  User in many countries: 6 countries across 6 sessions").contains("Next: ");
        assertThat(tableRow(robot, FindingRule.SHARED_DEVICE).getTooltip().getText()).contains("5 users on one device from 5 addresses");

        MenuButton rules = robot.lookup(".menu-button").queryAllAs(MenuButton.class).stream().filter(b -> "Rules".equals(b.getText()))
                .findFirst().orElseThrow();
        assertThat(rules.getItems()).allSatisfy(i -> assertThat(i.isMnemonicParsing()).isFalse());
        assertThat(rules.getItems()).extracting(MenuItem::getText).contains("Login burst from one IP: IP opened many sessions in a short time", "IP shared by many users (NAT, proxy or credential stuffing)");
    }

    @Test
    void perRuleCountsEqualSqlAndANoisyRuleCanBeCollapsedOrMutedWithoutHidingItsCount(FxRobot robot) throws Exception {
        TableView<FindingRow> table = openFindings(robot);
        long newIpUsers = db.count("SELECT count(DISTINCT user_id) FROM public.user_sessions WHERE " + ActiveSql.WHERE
                + " AND user_agent LIKE 'curl/%'");
        long sharedDevices = db.count("SELECT count(*) FROM (SELECT device_id FROM public.user_sessions WHERE " + ActiveSql.WHERE
                + " GROUP BY device_id HAVING count(DISTINCT user_id) >= 5) d");
        assertThat(newIpUsers).isEqualTo(NOISY_USERS);
        MenuButton newIp = robot.lookup("#rule-scripted_agent").queryAs(MenuButton.class);
        assertThat(newIp.getText()).isEqualTo("Scripted agent (" + newIpUsers + ")");
        assertThat(robot.lookup("#rule-shared_device").queryAs(MenuButton.class).getText())
                .isEqualTo("Device shared by many users (" + sharedDevices + ")");
        assertThat(table.getItems().stream().filter(r -> r.rule() == FindingRule.SCRIPTED_AGENT)).hasSize((int) newIpUsers);

        robot.clickOn("#rule-scripted_agent").clickOn("#rule-scripted_agent-group");
        await("collapsed", () -> table.getItems().stream().filter(r -> r.rule() == FindingRule.SCRIPTED_AGENT).count() == 1);
        FindingRow group = rowOf(robot, FindingRule.SCRIPTED_AGENT);
        assertThat(group.isGroup()).isTrue();
        assertThat(group.size()).isEqualTo((int) newIpUsers);
        assertThat(group.evidence()).hasSize((int) newIpUsers);
        assertThat(newIp.getText()).isEqualTo("Scripted agent (" + newIpUsers + ", collapsed)");

        robot.clickOn("#rule-scripted_agent").clickOn("#rule-scripted_agent-mute");
        await("muted", () -> rowOf(robot, FindingRule.SCRIPTED_AGENT) == null);
        assertThat(newIp.getText()).isEqualTo("Scripted agent — muted: " + newIpUsers);
        assertThat(robot.lookup("#findings-rules").queryParent().getChildrenUnmodifiable()).contains(newIp);
        assertThat(rowOf(robot, FindingRule.SHARED_DEVICE)).isNotNull();
        await("status names the muted findings", () -> console.vm.findings().statusProperty().get().contains(newIpUsers + " of them muted"));
        String key = "findings.display." + Integer.toHexString(ws.label().hashCode());
        assertThat(Preferences.userRoot().node("com/" + PREFS).get(key, "")).isEqualTo("scripted_agent=mute");
        // a view choice only: the next computation still finds them
        await("still counted after a poll", () -> newIp.getText().equals("Scripted agent — muted: " + newIpUsers));
    }

    @Test
    void theSelectedFindingStaysSelectedWhenAPollAddsFindingsAboveIt(FxRobot robot) throws Exception {
        TableView<FindingRow> table = openFindings(robot);
        FindingRow kiosk = rowOf(robot, FindingRule.SHARED_DEVICE);
        robot.interact(() -> table.getSelectionModel().select(kiosk));
        int before = table.getSelectionModel().getSelectedIndex();
        UUID traveller = UUID.randomUUID();
        List<NewSession> more = new ArrayList<>();
        for (String place : List.of("Bern, CH", "Graz, AT", "Brno, CZ", "Riga, LV")) {
            more.add(row(traveller).location(place).build());
        }
        more.add(row(UUID.randomUUID()).device("kiosk-7").build());
        new SessionWriter(db.admin()).insert(more);
        await("the new finding above it", () -> table.getItems().stream()
                .anyMatch(r -> !r.isGroup() && traveller.toString().equals(r.finding().subject())));
        await("its evidence refreshed", () -> console.vm.findings().evidence().size() == 6);
        FindingRow selected = table.getSelectionModel().getSelectedItem();
        assertThat(selected).isNotNull();
        assertThat(selected.finding().key()).isEqualTo(new Finding.Key(null, GroupBy.DEVICE, "kiosk-7"));
        assertThat(table.getSelectionModel().getSelectedIndex()).isGreaterThan(before);
        assertThat(console.vm.findings().selectedProperty().get()).isSameAs(selected);
        assertThat(console.vm.findings().evidence()).extracting(Session::deviceId).containsOnly("kiosk-7");
        assertThat(table.getSelectionModel().getSelectedItems()).hasSize(1);
    }

    @Test
    void aZombieRuleWithMoreRowsThanItsSampleShowsTheFullCountAndSaysTheEvidenceIsASample(FxRobot robot) throws Exception {
        db.exec("INSERT INTO public.user_sessions (user_id, session_token, expires_at, is_active, created_at) "
                + "SELECT gen_random_uuid(), 'zombie-' || g, now() - interval '1 hour', true, now() - g * interval '1 minute' "
                + "FROM generate_series(1, 15000) g");
        long expired = db.count("SELECT count(*) FROM public.user_sessions WHERE is_active = true AND expires_at <= now()");
        TableView<FindingRow> table = openFindings(robot);
        await("the zombie finding", () -> rowOf(robot, FindingRule.ACTIVE_BUT_EXPIRED) != null);
        FindingRow zombies = rowOf(robot, FindingRule.ACTIVE_BUT_EXPIRED);
        TableColumn<FindingRow, ?> rowsColumn = table.getColumns().stream().filter(c -> c.getText().equals("Rows")).findFirst().orElseThrow();
        assertThat(WaitForAsyncUtils.asyncFx(() -> rowsColumn.getCellData(zombies)).get()).isEqualTo(Long.toString(expired));

        robot.interact(() -> table.getSelectionModel().select(zombies));
        await("its evidence", () -> !console.vm.findings().evidence().isEmpty());
        int shown = console.vm.findings().evidence().size();
        assertThat((long) shown).isLessThan(expired);
        assertThat(robot.lookup("#evidenceTitle").queryAs(Label.class).getText()).endsWith(expired + " sessions (showing " + shown + ")");
    }
}
