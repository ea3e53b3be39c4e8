package com.sessionconsole.live;


import com.sessionconsole.db.DatabaseException;
import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.Narrowing;
import com.sessionconsole.domain.RefusedException;
import com.sessionconsole.domain.ReplicaLag;
import com.sessionconsole.domain.RevokeResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs {@link PollStrategy} ticks at a fixed interval on one lane (a single-thread executor), keeps
 * {@link LiveSessions} up to date, and reports one {@link PollEvent} per tick to the listener. Ticks,
 * summary requests and revokes all run under one lock and are reported inside it, so the listener sees
 * them one at a time and in order, numbered by {@link PollEvent#seq()}. After a failure it retries with
 * exponential backoff, up to {@link #MAX_BACKOFF}.
 */
public final class SessionPoller implements PollControl {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    public static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(SessionPoller.class);
    private static final long SLOW_TICK_NANOS = 100_000_000L;

    private final PollStrategy strategy;
    private final Executor lane;
    private final ScheduledExecutorService scheduler;
    private final Consumer<PollEvent> listener;
    private final Clock clock;
    private final LiveSessions live = new LiveSessions();
    private final Object tickLock = new Object();

    private volatile Duration interval = DEFAULT_INTERVAL;
    private volatile Set<GroupBy> summarized = EnumSet.noneOf(GroupBy.class); // a group view asks for its own when shown
    private volatile boolean paused;
    private volatile boolean stopped;
    private int failures;
    private long seq;
    private Instant lastSuccess;
    private Instant lastPollStarted;
    /** What the live set holds; it changes to a new narrowing only when a load under it succeeds. */
    private Narrowing loaded = Narrowing.NONE;
    private Narrowing requested = Narrowing.NONE;
    private ScheduledFuture<?> pending;

    /**
     * @param lane      a single-thread executor owned by the caller; every tick and report runs on it
     * @param scheduler times the next tick; it only hands the tick to the lane
     * @param listener  told of every event, on the lane, one at a time; it should hand the event on and return
     */
    public SessionPoller(PollStrategy strategy, Executor lane, ScheduledExecutorService scheduler, Consumer<PollEvent> listener,
                         Clock clock) {
        this.strategy = strategy;
        this.lane = lane;
        this.scheduler = scheduler;
        this.listener = listener;
        this.clock = clock;
    }

    @Override
    public void start() {
        scheduleNext(Duration.ZERO);
    }

    @Override
    public void stop() {
        stopped = true;
        cancelPending();
    }

    @Override
    public void pause() {
        paused = true;
        cancelPending();
    }

    @Override
    public void resume() {
        paused = false;
        scheduleNext(Duration.ZERO);
    }

    @Override
    public boolean isPaused() {
        return paused;
    }

    public Duration interval() {
        return interval;
    }

    @Override
    public void setInterval(Duration newInterval) {
        if (newInterval.compareTo(MIN_INTERVAL) < 0) {
            throw new IllegalArgumentException("the poll interval must be at least " + MIN_INTERVAL.toSeconds() + " s");
        }
        interval = newInterval;
        if (!paused) {
            scheduleNext(newInterval);
        }
    }

    /** Polls at once, on the lane, whether or not polling is paused. */
    @Override
    public void refreshNow() {
        cancelPending();
        onLane(this::tick);
    }

    /** Runs one tick on the calling thread and reports it; any thread may call it, ticks never overlap. */
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
                long from = live.version();
                Set<UUID> fresh = live.apply(delta);
                long t2 = System.nanoTime();
                Snapshot snapshot = live.snapshot(fresh, summarized);
                long t3 = System.nanoTime();
                Instant done = clock.instant();
                failures = 0;
                lastSuccess = done;
                lastPollStarted = started;
                if (delta.full()) {
                    loaded = requested;
                }
                event = new PollEvent.Updated(++seq, PollEvent.Kind.POLL, snapshot, delta, from, started, Duration.between(started, done),
                        replicaLag(), loaded);
                if (t3 - t0 > SLOW_TICK_NANOS) {
                    log.info("slow tick ({} upserts, {} removed{}): database {} ms, apply {} ms, snapshot {} ms", delta.upserts().size(),
                            delta.removed().size(), delta.full() ? ", full load" : "", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                            (t3 - t2) / 1_000_000);
                }
            } catch (RefusedException e) {
                failures++;
                log.warn("poll refused: {}", e.getMessage());
                event = new PollEvent.Failed(++seq, e.getMessage(), false, clock.instant(), lastSuccess, MAX_BACKOFF);
            } catch (DatabaseException e) {
                failures++;
                Duration retry = backoff();
                log.warn("poll failed ({} in a row), retrying in {} s: {}", failures, retry.toSeconds(), e.getMessage());
                event = new PollEvent.Failed(++seq, e.getMessage(), e.isConnectionLost(), clock.instant(), lastSuccess, retry);
            } catch (RuntimeException e) {
                failures++;
                log.error("poll failed unexpectedly; the next poll reads everything again", e);
                strategy.reset(); // the strategy may have moved on while the live set did not: never diff against that
                event = new PollEvent.Failed(++seq, "poll failed: " + e, false, clock.instant(), lastSuccess, backoff());
            }
            deliver(event);
        }
        if (!paused && !stopped) {
            scheduleNext(event instanceof PollEvent.Failed f ? f.retryIn() : interval);
        }
    }

    /**
     * Which group summaries the snapshots carry. Adding one reports a snapshot with it at once, on the
     * lane, without polling the database.
     */
    @Override
    public void summarize(Set<GroupBy> dimensions) {
        Set<GroupBy> before = summarized;
        summarized = dimensions.isEmpty() ? EnumSet.noneOf(GroupBy.class) : EnumSet.copyOf(dimensions);
        if (!before.containsAll(summarized)) {
            onLane(() -> {
                synchronized (tickLock) {
                    if (lastSuccess == null || stopped) {
                        return;
                    }
                    SessionDelta none = new SessionDelta(List.of(), Set.of(), live.snapshotServerNow(), false);
                    deliver(new PollEvent.Updated(++seq, PollEvent.Kind.SUMMARY, live.snapshot(Set.of(), summarized), none, live.version(),
                            lastPollStarted, Duration.ZERO, null, loaded));
                }
            });
        }
    }

    /** Before {@link #start()}: the first load reads only this part of the active set. */
    public void narrowFromTheStart(Narrowing narrowing) {
        synchronized (tickLock) {
            requested = narrowing;
            strategy.narrow(narrowing);
        }
    }

    /** Follows only this part of the active set from now on: a full load, on the lane, at once. */
    @Override
    public void narrow(Narrowing narrowing) {
        onLane(() -> {
            synchronized (tickLock) {
                requested = narrowing;
                strategy.narrow(narrowing);
            }
            tick();
        });
    }

    /** Takes revoked sessions out of the view at once, without waiting for the next tick. */
    @Override
    public void applyRevoked(RevokeResult result) {
        if (result.revoked().isEmpty()) {
            return;
        }
        onLane(() -> {
            synchronized (tickLock) {
                if (lastSuccess == null || stopped) {
                    return;
                }
                SessionDelta delta = new SessionDelta(List.of(), Set.copyOf(result.revoked()), live.snapshotServerNow(), false);
                long from = live.version();
                live.apply(delta);
                deliver(new PollEvent.Updated(++seq, PollEvent.Kind.REVOKE, live.snapshot(Set.of(), summarized), delta, from,
                        lastPollStarted, Duration.ZERO, null, loaded));
            }
        });
    }

    /** The replica's lag after a poll; a failure to measure it is logged, not a failed poll. */
    private ReplicaLag replicaLag() {
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

    private void onLane(Runnable work) {
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
                pending = scheduler.schedule(() -> onLane(this::tick), delay.toMillis(), TimeUnit.MILLISECONDS);
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
