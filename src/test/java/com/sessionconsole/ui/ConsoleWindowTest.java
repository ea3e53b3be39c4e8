package com.sessionconsole.ui;

import com.sessionconsole.support.ActiveSql;
import com.sessionconsole.support.WindowedConsole;

import com.sessionconsole.db.SessionWriter;
import com.sessionconsole.domain.GroupSummary;
import com.sessionconsole.domain.NewSession;
import com.sessionconsole.domain.Session;
import com.sessionconsole.demo.SessionGenerator;
import com.sessionconsole.workspace.Workspace;
import com.sessionconsole.support.Rows;
import com.sessionconsole.support.TestDatabase;
import com.sessionconsole.support.TestWorkspace;
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
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The real window, headless (Monocle), on the real PostgreSQL: what an analyst does with it. */
@ExtendWith(ApplicationExtension.class)
class ConsoleWindowTest {
    TestDatabase db = TestDatabase.get();
    Workspace ws;
    WindowedConsole console;
    Instant now;

    @Start
    void start(Stage stage) throws Exception {
        SessionWriter writer = db.resetTable();
        Path home = Files.createTempDirectory("console-ui");
        ws = TestWorkspace.open(home);
        now = ws.dao().serverTime();
        List<NewSession> rows = new ArrayList<>();
        new SessionGenerator(9, 6000, 5000, now).rows().forEachRemaining(rows::add);
        writer.insert(rows);
        console = WindowedConsole.open(stage, ws, "sessionconsole-test");
    }

    @AfterEach
    void stop() {
        console.close();
        ws.close();
    }

    private TableView<Session> sessionsTable(FxRobot robot) {
        return robot.lookup("#sessions-table").queryTableView();
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws Exception {
        WindowedConsole.await(what, 20, condition);
    }

    private long active(String where, Object... params) {
        return db.count("SELECT count(*) FROM public.user_sessions WHERE " + ActiveSql.WHERE + (where.isEmpty() ? "" : " AND " + where), params);
    }

    @Test
    void opensOnTheDatabaseAndShowsEveryActiveSession(FxRobot robot) throws Exception {
        long expected = active("");
        await("first load", () -> sessionsTable(robot).getItems().size() == expected);
        assertThat(robot.lookup("#status-count").queryLabeled().getText()).contains(String.format("%,d active", expected));
        assertThat(sessionsTable(robot).getItems()).allSatisfy(s -> assertThat(s.token().text()).hasSize(9));
    }

    @Test
    void typingInTheFilterBoxNarrowsTheSessionsTable(FxRobot robot) throws Exception {
        await("first load", () -> !sessionsTable(robot).getItems().isEmpty());
        robot.clickOn("#filter-text").write("Stockholm");
        long expected = active("(location ILIKE '%stockholm%' OR user_agent ILIKE '%stockholm%' OR device_id ILIKE '%stockholm%')");
        await("filtered to Stockholm", () -> sessionsTable(robot).getItems().size() == expected);
        assertThat(sessionsTable(robot).getItems()).isNotEmpty().allSatisfy(s -> assertThat(s.location()).contains("Stockholm"));
    }

    @Test
    void aCidrFilterSelectsExactlyTheRightRowsAndABadOneShowsAnInlineError(FxRobot robot) throws Exception {
        await("first load", () -> !sessionsTable(robot).getItems().isEmpty());
        robot.clickOn("#filter-ip").write("203.0.113.0/24");
        long expected = active("ip_address LIKE '203.0.113.%'");
        await("CIDR filter", () -> sessionsTable(robot).getItems().size() == expected);
        assertThat(sessionsTable(robot).getItems()).allSatisfy(s -> assertThat(s.ipAddress()).startsWith("203.0.113."));
        robot.clickOn("#filter-ip").push(KeyCode.CONTROL, KeyCode.A).write("203.0.113.0/33");
        await("error message", () -> robot.lookup("#filter-errors").queryLabeled().getText().contains("/33 is too long"));
        javafx.scene.control.TextField ip = robot.lookup("#filter-ip").queryAs(javafx.scene.control.TextField.class);
        await("the field is marked invalid", () -> ip.getStyleClass().contains("error"));
        assertThat(ip.getTooltip().getText()).contains("/33 is too long");
        await("error filter not applied", () -> sessionsTable(robot).getItems().size() == active(""));
        robot.clickOn("#filter-ip").push(KeyCode.CONTROL, KeyCode.A).write("203.0.113.0/24");
        await("the mark goes with the error", () -> !ip.getStyleClass().contains("error"));
    }

    @Test
    void groupViewCountsEqualSql(FxRobot robot) throws Exception {
        await("first load", () -> !sessionsTable(robot).getItems().isEmpty());
        robot.clickOn("#tab-device");
        TableView<GroupSummary> devices = robot.lookup("#groups-device").queryTableView();
        List<List<String>> expected = db.query("SELECT coalesce(device_id, '(empty)'), count(*)::text, count(DISTINCT user_id)::text "
                + "FROM public.user_sessions WHERE " + ActiveSql.WHERE + " GROUP BY device_id ORDER BY count(*) DESC, device_id COLLATE \"C\" NULLS FIRST");
        await("device groups", () -> devices.getItems().size() == expected.size());
        assertThat(devices.getItems()).extracting(g -> List.of(g.key() == null ? "(empty)" : g.key(), Long.toString(g.activeSessions()),
                Long.toString(g.distinctUsers()))).containsExactlyElementsOf(expected);
    }

    @Test
    void revokingFromTheSessionsViewEndsExactlyThoseRows(FxRobot robot) throws Exception {
        TableView<Session> table = sessionsTable(robot);
        await("first load", () -> table.getItems().size() > 10);
        List<UUID> chosen = new ArrayList<>();
        robot.interact(() -> {
            table.getSelectionModel().selectIndices(2, 4, 7);
            table.getSelectionModel().getSelectedItems().forEach(s -> chosen.add(s.id()));
            table.requestFocus();
        });
        robot.type(KeyCode.DELETE);
        await("dialog", () -> robot.lookup("#revoke-reason").tryQuery().isPresent());
        assertThat(robot.lookup("#revoke-confirm").queryButton().isDisabled()).isTrue();
        robot.clickOn("#revoke-reason").write("phished account");
        robot.clickOn("#revoke-confirm");
        await("revoked in db", () -> active("id = ANY(?::uuid[])", (Object) chosen.stream().map(UUID::toString).toArray(String[]::new)) == 0);
        await("table updated", () -> table.getItems().stream().noneMatch(s -> chosen.contains(s.id())));
        assertThat(robot.lookup("#message").queryLabeled().getText()).matches("At \\d\\d:\\d\\d:\\d\\d \\S+: 3 revoked, 0 were already inactive");
        assertThat(db.count("SELECT count(*) FROM public.user_sessions WHERE id = ANY(?::uuid[]) AND is_active = false",
                (Object) chosen.stream().map(UUID::toString).toArray(String[]::new))).isEqualTo(3);
    }

    @Test
    void revokingAnIpFromTheByIpViewNeedsTheTypedCount(FxRobot robot) throws Exception {
        await("first load", () -> !sessionsTable(robot).getItems().isEmpty());
        robot.clickOn("#tab-ip");
        TableView<GroupSummary> ips = robot.lookup("#groups-ip").queryTableView();
        await("ip groups", () -> !ips.getItems().isEmpty());
        GroupSummary top = ips.getItems().get(0);
        assertThat(top.activeSessions()).isGreaterThan(50);
        robot.interact(() -> {
            ips.getSelectionModel().select(0);
            ips.requestFocus();
        });
        robot.type(KeyCode.DELETE);
        await("dialog", () -> robot.lookup("#revoke-count").tryQuery().isPresent());
        robot.clickOn("#revoke-reason").write("NAT abuse");
        assertThat(robot.lookup("#revoke-confirm").queryButton().isDisabled()).isTrue();
        robot.clickOn("#revoke-count").write(Long.toString(top.activeSessions()));
        robot.clickOn("#revoke-confirm");
        await("revoked in db", () -> active("ip_address = ?", top.key()) == 0);
        await("view updated", () -> ips.getItems().stream().noneMatch(g -> top.key().equals(g.key())));
        assertThat(robot.lookup("#message").queryLabeled().getText()).endsWith(": " + top.activeSessions() + " revoked, 0 were already inactive");
    }

    @Test
    void insertedSessionsAppearAndEndedOnesDisappearWithinAPoll(FxRobot robot) throws Exception {
        TableView<Session> table = sessionsTable(robot);
        await("first load", () -> table.getItems().size() > 10);
        NewSession added = Rows.active(UUID.randomUUID(), now).ip("198.18.7.7").location("Reykjavík, IS").build();
        new SessionWriter(db.admin()).insert(List.of(added));
        UUID ended = table.getItems().get(3).id();
        db.exec("UPDATE public.user_sessions SET is_active = false WHERE id = ?", ended);
        await("new session shown", () -> table.getItems().stream().anyMatch(s -> s.id().equals(added.id())));
        await("ended session gone", () -> table.getItems().stream().noneMatch(s -> s.id().equals(ended)));
        db.exec("DELETE FROM public.user_sessions WHERE id = ?", added.id());
        await("hard-deleted session gone", () -> table.getItems().stream().noneMatch(s -> s.id().equals(added.id())));
    }

    /** An exception nobody catches on the FX thread reaches the log, not only stderr. */
    @Test
    void anUncaughtExceptionOnTheFxThreadIsLogged() throws Exception {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(FxTaskRunner.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> seen = new ch.qos.logback.core.read.ListAppender<>();
        seen.start();
        logger.addAppender(seen);
        try {
            console.runner.logUncaughtExceptions();
            console.runner.ui(() -> {
                throw new IllegalStateException("boom from a handler");
            });
            await("the log line", () -> seen.list.stream().anyMatch(e -> e.getFormattedMessage().contains("uncaught exception on the FX thread")
                    && e.getThrowableProxy() != null && e.getThrowableProxy().getMessage().contains("boom from a handler")));
        } finally {
            logger.detachAppender(seen);
        }
    }
}
