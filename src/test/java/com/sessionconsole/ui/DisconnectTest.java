package com.sessionconsole.ui;

import com.sessionconsole.db.ConnectionSettings;
import com.sessionconsole.db.EmbeddedDatabase;
import com.sessionconsole.db.SessionWriter;
import com.sessionconsole.domain.NewSession;
import com.sessionconsole.domain.Session;
import com.sessionconsole.demo.SessionGenerator;
import com.sessionconsole.workspace.Workspace;
import com.sessionconsole.support.TestWorkspace;
import com.sessionconsole.support.WindowedConsole;
import javafx.application.Platform;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Stopping the database shows the disconnected state with stale data; restarting it recovers on its own. */
@ExtendWith(ApplicationExtension.class)
class DisconnectTest {
    EmbeddedDatabase server;
    Path dataDir;
    int port;
    Workspace ws;
    WindowedConsole console;

    @Start
    void start(Stage stage) throws Exception {
        dataDir = Files.createTempDirectory("pg-fault");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        server = EmbeddedDatabase.startPersistent(dataDir, port);
        SessionWriter writer = new SessionWriter(server.adminDataSource());
        writer.createTable();
        List<NewSession> rows = new ArrayList<>();
        new SessionGenerator(3, 1500, 1000, java.time.Instant.now()).rows().forEachRemaining(rows::add);
        writer.insert(rows);
        ConnectionSettings settings = new ConnectionSettings(server.jdbcUrl(), EmbeddedDatabase.USER, null, null, false,
                Duration.ofSeconds(2), null, false);
        ws = TestWorkspace.open(Files.createTempDirectory("console-fault"), settings, Set.of());
        console = WindowedConsole.open(stage, ws, "sessionconsole-test-fault");
    }

    @AfterEach
    void stop() {
        console.close();
        ws.close();
        server.close();
    }

    private static void await(String what, long seconds, java.util.function.BooleanSupplier condition) throws Exception {
        WindowedConsole.await(what, seconds, condition);
    }

    @Test
    void losingTheDatabaseKeepsStaleDataAndRecovers(FxRobot robot) throws Exception {
        TableView<Session> table = robot.lookup("#sessions-table").queryTableView();
        await("first load", 20, () -> table.getItems().size() > 100);
        int before = table.getItems().size();

        server.close();
        await("disconnected state", 20, () -> robot.lookup("#status-error").queryLabeled().getText().startsWith("Disconnected"));
        await("stale marker", 5, () -> robot.lookup("#status-refresh").queryLabeled().getText().startsWith("STALE"));
        assertThat(table.getItems()).hasSize(before);
        assertThat(robot.lookup("#revoke").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#revoke").queryButton().getText()).contains("disconnected");
        // the FX thread stays responsive while polls fail
        long t0 = System.nanoTime();
        CompletableFuture<Void> ping = new CompletableFuture<>();
        Platform.runLater(() -> ping.complete(null));
        ping.get(2, TimeUnit.SECONDS);
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(1000);

        server = EmbeddedDatabase.startPersistent(dataDir, port);
        new SessionWriter(server.adminDataSource()).execute("UPDATE public.user_sessions SET is_active = false WHERE id IN "
                + "(SELECT id FROM public.user_sessions WHERE is_active = true LIMIT 10)");
        await("recovered", 60, () -> robot.lookup("#status-error").queryLabeled().getText().isEmpty()
                && !robot.lookup("#revoke").queryButton().isDisabled());
        List<Session> fresh = new ArrayList<>();
        ws.dao().forEachActive(fresh::add);
        Set<UUID> expected = fresh.stream().map(Session::id).collect(Collectors.toSet());
        await("data equals a fresh read", 10, () -> table.getItems().stream().map(Session::id).collect(Collectors.toSet()).equals(expected));
        assertThat(table.getItems()).hasSize(before - 10);
    }
}
