package com.sessionconsole.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler whose timers fire only when the test says so ({@link #runDue()}), whatever their delay;
 * {@code execute} runs at once on the calling thread.
 */
public final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    private final List<Runnable> scheduled = new ArrayList<>();

    /** Runs what is scheduled now (not what those runs schedule in turn). */
    public void runDue() {
        List<Runnable> due;
        synchronized (this) {
            due = new ArrayList<>(scheduled);
            scheduled.clear();
        }
        due.forEach(Runnable::run);
    }

    /** The timers armed and not yet run or cancelled. */
    public synchronized List<Runnable> pending() {
        return List.copyOf(scheduled);
    }

    private synchronized boolean remove(Runnable command) {
        return scheduled.remove(command);
    }

    @Override
    public void execute(Runnable command) {
        command.run();
    }

    @Override
    public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        scheduled.add(command);
        return new Pending(command);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void shutdown() {
    }

    @Override
    public List<Runnable> shutdownNow() {
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return false;
    }

    @Override
    public boolean isTerminated() {
        return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }

    private final class Pending implements ScheduledFuture<Object> {
        private final Runnable command;

        Pending(Runnable command) {
            this.command = command;
        }

        @Override
        public boolean cancel(boolean mayInterrupt) {
            return remove(command);
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed o) {
            return 0;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public Object get() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            throw new UnsupportedOperationException();
        }
    }
}
