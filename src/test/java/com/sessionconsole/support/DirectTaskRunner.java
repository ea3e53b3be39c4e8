package com.sessionconsole.support;

import com.sessionconsole.ui.TaskRunner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs background and UI work inline on the calling thread; scheduled work (timers, and the poll lane's
 * ticks) waits until {@link #runScheduled()}. Tests step the console one tick at a time with it.
 */
public final class DirectTaskRunner implements TaskRunner {
    private final List<Runnable> scheduled = new ArrayList<>();
    private final Lane lane = new Lane();

    @Override
    public void background(Runnable work) {
        work.run();
    }

    @Override
    public void ui(Runnable work) {
        work.run();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable work) {
        add(work);
        return () -> remove(work);
    }

    private synchronized void add(Runnable work) {
        scheduled.add(work);
    }

    private synchronized boolean remove(Runnable work) {
        return scheduled.remove(work);
    }

    /** Runs what is scheduled now (not what those runs schedule in turn). */
    public void runScheduled() {
        List<Runnable> due;
        synchronized (this) {
            due = new ArrayList<>(scheduled);
            scheduled.clear();
        }
        due.forEach(Runnable::run);
    }

    /** A poll lane on the same terms: {@code execute} runs inline, {@code schedule} waits for {@link #runScheduled()}. */
    public ScheduledExecutorService lane() {
        return lane;
    }

    private final class Lane extends AbstractExecutorService implements ScheduledExecutorService {
        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            add(command);
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
