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
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * Runs {@link PollStrategy} ticks at a fixed interval on one lane (a single-thread executor), keeps
 * {@link LiveSessions} up to date, and reports one {@link PollEvent} per tick to the listener. Ticks,
 * summary requests and revokes all run under one lock and are reported inside it, so the listener sees
 * them one at a time and in order, numbered by {@link PollEvent#seq()}. After a failure it retries with
 * exponential backoff, up to {@link #MAX_BACKOFF}; {@link PollTimer} decides when the ticks run.
 */
public final class SessionPoller implements PollControl {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    public static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(SessionPoller.class);
    private static final long SLOW_TICK_NANOS = 100_000_000L;

    private final PollStrategy strategy;
    private final PollTimer timer;
    private final Consumer<PollEvent> listener;
    private final Clock clock;
    private final LiveSessions live = new LiveSessions();
    private final Object tickLock = new Object();

    private volatile Set<GroupBy> summarized = EnumSet.noneOf(GroupBy.class); // a group view asks for its own when shown
    private int failures;
    private long seq;
    private Instant lastSuccess;
    private Instant lastPollStarted;
    /** What the live set holds; it changes to a new narrowing only when a load under it succeeds. */
    private Narrowing loaded = Narrowing.NONE;
    private Narrowing requested = Narrowing.NONE;

    /**
     * @param lane      a single-thread executor owned by the caller; every tick and report runs on it
     * @param scheduler times the next tick; it only hands the tick to the lane
     * @param listener  told of every event, on the lane, one at a time; it should hand the event on and return
     */
    public SessionPoller(PollStrategy strategy, Executor lane, ScheduledExecutorService scheduler, Consumer<PollEvent> listener,
                         Clock clock) {
        this.strategy = strategy;
        this.timer = new PollTimer(lane, scheduler, this::tick);
        this.listener = listener;
        this.clock = clock;
    }

    @Override
    public void start() {
        timer.start();
    }

    @Override
    public void stop() {
        timer.stop();
    }

    @Override
    public void pause() {
        timer.pause();
    }

    @Override
    public void resume() {
        timer.resume();
    }

    @Override
    public boolean isPaused() {
        return timer.isPaused();
    }

    public Duration interval() {
        return timer.interval();
    }

    @Override
    public void setInterval(Duration newInterval) {
        if (newInterval.compareTo(MIN_INTERVAL) < 0) {
            throw new IllegalArgumentException("the poll interval must be at least " + MIN_INTERVAL.toSeconds() + " s");
        }
        timer.setInterval(newInterval);
    }

    /** Polls at once, on the lane, whether or not polling is paused. */
    @Override
    public void refreshNow() {
        timer.tickNow();
    }

    /** Runs one tick on the calling thread and reports it; any thread may call it, ticks never overlap. */
    public void tick() {
        PollEvent event;
        synchronized (tickLock) {
            if (timer.isStopped()) {
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
                Duration retry = timer.backoff(failures);
                log.warn("poll failed ({} in a row), retrying in {} s: {}", failures, retry.toSeconds(), e.getMessage());
                event = new PollEvent.Failed(++seq, e.getMessage(), e.isConnectionLost(), clock.instant(), lastSuccess, retry);
            } catch (RuntimeException e) {
                failures++;
                log.error("poll failed unexpectedly; the next poll reads everything again", e);
                strategy.reset(); // the strategy may have moved on while the live set did not: never diff against that
                event = new PollEvent.Failed(++seq, "poll failed: " + e, false, clock.instant(), lastSuccess, timer.backoff(failures));
            }
            deliver(event);
        }
        timer.afterTick(event instanceof PollEvent.Failed f ? f.retryIn() : timer.interval());
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
            timer.onLane(() -> {
                synchronized (tickLock) {
                    if (lastSuccess == null || timer.isStopped()) {
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
        timer.onLane(() -> {
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
        timer.onLane(() -> {
            synchronized (tickLock) {
                if (lastSuccess == null || timer.isStopped()) {
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
}
