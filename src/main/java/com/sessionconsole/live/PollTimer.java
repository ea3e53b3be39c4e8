package com.sessionconsole.live;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * When the poller's ticks run: after the interval, or after a backoff once a tick failed; never while paused or
 * stopped. The scheduler only times a tick; the tick itself runs on the lane.
 */
final class PollTimer {
    private static final Logger log = LoggerFactory.getLogger(PollTimer.class);

    private final Executor lane;
    private final ScheduledExecutorService scheduler;
    private final Runnable tick;

    private volatile Duration interval = SessionPoller.DEFAULT_INTERVAL;
    private volatile boolean paused;
    private volatile boolean stopped;
    private ScheduledFuture<?> pending;

    PollTimer(Executor lane, ScheduledExecutorService scheduler, Runnable tick) {
        this.lane = lane;
        this.scheduler = scheduler;
        this.tick = tick;
    }

    void start() {
        scheduleNext(Duration.ZERO);
    }

    void stop() {
        stopped = true;
        cancelPending();
    }

    void pause() {
        paused = true;
        cancelPending();
    }

    void resume() {
        paused = false;
        scheduleNext(Duration.ZERO);
    }

    boolean isPaused() {
        return paused;
    }

    boolean isStopped() {
        return stopped;
    }

    Duration interval() {
        return interval;
    }

    void setInterval(Duration newInterval) {
        interval = newInterval;
        if (!paused) {
            scheduleNext(newInterval);
        }
    }

    /** A tick at once, on the lane, whether or not polling is paused. */
    void tickNow() {
        cancelPending();
        onLane(tick);
    }

    /** After a tick: the next one in {@code delay}, unless polling is paused or stopped. */
    void afterTick(Duration delay) {
        if (!paused && !stopped) {
            scheduleNext(delay);
        }
    }

    /** The wait after the given number of failures in a row: the interval, doubled per failure, up to {@link SessionPoller#MAX_BACKOFF}. */
    Duration backoff(int failures) {
        long factor = 1L << Math.min(failures - 1, 5);
        Duration d = interval.multipliedBy(factor);
        return d.compareTo(SessionPoller.MAX_BACKOFF) > 0 ? SessionPoller.MAX_BACKOFF : d;
    }

    void onLane(Runnable work) {
        try {
            lane.execute(() -> logged(work));
        } catch (RejectedExecutionException e) {
            log.debug("the poll lane is shut down; dropped a request");
        }
    }

    private static void logged(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            log.error("poll lane task failed", e);
        }
    }

    private synchronized void scheduleNext(Duration delay) {
        cancelPending();
        if (!stopped && !paused) { // checked here too: a pause between a tick's end and this call wins
            try {
                pending = scheduler.schedule(() -> onLane(tick), delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                log.debug("the scheduler is shut down; no next tick");
            }
        }
    }

    private synchronized void cancelPending() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }
}
