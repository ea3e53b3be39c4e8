package com.sessionconsole.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * "Latest wins" for one view: each submit computes on its executor and hands its result to the FX
 * thread, where it is applied only if no newer submit came after it. An older result that finishes last
 * is dropped, never shown over a newer one. Call {@link #submit} on the FX thread.
 */
public final class LatestWins {
    private final TaskRunner runner;
    private final Executor on;
    private volatile long latest; // written on the FX thread only; read by workers to skip work nobody will see

    /** @param on where the work runs: the view lane for recomputes, the I/O pool for queries */
    public LatestWins(TaskRunner runner, Executor on) {
        this.runner = runner;
        this.on = on;
    }

    public <T> void submit(Callable<T> work, Consumer<T> apply, Consumer<Throwable> failed) {
        run(++latest, work, apply, failed);
    }

    /**
     * Like {@link #submit}, but the work is not even started if a newer submit came before a worker got to
     * it: for work whose result only matters if it is the latest (a rebuild after a new filter or sort).
     */
    public <T> void submitSkippable(Callable<T> work, Consumer<T> apply, Consumer<Throwable> failed) {
        long generation = ++latest;
        run(generation, () -> generation == latest ? work.call() : null, apply, failed);
    }

    private <T> void run(long generation, Callable<T> work, Consumer<T> apply, Consumer<Throwable> failed) {
        runner.run(on, work, result -> {
            if (generation == latest) {
                apply.accept(result);
            }
        }, error -> {
            if (generation == latest) {
                failed.accept(error);
            }
        });
    }

    /** Drops whatever is still computing: its result will not be applied. */
    public void invalidate() {
        latest++;
    }
}
