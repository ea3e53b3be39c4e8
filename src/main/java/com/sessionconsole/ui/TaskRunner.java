package com.sessionconsole.ui;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one way the console runs work off the UI thread and comes back to it, with one executor per kind of
 * work: the view lane (one thread, in order) for view recomputes, a bounded I/O pool for database and file
 * work, and a scheduler that only hands work to the others when its time comes. The GUI uses threads plus
 * the FX thread; tests use a direct runner that does everything inline.
 */
public interface TaskRunner {

    /** One thread: view recomputes run here one at a time, in the order they were submitted, so they need no locks. */
    Executor viewLane();

    /** A bounded pool for work that waits on the database or the disk: history, lookups, findings queries, revokes, files. */
    Executor io();

    /** Timers only: what it runs must hand the real work to another executor and return. */
    ScheduledExecutorService scheduler();

    /** Runs the work on the UI thread (the FX application thread in the GUI). */
    void ui(Runnable work);

    interface Cancellable {
        void cancel();
    }

    /** Hands the work to the UI thread after the delay; the scheduler runs nothing itself. */
    default Cancellable uiAfter(Duration delay, Runnable work) {
        try {
            ScheduledFuture<?> f = scheduler().schedule(() -> ui(work), delay.toMillis(), TimeUnit.MILLISECONDS);
            return () -> f.cancel(false);
        } catch (RejectedExecutionException e) {
            return () -> { }; // shut down: the window is closing, nothing is left to update
        }
    }

    /** Runs {@code work} on the executor {@code on}, then hands its result or failure to the UI thread. */
    default <T> void run(Executor on, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        on.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Throwable t) {
                ui(() -> onFailure.accept(t));
                return;
            }
            ui(() -> onSuccess.accept(result));
        });
    }
}
