package com.sessionconsole.support;

import com.sessionconsole.ui.TaskRunner;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real concurrent runner without a display, with the app's kinds of threads: a view lane, an I/O pool of
 * three, a scheduler, a poll lane, and one thread of its own that plays the FX thread (in order, one task at
 * a time). {@link #awaitIdle} waits until none of them has work queued or running, so that a test can check
 * that something did not happen without sleeping.
 */
public final class ThreadedTaskRunner implements TaskRunner, AutoCloseable {
    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));
    private final ExecutorService view = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-view-lane"));
    private final ExecutorService io = Executors.newFixedThreadPool(3);
    private final ExecutorService poll = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-poll-lane"));
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Object lock = new Object();
    private int busy;

    @Override
    public Executor viewLane() {
        return counted(view);
    }

    @Override
    public Executor io() {
        return counted(io);
    }

    /** A poll lane whose ticks count as work for {@link #awaitIdle}. */
    public Executor lane() {
        return counted(poll);
    }

    @Override
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    @Override
    public void ui(Runnable work) {
        if (Thread.currentThread().getName().equals("test-ui")) {
            work.run();
        } else {
            counted(ui).execute(work);
        }
    }

    /** Counts the task as busy from its hand-off to its end; a task that hands on more work counts until that is queued. */
    private Executor counted(ExecutorService executor) {
        return work -> {
            synchronized (lock) {
                busy++;
            }
            try {
                executor.execute(() -> {
                    try {
                        work.run();
                    } finally {
                        done();
                    }
                });
            } catch (RejectedExecutionException e) {
                done();
                throw e;
            }
        };
    }

    private void done() {
        synchronized (lock) {
            busy--;
            lock.notifyAll();
        }
    }

    /** Waits until the view lane, the I/O pool, the poll lane and the UI thread have nothing queued or running. Timers not yet due do not count. */
    public void awaitIdle(Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (busy > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException(busy + " task(s) still busy after " + timeout);
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
        }
    }

    /** Evaluates on the UI thread, after everything handed to it so far. */
    public <T> T onUi(Callable<T> query) throws Exception {
        return ui.submit(query).get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        poll.shutdownNow();
        view.shutdownNow();
        io.shutdownNow();
        ui.shutdownNow();
    }
}
