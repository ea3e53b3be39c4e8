package com.sessionconsole.live.ui;

import com.sessionconsole.db.DatabaseException;
import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.TokenMask;
import com.sessionconsole.domain.WatchEntry;
import com.sessionconsole.live.PollEvent;
import com.sessionconsole.live.PollStrategy;
import com.sessionconsole.live.SessionDelta;
import com.sessionconsole.live.SessionPoller;
import com.sessionconsole.live.Snapshot;
import com.sessionconsole.domain.ReplicaLag;
import com.sessionconsole.support.DirectTaskRunner;
import com.sessionconsole.support.ManualScheduler;
import com.sessionconsole.support.MutableClock;
import com.sessionconsole.ui.Messages;
import com.sessionconsole.ui.TaskRunner;
import com.sessionconsole.watchlist.Watchlist;
import com.sessionconsole.watchlist.ui.WatchlistViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Edge cases of the live pipeline, each found once and kept as a test (no database:
 * a scripted strategy and a hand-driven FX thread).
 */
class LivePipelineEventsTest {
    static final Instant S0 = Instant.parse("2030-01-01T12:00:00Z");

    static Session session(Instant created, Instant expires) {
        return new Session(UUID.randomUUID(), UUID.randomUUID(), TokenMask.of("ab", "cd", 32), expires, true, "dev", "198.51.100.1",
                "ua", "loc", 50, created, created, null, 1);
    }

    /** A strategy that returns whatever the test sets. */
    static final class Scripted implements PollStrategy {
        Supplier<SessionDelta> next;
        public SessionDelta poll() { return next.get(); }
        public void reset() { }
        public void narrow(com.sessionconsole.domain.Narrowing n) { }
        public Optional<ReplicaLag> replicaLag() { return Optional.empty(); }
    }

    /** A poller that is never started: these tests hand the feed its events themselves. */
    private static SessionPoller idle(LiveFeed feed, TaskRunner runner, MutableClock clock) {
        return new SessionPoller(new Scripted(), Runnable::run, runner.scheduler(), feed, clock);
    }

    private List<UUID> ids(LiveViewModel live) {
        return live.sessions().stream().map(Session::id).toList();
    }

    /** Finding: summary and revoke events carried the last poll's serverNow with the current local time, so the clock estimate jumped back. */
    @Test
    void summaryEventWhilePausedRewindsTheServerClockAndExpiredRowsComeBack() {
        MutableClock clock = new MutableClock(Instant.parse("2030-01-01T12:00:00.500Z"));
        DirectTaskRunner runner = new DirectTaskRunner();
        Session soon = session(S0.minus(Duration.ofHours(1)), S0.plus(Duration.ofMinutes(10)));
        Session later = session(S0.minus(Duration.ofHours(1)), S0.plus(Duration.ofHours(5)));
        Scripted strategy = new Scripted();
        strategy.next = () -> new SessionDelta(List.of(soon, later), Set.of(), S0, true);
        LiveFeed feed = new LiveFeed(runner, clock);
        SessionPoller poller = new SessionPoller(strategy, runner.lane(), runner.scheduler(), feed, clock);
        LiveViewModel live = new LiveViewModel(feed, poller, runner);
        ConnectionStatusViewModel status = new ConnectionStatusViewModel(feed, poller, clock, "test", 5);
        status.start();
        runner.runScheduled(); // first load
        live.setVisibleGroup(null); // the Sessions tab: nothing summarized
        status.togglePaused();
        assertThat(ids(live)).containsExactlyInAnyOrder(soon.id(), later.id());

        clock.advance(Duration.ofMinutes(11));
        runner.runScheduled(); // the boundary timer
        assertThat(ids(live)).containsExactly(later.id());
        assertThat(live.countTextProperty().get()).isEqualTo("1 active");

        live.setVisibleGroup(GroupBy.USER); // the analyst opens "By user": a summary-only event
        assertThat(feed.serverNow()).as("the server clock does not go back").isAfterOrEqualTo(S0.plus(Duration.ofMinutes(11)));
        assertThat(ids(live)).containsExactly(later.id());
        assertThat(live.countTextProperty().get()).isEqualTo("1 active");
    }

    /** Finding: any update, even a summary that reads no database, marked the console connected and not stale. */
    @Test
    void summaryEventClearsDisconnectedAndStale() {
        MutableClock clock = new MutableClock(S0);
        DirectTaskRunner runner = new DirectTaskRunner();
        Scripted strategy = new Scripted();
        strategy.next = () -> new SessionDelta(List.of(session(S0, S0.plus(Duration.ofHours(1)))), Set.of(), S0, true);
        LiveFeed feed = new LiveFeed(runner, clock);
        SessionPoller poller = new SessionPoller(strategy, runner.lane(), runner.scheduler(), feed, clock);
        LiveViewModel live = new LiveViewModel(feed, poller, runner);
        ConnectionStatusViewModel status = new ConnectionStatusViewModel(feed, poller, clock, "test", 5);
        status.start();
        runner.runScheduled();
        live.setVisibleGroup(null);
        strategy.next = () -> { throw new DatabaseException(DatabaseException.Kind.UNREACHABLE, "connection refused", null); };
        status.refreshNow();
        assertThat(status.connectedProperty().get()).isFalse();
        assertThat(status.staleProperty().get()).isTrue();

        live.setVisibleGroup(GroupBy.IP); // no database access at all
        assertThat(status.connectedProperty().get()).as("still disconnected").isFalse();
        assertThat(status.staleProperty().get()).isTrue();
        assertThat(status.errorTextProperty().get()).startsWith("Disconnected");
    }

    /** Finding: a view whose rows all expire at 'infinity' scheduled a boundary at Instant.MAX, and toMillis overflowed. */
    @Test
    void infinityExpiryArmsNoTimer() {
        MutableClock clock = new MutableClock(S0);
        TaskRunner likeFx = new TaskRunner() { // the timer does delay.toMillis(), as FxTaskRunner's does
            final ManualScheduler timers = new ManualScheduler();
            public Executor viewLane() { return Runnable::run; }
            public Executor io() { return Runnable::run; }
            public ScheduledExecutorService scheduler() { return timers; }
            public void ui(Runnable work) { work.run(); }
        };
        LiveFeed feed = new LiveFeed(likeFx, clock);
        new LiveViewModel(feed, idle(feed, likeFx, clock), likeFx);
        Session forever = session(S0, Instant.MAX);
        Snapshot s = new Snapshot(List.of(forever), Map.of(GroupBy.USER, List.of(), GroupBy.DEVICE, List.of(), GroupBy.IP, List.of()),
                Set.of(), S0, 1);
        feed.accept(new PollEvent.Updated(1, PollEvent.Kind.POLL, s, new SessionDelta(List.of(forever), Set.of(), S0, true), 0, S0,
                Duration.ofMillis(3), null));
        assertThat(feed.loaded()).isTrue();
    }

    /** An FX thread that runs only when told: ui() queues, the view lane and I/O run at once, timers fire when told. */
    static final class QueueRunner implements TaskRunner {
        final ArrayDeque<Runnable> fx = new ArrayDeque<>();
        final ManualScheduler timers = new ManualScheduler();
        public Executor viewLane() { return Runnable::run; }
        public Executor io() { return Runnable::run; }
        public ScheduledExecutorService scheduler() { return timers; }
        public void ui(Runnable work) { fx.add(work); }
        void drain() { while (!fx.isEmpty()) fx.poll().run(); }
    }

    /** Finding: stop() was not final; a recompute already queued on the FX thread armed the boundary timer again. */
    @Test
    void boundaryTimerComesBackAfterStop() {
        MutableClock clock = new MutableClock(S0);
        QueueRunner runner = new QueueRunner();
        LiveFeed feed = new LiveFeed(runner, clock);
        LiveViewModel live = new LiveViewModel(feed, idle(feed, runner, clock), runner);
        Session x = session(S0, S0.plus(Duration.ofMinutes(10)));
        Snapshot s = new Snapshot(List.of(x), Map.of(GroupBy.USER, List.of(), GroupBy.DEVICE, List.of(), GroupBy.IP, List.of()), Set.of(), S0, 1);
        feed.accept(new PollEvent.Updated(1, PollEvent.Kind.POLL, s, new SessionDelta(List.of(x), Set.of(), S0, true), 0, S0, Duration.ofMillis(3), null));
        runner.drain();
        assertThat(runner.timers.pending()).hasSize(1);
        Runnable timer = runner.timers.pending().get(0);
        timer.run(); // the timer fires on the pool: queues recompute on the FX thread
        live.stop(); // the window closes before the FX thread gets to it
        assertThat(runner.timers.pending()).isEmpty();
        runner.drain();
        assertThat(runner.timers.pending()).as("no timer is armed again after stop()").isEmpty();
    }

    /** Finding: the watchlist check was latest-wins, but each tick's new sessions are an event, not state: a hit was dropped. */
    @Test
    void watchlistHitOfAnEarlierTickIsLostWhenTwoTicksQueueUp(@TempDir Path home) throws Exception {
        MutableClock clock = new MutableClock(S0);
        QueueRunner runner = new QueueRunner();
        LiveFeed feed = new LiveFeed(runner, clock);
        Watchlist watchlist = new Watchlist(home.resolve("w.txt"));
        Session watched = session(S0, S0.plus(Duration.ofHours(1)));
        Session other = session(S0, S0.plus(Duration.ofHours(1)));
        watchlist.add(new WatchEntry(GroupBy.USER, watched.userId().toString()));
        WatchlistViewModel vm = new WatchlistViewModel(feed, runner, watchlist, new Messages());
        Map<GroupBy, List<com.sessionconsole.domain.GroupSummary>> g = Map.of(GroupBy.USER, List.of(), GroupBy.DEVICE, List.of(), GroupBy.IP, List.of());
        Snapshot s0 = new Snapshot(List.of(), g, Set.of(), S0, 0);
        feed.accept(new PollEvent.Updated(1, PollEvent.Kind.POLL, s0, new SessionDelta(List.of(), Set.of(), S0, true), 0, S0, Duration.ofMillis(3), null));
        runner.drain();
        Snapshot s1 = new Snapshot(List.of(watched), g, Set.of(watched.id()), S0, 1);
        Snapshot s2 = new Snapshot(List.of(watched, other), g, Set.of(other.id()), S0, 2);
        // two ticks queue up on a busy FX thread
        feed.accept(new PollEvent.Updated(2, PollEvent.Kind.POLL, s1, new SessionDelta(List.of(watched), Set.of(), S0, false), 0, S0, Duration.ofMillis(3), null));
        feed.accept(new PollEvent.Updated(3, PollEvent.Kind.POLL, s2, new SessionDelta(List.of(other), Set.of(), S0, false), 1, S0, Duration.ofMillis(3), null));
        runner.drain();
        assertThat(vm.hitsProperty().get()).as("the watched login of tick 2 raised its notification").extracting(Session::id)
                .containsExactly(watched.id());
    }
}
