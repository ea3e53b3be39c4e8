package com.sessionconsole.app;

import com.sessionconsole.cli.ExitCodes;
import com.sessionconsole.cli.GuiLauncher;
import com.sessionconsole.domain.ConnectionRequest;
import com.sessionconsole.findings.FindingsEngine;
import com.sessionconsole.live.KeyDiffPollStrategy;
import com.sessionconsole.history.SessionHistory;
import com.sessionconsole.history.TokenLookup;
import com.sessionconsole.watchlist.Watchlist;
import com.sessionconsole.cli.Workspace;
import com.sessionconsole.audit.ui.AuditViewModel;
import com.sessionconsole.live.ui.ConsoleViewModel;
import com.sessionconsole.ui.window.ConsoleViewModels;
import com.sessionconsole.ui.window.ConsoleWindow;
import com.sessionconsole.history.ui.HistoryViewModel;
import com.sessionconsole.findings.ui.FindingsViewModel;
import com.sessionconsole.ui.FxTaskRunner;
import com.sessionconsole.ui.PasswordDialog;
import com.sessionconsole.ui.ViewPrefs;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/** Starts the JavaFX toolkit, opens the workspace, shows the console window, and waits until it closes. */
final class DesktopLauncher implements GuiLauncher {
    private static final Logger log = LoggerFactory.getLogger(DesktopLauncher.class);
    /** --smoke-test gives the first load this long, from the window being shown. */
    private static final java.time.Duration SMOKE_TIMEOUT = java.time.Duration.ofSeconds(60);

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
        List<String> warnings = new CopyOnWriteArrayList<>();
        // a smoke test never waits behind a dialog: no password prompt, no alerts
        WorkspaceFactory factory = new WorkspaceFactory(dirs, env, smokeTest ? text -> Optional.empty() : PasswordDialog::ask, clock,
                w -> {
                    log.warn("{}", w);
                    warnings.add(w);
                });
        Workspace ws;
        try {
            ws = factory.open(request, runner);
        } catch (RuntimeException e) {
            log.error("cannot open the console: {}", e.getMessage());
            showFatal(warnings.isEmpty() ? e.getMessage() : e.getMessage() + "\n\nWarnings:\n" + String.join("\n", warnings), smokeTest);
            runner.close();
            Platform.exit();
            return new Result(ExitCodes.of(e), -1, -1, e.getMessage());
        }
        CountDownLatch closed = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicLong shownAt = new java.util.concurrent.atomic.AtomicLong(-1);
        ConsoleViewModel vm = new ConsoleViewModel(runner, new KeyDiffPollStrategy(ws.dao()), ws.revocation(),
                new TokenLookup(ws.dao()), new Watchlist(dirs.watchlist()), ws.label(), clock);
        vm.warnWhenReplicaBehind(ws.replicaLagWarnSeconds());
        CompletableFuture<Integer> firstLoad = new CompletableFuture<>();
        vm.addSnapshotListener(snapshot -> firstLoad.complete(snapshot.sessions().size()));
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
            if (smokeTest) {
                vm.errorTextProperty().addListener((obs, old, text) -> {
                    if (!text.isEmpty() && !firstLoad.isDone()) {
                        firstLoad.completeExceptionally(new IllegalStateException(text));
                    }
                });
            } else {
                warnings.forEach(w -> new Alert(Alert.AlertType.WARNING, w).show());
            }
        });
        SmokeOutcome outcome = new SmokeOutcome(ExitCodes.OK, -1, null);
        try {
            if (smokeTest) {
                outcome = SmokeOutcome.await(firstLoad, SMOKE_TIMEOUT);
                log.info("smoke test: {}", outcome);
            } else {
                closed.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        vm.stop();
        ws.close();
        runner.close();
        Platform.exit();
        return new Result(outcome.exitCode(), shownAt.get(), outcome.active(), outcome.failure());
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
