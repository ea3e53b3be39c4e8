package com.sessionconsole.support;

import com.sessionconsole.ui.TaskRunner;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real concurrent runner without a display: background work on a pool of three threads, "UI" work on one
 * thread of its own that plays the FX thread (in order, one task at a time). For tests of the pipeline's
 * ordering under real concurrency.
 */
public final class ThreadedTaskRunner implements TaskRunner, AutoCloseable {
    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));
    private final ScheduledExecutorService pool = Executors.newScheduledThreadPool(3);

    @Override
    public void background(Runnable work) {
        pool.execute(work);
    }

    @Override
    public void ui(Runnable work) {
        if (Thread.currentThread().getName().equals("test-ui")) {
            work.run();
        } else {
            ui.execute(work);
        }
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable work) {
        ScheduledFuture<?> f = pool.schedule(work, delay.toMillis(), TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }

    /** Evaluates on the UI thread, after everything handed to it so far. */
    public <T> T onUi(Callable<T> query) throws Exception {
        return ui.submit(query).get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        ui.shutdownNow();
        pool.shutdownNow();
    }
}
