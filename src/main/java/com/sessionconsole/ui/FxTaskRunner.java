package com.sessionconsole.ui;

import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Background work on a small daemon pool; UI work on the FX application thread. Work handed over after
 * {@link #close()} (a poll result that reached the FX thread during shutdown) is dropped quietly.
 */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FxTaskRunner.class);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);
    private final ScheduledThreadPoolExecutor pool;

    public FxTaskRunner(int threads) {
        AtomicInteger n = new AtomicInteger();
        pool = new ScheduledThreadPoolExecutor(threads, r -> {
            Thread t = new Thread(r, "console-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public void background(Runnable work) {
        try {
            pool.execute(() -> logged(work));
        } catch (RejectedExecutionException e) {
            log.debug("the task runner is closed; dropped background work");
        }
    }

    private static void logged(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            log.error("background task failed", e);
        }
    }

    @Override
    public void ui(Runnable work) {
        if (Platform.isFxApplicationThread()) {
            work.run();
        } else {
            Platform.runLater(work);
        }
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable work) {
        try {
            ScheduledFuture<?> f = pool.schedule(() -> logged(work), delay.toMillis(), TimeUnit.MILLISECONDS);
            return () -> f.cancel(false);
        } catch (RejectedExecutionException e) {
            log.debug("the task runner is closed; dropped scheduled work");
            return () -> { };
        }
    }

    /** Uncaught exceptions on the FX thread go to the log instead of stderr only. */
    public void logUncaughtExceptions() {
        ui(() -> Thread.currentThread().setUncaughtExceptionHandler((t, e) -> log.error("uncaught exception on the FX thread", e)));
    }

    /** Takes no more work, drops scheduled work, and gives running work a moment to finish before interrupting it. */
    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
