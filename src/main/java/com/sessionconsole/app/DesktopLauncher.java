package com.sessionconsole.app;

import com.sessionconsole.cli.ExitCodes;
import com.sessionconsole.cli.GuiLauncher;
import com.sessionconsole.workspace.Workspace;
import com.sessionconsole.domain.ConnectionRequest;
import com.sessionconsole.domain.Narrowing;
import com.sessionconsole.live.MemoryBudget;
import com.sessionconsole.revoke.ui.RevokeDialog;
import com.sessionconsole.ui.DialogService;
import com.sessionconsole.ui.FxDialogService;
import com.sessionconsole.ui.FxTaskRunner;
import com.sessionconsole.ui.PasswordDialog;
import com.sessionconsole.ui.ViewPrefs;
import com.sessionconsole.window.ConsoleWindow;
import com.sessionconsole.window.StartupWindow;
import com.sessionconsole.workspace.StartupStep;
import com.sessionconsole.workspace.WorkspaceFactory;
import com.sessionconsole.workspace.AppDirs;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;

/** Starts the JavaFX toolkit, opens the workspace, shows the console window, and waits until it closes. */
final class DesktopLauncher implements GuiLauncher {
    private static final Logger log = LoggerFactory.getLogger(DesktopLauncher.class);
    /** --smoke-test gives the first load this long, from the window being shown. */
    private static final Duration SMOKE_TIMEOUT = Duration.ofSeconds(60);
    /** Database and file work that may wait at once: a revoke in doubt, a history query and a findings query need not queue behind each other. */
    private static final int IO_THREADS = 4;

    private final AppDirs dirs;
    private final Map<String, String> env;
    private final Clock clock;

    DesktopLauncher(AppDirs dirs, Map<String, String> env, Clock clock) {
        this.dirs = dirs;
        this.env = env;
        this.clock = clock;
    }

    @Override
    public Result launch(ConnectionRequest request, Narrowing narrowing, boolean smokeTest) {
        CountDownLatch started = new CountDownLatch(1);
        NativeLibraries.startToolkit(() -> Platform.startup(started::countDown));
        Platform.setImplicitExit(false);
        FxTaskRunner runner = new FxTaskRunner(IO_THREADS);
        runner.logUncaughtExceptions();
        ExecutorService lane = ConsoleWiring.newPollLane();
        List<String> warnings = new CopyOnWriteArrayList<>();
        // the window is on screen before any database work, and says what that work is doing
        StartupWindow startup = onFxThread(runner, () -> {
            StartupWindow w = new StartupWindow(new Stage(), ViewPrefs.standard());
            w.show();
            return w;
        });
        Stage stage = startup.stage();
        long shownAt = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        log.info("window shown {} ms after JVM start", shownAt);
        // a smoke test never waits behind a dialog: no password prompt, no alerts
        PasswordDialog passwords = new PasswordDialog(runner);
        WorkspaceFactory factory = new WorkspaceFactory(dirs, env, smokeTest ? text -> Optional.empty() : passwords::ask, clock,
                w -> {
                    log.warn("{}", w);
                    warnings.add(w);
                });
        Workspace ws;
        try {
            ws = factory.open(request, runner.scheduler(), runner.io(), step -> {
                log.info("start-up: {}", step.text()); // the log's time stamps say where a slow start spent its time
                runner.ui(() -> startup.show(step));
            });
        } catch (RuntimeException e) {
            log.error("cannot open the console: {}", e.getMessage());
            runner.ui(() -> startup.failed(e.getMessage()));
            showFatal(runner, stage, warnings.isEmpty() ? e.getMessage() : e.getMessage() + "\n\nWarnings:\n" + String.join("\n", warnings), smokeTest);
            runner.close();
            lane.shutdownNow();
            Platform.exit();
            return new Result(ExitCodes.of(e), shownAt, -1, e.getMessage());
        }
        CountDownLatch closed = new CountDownLatch(1);
        CompletableFuture<Integer> firstLoad = new CompletableFuture<>();
        AtomicReference<ConsoleWiring> wiring = new AtomicReference<>();
        runner.ui(() -> {
            DialogService dialogs = new FxDialogService(() -> stage);
            ConsoleWiring console = new ConsoleWiring(ws, runner, lane, dirs.watchlist(), clock, dialogs, plan -> RevokeDialog.ask(stage, plan, ws.revocation().target()),
                    MemoryBudget.ofThisJvm(), narrowing);
            wiring.set(console);
            ConsoleWindow window = new ConsoleWindow(stage, console.models(), ViewPrefs.standard(), dialogs, ws.demo(), ws.label());
            window.stage().setOnHidden(e -> {
                window.close();
                closed.countDown();
            });
            startup.coverConsole(StartupStep.firstLoad());
            console.models().live().feed().onUpdate(u -> {
                startup.uncover();
                firstLoad.complete(u.snapshot().sessions().size());
            });
            console.models().status().errorTextProperty().addListener((obs, old, text) -> {
                if (!text.isEmpty() && !firstLoad.isDone()) {
                    startup.uncover(); // the console's status bar and table say what failed
                    firstLoad.completeExceptionally(new IllegalStateException(text));
                }
            });
            window.show();
            console.start();
            if (!smokeTest) {
                warnings.forEach(w -> dialogs.inform(DialogService.Severity.WARNING, "Warning", w));
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
        DesktopShutdown.closeInOrder(wiring.get(), lane, ws, runner);
        Platform.exit();
        return new Result(outcome.exitCode(), shownAt, outcome.active(), outcome.failure());
    }

    private static <T> T onFxThread(FxTaskRunner runner, Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        runner.ui(task);
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening the window", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot open the window: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static void showFatal(FxTaskRunner runner, Stage owner, String message, boolean smokeTest) {
        if (smokeTest) {
            return;
        }
        CountDownLatch shown = new CountDownLatch(1);
        runner.ui(() -> {
            Alert a = new Alert(Alert.AlertType.ERROR, message);
            a.initOwner(owner);
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
