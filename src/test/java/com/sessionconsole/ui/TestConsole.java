package com.sessionconsole.ui;

import com.sessionconsole.ui.window.ConsoleViewModels;
import com.sessionconsole.ui.window.ConsoleWindow;

import com.sessionconsole.audit.ui.AuditViewModel;
import com.sessionconsole.findings.ui.FindingsViewModel;
import com.sessionconsole.history.ui.HistoryViewModel;
import com.sessionconsole.live.ui.ConsoleViewModel;

import com.sessionconsole.findings.FindingsEngine;
import com.sessionconsole.live.KeyDiffPollStrategy;
import com.sessionconsole.history.SessionHistory;
import com.sessionconsole.history.TokenLookup;
import com.sessionconsole.watchlist.Watchlist;
import com.sessionconsole.cli.Workspace;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.prefs.Preferences;

/** A real console window on a workspace, as the app wires it, for the headless UI tests. */
final class TestConsole {
    final FxTaskRunner runner = new FxTaskRunner(2);
    final ConsoleViewModel vm;
    final ConsoleWindow window;

    private TestConsole(Stage stage, Workspace ws, String prefsNode) throws Exception {
        vm = new ConsoleViewModel(runner, new KeyDiffPollStrategy(ws.dao()), ws.revocation(), new TokenLookup(ws.dao()),
                new Watchlist(Files.createTempDirectory("watch").resolve("watchlist.txt")), ws.label(), Clock.systemUTC());
        Preferences node = Preferences.userRoot().node("com/" + prefsNode);
        node.clear();
        window = new ConsoleWindow(stage, new ConsoleViewModels(vm, new FindingsViewModel(runner, new FindingsEngine(ws.dao(), Clock.systemUTC()), vm),
                new AuditViewModel(runner, ws.audit()), new HistoryViewModel(runner, new SessionHistory(ws.dao()))),
                new ViewPrefs(node), false, ws.label());
        vm.setInterval(Duration.ofSeconds(1));
        window.show();
    }

    /** Call from a TestFX @Start method (on the FX thread). */
    static TestConsole open(Stage stage, Workspace ws, String prefsNode) throws Exception {
        return new TestConsole(stage, ws, prefsNode);
    }

    void close() {
        window.close();
        runner.close();
    }

    /** Waits for a condition evaluated on the FX thread, which owns the tables' items. */
    static void await(String what, long seconds, BooleanSupplier condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for: " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
