package com.sessionconsole.live.ui;

import com.sessionconsole.support.ActiveSql;
import com.sessionconsole.workspace.Workspace;
import com.sessionconsole.db.SessionWriter;
import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.GroupSummary;
import com.sessionconsole.domain.NewSession;
import com.sessionconsole.domain.RevokeCriteria;
import com.sessionconsole.domain.Session;
import com.sessionconsole.live.FilterParser;
import com.sessionconsole.live.MemoryBudget;
import com.sessionconsole.live.WatermarkPollStrategy;
import com.sessionconsole.live.PollEvent;
import com.sessionconsole.live.SessionPoller;
import com.sessionconsole.support.Rows;
import com.sessionconsole.support.TestDatabase;
import com.sessionconsole.support.TestWorkspace;
import com.sessionconsole.support.ThreadedTaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #12, bug 1: poll results delivered from several threads at once, out of order, with revokes and
 * summary requests in between, on real threads. After every step the Sessions view and the By-IP view
 * must equal what SQL says is active, and stay equal: an older result never lands over a newer one.
 */
class LivePipelineConcurrencyTest {
    TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;

    @Test
    void resultsDeliveredOutOfOrderFromManyThreadsNeverLeaveTheViewBehindTheDatabase() throws Exception {
        SessionWriter writer = db.resetTable();
        Random rnd = new Random(12);
        List<UUID> users = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            users.add(UUID.randomUUID());
        }
        try (Workspace ws = TestWorkspace.open(home); ThreadedTaskRunner runner = new ThreadedTaskRunner()) {
            Instant now = ws.dao().serverTime();
            writer.insert(sessions(rnd, users, now, 400));
            List<PollEvent> step = Collections.synchronizedList(new ArrayList<>());
            ExecutorService senders = Executors.newFixedThreadPool(3);
            try {
                LiveFeed feed = new LiveFeed(runner, Clock.systemUTC());
                SessionPoller poller = new SessionPoller(new WatermarkPollStrategy(ws.dao(), MemoryBudget.ofThisJvm()), runner.lane(),
                        runner.scheduler(), step::add, Clock.systemUTC());
                LiveViewModel live = new LiveViewModel(feed, poller, runner);
                poller.summarize(Set.of(GroupBy.IP));
                runner.onUi(() -> {
                    live.setVisibleGroup(GroupBy.IP);
                    live.filter().input(FilterParser.Field.MAX_TRUST).set("60");
                    return null;
                });
                for (int i = 0; i < 25; i++) {
                    step.clear();
                    change(rnd, writer, users, now);
                    CountDownLatch ticked = new CountDownLatch(3);
                    for (int t = 0; t < 3; t++) {
                        senders.execute(() -> {
                            poller.tick();
                            ticked.countDown();
                        });
                    }
                    assertThat(ticked.await(30, TimeUnit.SECONDS)).isTrue();
                    if (i % 4 == 1) {
                        revokeSome(ws, poller, rnd);
                        runner.awaitIdle(Duration.ofSeconds(30)); // the revoke's event is in step
                    }
                    List<PollEvent> events = new ArrayList<>(step);
                    Collections.shuffle(events, rnd);
                    CountDownLatch delivered = new CountDownLatch(events.size());
                    for (PollEvent e : events) {
                        senders.execute(() -> {
                            feed.accept(e);
                            delivered.countDown();
                        });
                    }
                    assertThat(delivered.await(30, TimeUnit.SECONDS)).isTrue();
                    assertViewEqualsDatabase(runner, live, "step " + i);
                }
            } finally {
                senders.shutdownNow();
            }
        }
    }

    private void assertViewEqualsDatabase(ThreadedTaskRunner runner, LiveViewModel live, String step) throws Exception {
        List<String> expected = db.query("SELECT id::text FROM public.user_sessions WHERE " + ActiveSql.WHERE + " AND trust_level <= 60")
                .stream().map(r -> r.get(0)).sorted().toList();
        Map<String, Long> expectedIps = db.query("SELECT coalesce(ip_address, '<null>'), count(*)::text FROM public.user_sessions WHERE "
                        + ActiveSql.WHERE + " AND trust_level <= 60 GROUP BY ip_address").stream()
                .collect(Collectors.toMap(r -> r.get(0), r -> Long.parseLong(r.get(1))));
        runner.awaitIdle(Duration.ofSeconds(30)); // every result in flight has landed, stale ones included
        assertThat(viewIds(runner, live)).as(step + ": Sessions equals SQL").isEqualTo(expected);
        List<Session> rows = runner.onUi(() -> List.copyOf(live.sessions()));
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i - 1).createdAt()).as(step + ": newest first").isAfterOrEqualTo(rows.get(i).createdAt());
        }
        Map<String, Long> ips = runner.onUi(() -> live.groups(GroupBy.IP).stream()
                .collect(Collectors.toMap(g -> g.key() == null ? "<null>" : g.key(), GroupSummary::activeSessions)));
        assertThat(ips).as(step + ": By IP equals SQL").isEqualTo(expectedIps);
    }

    private static List<String> viewIds(ThreadedTaskRunner runner, LiveViewModel live) throws Exception {
        return runner.onUi(() -> live.sessions().stream().map(s -> s.id().toString()).sorted().toList());
    }

    /** Inserts, ends and edits a few sessions, as logins, logouts and trust updates would. */
    private void change(Random rnd, SessionWriter writer, List<UUID> users, Instant now) {
        writer.insert(sessions(rnd, users, now, rnd.nextInt(15)));
        List<String> active = db.query("SELECT id::text FROM public.user_sessions WHERE " + ActiveSql.WHERE).stream().map(r -> r.get(0)).toList();
        for (int i = rnd.nextInt(8); i > 0 && !active.isEmpty(); i--) {
            db.exec("UPDATE public.user_sessions SET is_active = false WHERE id = ?::uuid", active.get(rnd.nextInt(active.size())));
        }
        for (int i = rnd.nextInt(8); i > 0 && !active.isEmpty(); i--) {
            db.exec("UPDATE public.user_sessions SET trust_level = ? WHERE id = ?::uuid", rnd.nextInt(101), active.get(rnd.nextInt(active.size())));
        }
    }

    /** A revoke by this console: the poller takes the sessions out at once, through its lane. */
    private void revokeSome(Workspace ws, SessionPoller poller, Random rnd) {
        List<String> active = db.query("SELECT id::text FROM public.user_sessions WHERE " + ActiveSql.WHERE).stream().map(r -> r.get(0)).toList();
        Set<UUID> ids = new java.util.HashSet<>();
        for (int i = 0; i < 5 && !active.isEmpty(); i++) {
            ids.add(UUID.fromString(active.get(rnd.nextInt(active.size()))));
        }
        poller.applyRevoked(ws.dao().revoke(RevokeCriteria.ids(ids), Set.of()));
    }

    private static List<NewSession> sessions(Random rnd, List<UUID> users, Instant now, int n) {
        List<NewSession> out = new ArrayList<>();
        Map<Integer, String> ips = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String ip = ips.computeIfAbsent(rnd.nextInt(30), k -> "198.51.100." + k);
            out.add(Rows.active(users.get(rnd.nextInt(users.size())), now).ip(ip).trust(rnd.nextInt(101))
                    .created(now.minusSeconds(rnd.nextInt(7200))).build());
        }
        return out;
    }
}
