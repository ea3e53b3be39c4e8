package com.sessionconsole.ui;

import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Background work on a small daemon pool; UI work on the FX application thread. */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FxTaskRunner.class);
    private final ScheduledExecutorService pool;

    public FxTaskRunner(int threads) {
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newScheduledThreadPool(threads, r -> {
            Thread t = new Thread(r, "console-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void background(Runnable work) {
        pool.execute(() -> logged(work));
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
        ScheduledFuture<?> f = pool.schedule(() -> logged(work), delay.toMillis(), TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }

    /** Uncaught exceptions on the FX thread go to the log instead of stderr only. */
    public void logUncaughtExceptions() {
        ui(() -> Thread.currentThread().setUncaughtExceptionHandler((t, e) -> log.error("uncaught exception on the FX thread", e)));
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
