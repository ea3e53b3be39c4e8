package com.sessionconsole.support;

import com.sessionconsole.app.ConsoleWiring;
import com.sessionconsole.workspace.Workspace;
import com.sessionconsole.revoke.ui.RevokeDialog;
import com.sessionconsole.ui.FxDialogService;
import com.sessionconsole.ui.FxTaskRunner;
import com.sessionconsole.ui.ViewPrefs;
import com.sessionconsole.window.ConsoleViewModels;
import com.sessionconsole.window.ConsoleWindow;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.prefs.Preferences;

/** A real console window on a workspace, wired by {@link ConsoleWiring} as the app wires it, for the headless UI tests and the benchmark. */
public final class WindowedConsole {
    public final FxTaskRunner runner = new FxTaskRunner(2);
    public final ExecutorService lane = ConsoleWiring.newPollLane();
    public final ConsoleWiring wiring;
    public final ConsoleViewModels vm;
    public final ConsoleWindow window;

    private WindowedConsole(Stage stage, Workspace ws, String prefsNode) throws Exception {
        this(stage, ws, Preferences.userRoot().node("com/" + prefsNode), true);
    }

    private WindowedConsole(Stage stage, Workspace ws, Preferences node, boolean freshPrefs) throws Exception {
        this(stage, ws, node, freshPrefs, false);
    }

    private WindowedConsole(Stage stage, Workspace ws, Preferences node, boolean freshPrefs, boolean demo) throws Exception {
        if (freshPrefs) {
            node.clear();
        }
        FxDialogService dialogs = new FxDialogService(() -> stage);
        wiring = new ConsoleWiring(ws, runner, lane, Files.createTempDirectory("watch").resolve("watchlist.txt"), Clock.systemUTC(),
                dialogs, plan -> RevokeDialog.ask(stage, plan, ws.revocation().target()));
        vm = wiring.models();
        window = new ConsoleWindow(stage, vm, new ViewPrefs(node), dialogs, demo, ws.label());
        vm.status().setInterval(Duration.ofSeconds(1));
    }

    /** Builds the window; call on the FX thread (a TestFX @Start method). Polling starts with {@link #show()}. */
    public static WindowedConsole create(Stage stage, Workspace ws, String prefsNode) throws Exception {
        return new WindowedConsole(stage, ws, prefsNode);
    }

    /** Like {@link #open}, marked as the demo database (title, badge, status bar), on any workspace. */
    public static WindowedConsole openAsDemo(Stage stage, Workspace ws, String prefsNode) throws Exception {
        WindowedConsole c = new WindowedConsole(stage, ws, Preferences.userRoot().node("com/" + prefsNode), true, true);
        c.show();
        return c;
    }

    /** Like {@link #open}, with the preferences a previous run left in {@code node} (window, filters). */
    public static WindowedConsole openWithPrefs(Stage stage, Workspace ws, Preferences node) throws Exception {
        WindowedConsole c = new WindowedConsole(stage, ws, node, false);
        c.show();
        return c;
    }

    /** Call from a TestFX @Start method (on the FX thread): builds, shows and starts polling. */
    public static WindowedConsole open(Stage stage, Workspace ws, String prefsNode) throws Exception {
        WindowedConsole c = create(stage, ws, prefsNode);
        c.show();
        return c;
    }

    /** On the FX thread. */
    public void show() {
        window.show();
        wiring.start();
    }

    public void close() {
        wiring.stop();
        window.close();
        lane.shutdownNow();
        runner.close();
    }

    /** Waits for a condition evaluated on the FX thread, which owns the tables' items. */
    public static void await(String what, long seconds, BooleanSupplier condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for: " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
