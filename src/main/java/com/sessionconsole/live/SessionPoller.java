package com.sessionconsole.live;

import com.sessionconsole.ui.TaskRunner;

import com.sessionconsole.db.DatabaseException;
import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.RevokeResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Runs {@link PollStrategy} ticks in the background at a fixed interval, keeps {@link LiveSessions} up to
 * date, and reports one {@link PollEvent} per tick to the listener (on the background thread). After a
 * failure it retries with exponential backoff, up to {@link #MAX_BACKOFF}.
 */
public final class SessionPoller {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    public static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(SessionPoller.class);
    private static final long SLOW_TICK_NANOS = 100_000_000L;

    private final PollStrategy strategy;
    private final TaskRunner runner;
    private final Consumer<PollEvent> listener;
    private final Clock clock;
    private final LiveSessions live = new LiveSessions();
    private final Object tickLock = new Object();

    private volatile Duration interval = DEFAULT_INTERVAL;
    private volatile Set<GroupBy> summarized = java.util.EnumSet.allOf(GroupBy.class);
    private volatile boolean paused;
    private volatile boolean stopped;
    private int failures;
    private Instant lastSuccess;
    private TaskRunner.Cancellable pending;

    public SessionPoller(PollStrategy strategy, TaskRunner runner, Consumer<PollEvent> listener, Clock clock) {
        this.strategy = strategy;
        this.runner = runner;
        this.listener = listener;
        this.clock = clock;
    }

    public void start() {
        scheduleNext(Duration.ZERO);
    }

    public void stop() {
        stopped = true;
        cancelPending();
    }

    public void pause() {
        paused = true;
        cancelPending();
    }

    public void resume() {
        paused = false;
        scheduleNext(Duration.ZERO);
    }

    public boolean isPaused() {
        return paused;
    }

    public Duration interval() {
        return interval;
    }

    public void setInterval(Duration newInterval) {
        if (newInterval.compareTo(MIN_INTERVAL) < 0) {
            throw new IllegalArgumentException("the poll interval must be at least " + MIN_INTERVAL.toSeconds() + " s");
        }
        interval = newInterval;
        if (!paused) {
            scheduleNext(newInterval);
        }
    }

    /** Polls at once, in the background, whether or not polling is paused. */
    public void refreshNow() {
        cancelPending();
        runner.background(this::tick);
    }

    /** Runs one tick on the calling thread and reports it. */
    public void tick() {
        PollEvent event;
        synchronized (tickLock) {
            if (stopped) {
                return;
            }
            Instant started = clock.instant();
            try {
                long t0 = System.nanoTime();
                SessionDelta delta = strategy.poll();
                long t1 = System.nanoTime();
                Set<UUID> fresh = live.apply(delta);
                long t2 = System.nanoTime();
                Snapshot snapshot = live.snapshot(fresh, summarized);
                long t3 = System.nanoTime();
                Instant done = clock.instant();
                failures = 0;
                lastSuccess = done;
                event = new PollEvent.Updated(snapshot, delta, done, Duration.between(started, done), replicaLag());
                if (t3 - t0 > SLOW_TICK_NANOS) {
                    log.info("slow tick ({} upserts, {} removed{}): database {} ms, apply {} ms, snapshot {} ms", delta.upserts().size(),
                            delta.removed().size(), delta.full() ? ", full load" : "", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                            (t3 - t2) / 1_000_000);
                }
            } catch (DatabaseException e) {
                failures++;
                Duration retry = backoff();
                log.warn("poll failed ({} in a row), retrying in {} s: {}", failures, retry.toSeconds(), e.getMessage());
                event = new PollEvent.Failed(e.getMessage(), e.isConnectionLost(), clock.instant(), lastSuccess, retry);
            } catch (RuntimeException e) {
                failures++;
                log.error("poll failed unexpectedly", e);
                event = new PollEvent.Failed("poll failed: " + e, false, clock.instant(), lastSuccess, backoff());
            }
        }
        deliver(event);
        if (!paused && !stopped) {
            scheduleNext(event instanceof PollEvent.Failed f ? f.retryIn() : interval);
        }
    }

    /**
     * Which group summaries the snapshots carry. Adding one reports a snapshot with it at once, in the
     * background, without polling the database.
     */
    public void summarize(Set<GroupBy> dimensions) {
        Set<GroupBy> before = summarized;
        summarized = dimensions.isEmpty() ? java.util.EnumSet.noneOf(GroupBy.class) : java.util.EnumSet.copyOf(dimensions);
        if (!before.containsAll(summarized)) {
            runner.background(() -> {
                PollEvent event;
                synchronized (tickLock) {
                    if (lastSuccess == null) {
                        return;
                    }
                    SessionDelta none = new SessionDelta(List.of(), Set.of(), live.snapshotServerNow(), false);
                    event = new PollEvent.Updated(live.snapshot(Set.of(), summarized), none, clock.instant(), Duration.ZERO, null);
                }
                deliver(event);
            });
        }
    }

    /** Takes revoked sessions out of the view at once, without waiting for the next tick. */
    public void applyRevoked(RevokeResult result) {
        if (result.revoked().isEmpty()) {
            return;
        }
        runner.background(() -> {
            PollEvent event;
            synchronized (tickLock) {
                Instant now = clock.instant();
                SessionDelta delta = new SessionDelta(List.of(), Set.copyOf(result.revoked()),
                        live.snapshotServerNow(), false);
                live.apply(delta);
                event = new PollEvent.Updated(live.snapshot(Set.of(), summarized), delta, now, Duration.ZERO, null);
            }
            deliver(event);
        });
    }

    /** The replica's lag after a poll; a failure to measure it is logged, not a failed poll. */
    private com.sessionconsole.domain.ReplicaLag replicaLag() {
        try {
            return strategy.replicaLag().orElse(null);
        } catch (DatabaseException e) {
            log.warn("cannot measure the replica's lag: {}", e.getMessage());
            return null;
        }
    }

    private void deliver(PollEvent event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            log.error("a poll listener failed; polling goes on", e);
        }
    }

    private Duration backoff() {
        long factor = 1L << Math.min(failures - 1, 5);
        Duration d = interval.multipliedBy(factor);
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    private synchronized void scheduleNext(Duration delay) {
        cancelPending();
        if (!stopped) {
            pending = runner.schedule(delay, this::tick);
        }
    }

    private synchronized void cancelPending() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }
}
