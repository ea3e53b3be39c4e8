package com.sessionconsole.support;

import com.sessionconsole.app.ConsoleWiring;
import com.sessionconsole.workspace.Workspace;
import com.sessionconsole.domain.Narrowing;
import com.sessionconsole.live.MemoryBudget;
import com.sessionconsole.window.ConsoleViewModels;

import java.nio.file.Path;
import java.time.Clock;

/**
 * A console's ViewModels wired as the app wires them, stepped by a {@link DirectTaskRunner}: no FX thread,
 * no window. {@link #start()} runs the first load; {@link #refresh()} one more tick. Dialogs are answered
 * by {@link #dialogs}.
 */
public final class HeadlessConsole implements AutoCloseable {
    public final DirectTaskRunner runner = new DirectTaskRunner();
    public final ScriptedDialogs dialogs = new ScriptedDialogs();
    public final ConsoleWiring wiring;
    public final ConsoleViewModels vm;

    public HeadlessConsole(Workspace ws, Path watchlist, Clock clock) {
        this(ws, watchlist, clock, MemoryBudget.ofThisJvm(), Narrowing.NONE);
    }

    public HeadlessConsole(Workspace ws, Path watchlist, Clock clock, MemoryBudget budget, Narrowing narrowing) {
        wiring = new ConsoleWiring(ws, runner, runner.lane(), watchlist, clock, dialogs, dialogs::confirm, budget, narrowing);
        vm = wiring.models();
    }

    public HeadlessConsole start() {
        wiring.start();
        runner.runScheduled();
        return this;
    }

    /** One poll tick, delivered before this returns. */
    public void refresh() {
        vm.status().refreshNow();
    }

    @Override
    public void close() {
        wiring.stop();
    }
}
