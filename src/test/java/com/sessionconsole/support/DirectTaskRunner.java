package com.sessionconsole.support;

import com.sessionconsole.ui.TaskRunner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs background and UI work inline on the calling thread; scheduled work waits until {@link #runScheduled()}. */
public final class DirectTaskRunner implements TaskRunner {
    private final List<Runnable> scheduled = new ArrayList<>();

    @Override
    public void background(Runnable work) {
        work.run();
    }

    @Override
    public void ui(Runnable work) {
        work.run();
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable work) {
        scheduled.add(work);
        return () -> {
            synchronized (this) {
                scheduled.remove(work);
            }
        };
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
}
