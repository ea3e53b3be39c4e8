package com.sessionconsole.app;

import com.sessionconsole.cli.ExitCodes;
import com.sessionconsole.cli.GuiLauncher;
import com.sessionconsole.db.DatabaseException;
import com.sessionconsole.domain.ConnectionRequest;
import com.sessionconsole.service.FindingsEngine;
import com.sessionconsole.service.KeyDiffPollStrategy;
import com.sessionconsole.service.SessionHistory;
import com.sessionconsole.service.TokenLookup;
import com.sessionconsole.service.Watchlist;
import com.sessionconsole.service.Workspace;
import com.sessionconsole.ui.AuditViewModel;
import com.sessionconsole.ui.ConsoleViewModel;
import com.sessionconsole.ui.ConsoleViewModels;
import com.sessionconsole.ui.ConsoleWindow;
import com.sessionconsole.ui.HistoryViewModel;
import com.sessionconsole.ui.FindingsViewModel;
import com.sessionconsole.ui.FxTaskRunner;
import com.sessionconsole.ui.PasswordDialog;
import com.sessionconsole.ui.ViewPrefs;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Starts the JavaFX toolkit, opens the workspace, shows the console window, and waits until it closes. */
final class DesktopLauncher implements GuiLauncher {
    private static final Logger log = LoggerFactory.getLogger(DesktopLauncher.class);
    private static final long SMOKE_TIMEOUT_SECONDS = 90;

    private final AppDirs dirs;
    private final Map<String, String> env;
    private final Clock clock;

    DesktopLauncher(AppDirs dirs, Map<String, String> env, Clock clock) {
        this.dirs = dirs;
        this.env = env;
        this.clock = clock;
    }

    @Override
    public Result launch(ConnectionRequest request, boolean smokeTest) {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        Platform.setImplicitExit(false);
        FxTaskRunner runner = new FxTaskRunner(3);
        WorkspaceFactory factory = new WorkspaceFactory(dirs, env, PasswordDialog::ask, clock);
        Workspace ws;
        try {
            ws = factory.open(request, runner);
        } catch (RuntimeException e) {
            log.error("cannot open the console: {}", e.getMessage());
            showFatal(e.getMessage(), smokeTest);
            runner.close();
            Platform.exit();
            return new Result(e instanceof DatabaseException db && db.kind() == DatabaseException.Kind.SCHEMA
                    ? ExitCodes.SCHEMA : ExitCodes.CONNECTION, -1);
        }
        CountDownLatch closed = new CountDownLatch(1);
        AtomicInteger exit = new AtomicInteger(ExitCodes.OK);
        java.util.concurrent.atomic.AtomicLong shownAt = new java.util.concurrent.atomic.AtomicLong(-1);
        ConsoleViewModel vm = new ConsoleViewModel(runner, new KeyDiffPollStrategy(ws.dao()), ws.revocation(),
                new TokenLookup(ws.dao()), new Watchlist(dirs.watchlist()), ws.label(), clock);
        AuditViewModel auditVm = new AuditViewModel(runner, ws.audit());
        FindingsViewModel findingsVm = new FindingsViewModel(runner, new FindingsEngine(ws.dao(), clock), vm);
        Platform.runLater(() -> {
            ConsoleWindow window = new ConsoleWindow(new Stage(), new ConsoleViewModels(vm, findingsVm, auditVm,
                    new HistoryViewModel(runner, new SessionHistory(ws.dao()))), ViewPrefs.standard(), ws.demo(), ws.label());
            window.stage().setOnHidden(e -> {
                window.close();
                closed.countDown();
            });
            window.show();
            shownAt.set(System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
            log.info("window shown {} ms after JVM start", shownAt.get());
            ws.warnings().forEach(w -> new Alert(Alert.AlertType.WARNING, w).show());
            if (smokeTest) {
                vm.countTextProperty().addListener((obs, old, text) -> {
                    if (!text.isEmpty() && closed.getCount() > 0) {
                        log.info("smoke test: first refresh done ({})", text);
                        window.stage().hide();
                    }
                });
            }
        });
        try {
            if (smokeTest && !closed.await(SMOKE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                log.error("smoke test: no refresh within {} s", SMOKE_TIMEOUT_SECONDS);
                exit.set(ExitCodes.FAILED);
            } else if (!smokeTest) {
                closed.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        vm.stop();
        ws.close();
        runner.close();
        Platform.exit();
        return new Result(exit.get(), shownAt.get());
    }

    private static void showFatal(String message, boolean smokeTest) {
        if (smokeTest) {
            return;
        }
        CountDownLatch shown = new CountDownLatch(1);
        Platform.runLater(() -> {
            Alert a = new Alert(Alert.AlertType.ERROR, message);
            a.setHeaderText("Session Console cannot start");
            a.getDialogPane().setMinWidth(560);
            a.showAndWait();
            shown.countDown();
        });
        try {
            shown.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
