package com.sessionconsole.ui;

import com.sessionconsole.service.FindingsEngine;
import com.sessionconsole.service.KeyDiffPollStrategy;
import com.sessionconsole.service.SessionHistory;
import com.sessionconsole.service.TokenLookup;
import com.sessionconsole.service.Watchlist;
import com.sessionconsole.service.Workspace;
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
