package com.sessionconsole.support;

import com.sessionconsole.ui.TaskRunner;

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Runs view, I/O and UI work inline on the calling thread; timers (the boundary timer, and the poller's next
 * tick) wait until {@link #runScheduled()}. Tests step the console one tick at a time with it.
 */
public final class DirectTaskRunner implements TaskRunner {
    private final ManualScheduler scheduler = new ManualScheduler();

    @Override
    public Executor viewLane() {
        return Runnable::run;
    }

    @Override
    public Executor io() {
        return Runnable::run;
    }

    @Override
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    @Override
    public void ui(Runnable work) {
        work.run();
    }

    /** Runs what is scheduled now (not what those runs schedule in turn). */
    public void runScheduled() {
        scheduler.runDue();
    }

    /** A poll lane on the same terms: runs inline. */
    public Executor lane() {
        return Runnable::run;
    }
}
