package com.sessionconsole.ui;

import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The desktop's executors: the view lane (one thread), the I/O pool (a fixed number of threads), the
 * scheduler (one thread, timers only), and the FX application thread for UI work. Work handed over after
 * {@link #close()} (a poll result that reached the FX thread during shutdown) is dropped quietly.
 */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FxTaskRunner.class);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);
    private final ExecutorService viewLane;
    private final ExecutorService io;
    private final ScheduledThreadPoolExecutor scheduler;
    private final Executor viewLaneLogged;
    private final Executor ioLogged;

    /** @param ioThreads how many database or file tasks may wait at once; more queue up */
    public FxTaskRunner(int ioThreads) {
        viewLane = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), daemons("view-lane"));
        io = new ThreadPoolExecutor(ioThreads, ioThreads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), daemons("console-io"));
        scheduler = new ScheduledThreadPoolExecutor(1, daemons("console-scheduler"));
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        scheduler.setRemoveOnCancelPolicy(true);
        viewLaneLogged = logged(viewLane, "view lane");
        ioLogged = logged(io, "I/O");
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Logs what a task throws; drops work handed over after close. */
    private static Executor logged(ExecutorService executor, String kind) {
        return work -> {
            try {
                executor.execute(() -> {
                    try {
                        work.run();
                    } catch (RuntimeException | Error e) {
                        log.error("{} task failed", kind, e);
                    }
                });
            } catch (RejectedExecutionException e) {
                log.debug("the task runner is closed; dropped {} work", kind);
            }
        };
    }

    @Override
    public Executor viewLane() {
        return viewLaneLogged;
    }

    @Override
    public Executor io() {
        return ioLogged;
    }

    @Override
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    @Override
    public void ui(Runnable work) {
        if (Platform.isFxApplicationThread()) {
            work.run();
        } else {
            Platform.runLater(work);
        }
    }

    /** Uncaught exceptions on the FX thread go to the log instead of stderr only. */
    public void logUncaughtExceptions() {
        ui(() -> Thread.currentThread().setUncaughtExceptionHandler((t, e) -> log.error("uncaught exception on the FX thread", e)));
    }

    /**
     * Drops the timers first (nothing new is handed on), then takes no more work and gives running work a
     * moment to finish before interrupting it.
     */
    @Override
    public void close() {
        scheduler.shutdownNow();
        viewLane.shutdown();
        io.shutdown();
        try {
            long deadline = System.nanoTime() + CLOSE_GRACE.toNanos();
            boolean viewDone = viewLane.awaitTermination(CLOSE_GRACE.toNanos(), TimeUnit.NANOSECONDS);
            boolean ioDone = io.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (!viewDone || !ioDone) {
                viewLane.shutdownNow();
                io.shutdownNow();
            }
        } catch (InterruptedException e) {
            viewLane.shutdownNow();
            io.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
