package com.sessionconsole.live;

import com.sessionconsole.db.DataSourceFactory;
import com.sessionconsole.db.PgSessionDao;
import com.sessionconsole.db.SessionWriter;
import com.sessionconsole.domain.NewSession;
import com.sessionconsole.domain.Session;
import com.sessionconsole.support.Rows;
import com.sessionconsole.support.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded random sequence of inserts, updates, revokes, expiries, hard deletes and a long writer
 * transaction that commits late. After every tick the client's copy equals a fresh SQL read, row for row.
 */
class WatermarkPollStrategyTest {
    TestDatabase db = TestDatabase.get();
    HikariDataSource pool;
    PgSessionDao dao;
    SessionWriter writer;

    @BeforeEach
    void setUp() {
        writer = db.resetTable();
        pool = DataSourceFactory.open(db.settings(), db.url(), "poll-test", false);
        dao = new PgSessionDao(pool, pool, db.url(), false);
    }

    @AfterEach
    void tearDown() {
        pool.close();
    }

    @Test
    void clientViewEqualsAFreshReadAfterEveryTick() throws Exception {
        Random rnd = new Random(20261126);
        Instant now = dao.serverTime();
        List<NewSession> initial = new ArrayList<>();
        List<UUID> users = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            users.add(UUID.randomUUID());
        }
        for (int i = 0; i < 400; i++) {
            initial.add(Rows.active(users.get(rnd.nextInt(users.size())), now).ip("10.1." + rnd.nextInt(4) + "." + rnd.nextInt(9)).build());
        }
        writer.insert(initial);
        WatermarkPollStrategy strategy = new WatermarkPollStrategy(dao, MemoryBudget.ofThisJvm());
        LiveSessions live = new LiveSessions();
        live.apply(strategy.poll());
        assertMatchesDatabase(live);

        try (Connection longWriter = db.admin().getConnection()) {
            longWriter.setAutoCommit(false);
            UUID lateId = UUID.randomUUID();
            // begins now, so its now() (created_at, updated_at) is older than every tick that follows
            try (PreparedStatement ps = longWriter.prepareStatement("INSERT INTO public.user_sessions (id, user_id, session_token, "
                    + "expires_at) VALUES (?, ?, ?, now() + interval '1 hour')")) {
                ps.setObject(1, lateId);
                ps.setObject(2, users.get(0));
                ps.setString(3, "late-writer-token-" + lateId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = longWriter.prepareStatement("UPDATE public.user_sessions SET location = 'Late, XX' WHERE id = ?")) {
                ps.setObject(1, initial.get(0).id());
                ps.executeUpdate();
            }
            for (int tick = 0; tick < 25; tick++) {
                mutate(rnd, users, initial.get(0).id());
                if (tick == 12) {
                    longWriter.commit();
                }
                SessionDelta delta = strategy.poll();
                assertThat(delta.upserts()).extracting(Session::id).doesNotHaveDuplicates();
                live.apply(delta);
                assertMatchesDatabase(live);
                if (tick == 12) {
                    assertThat(live.get(lateId)).as("row committed late by a long transaction").isNotNull();
                    assertThat(live.get(initial.get(0).id()) == null || "Late, XX".equals(live.get(initial.get(0).id()).location())).isTrue();
                }
            }
        }
    }

    @Test
    void aBulkChangeIsReadByOneScanAndStillMatches() {
        Instant now = dao.serverTime();
        List<NewSession> initial = new ArrayList<>();
        for (int i = 0; i < 6_500; i++) {
            initial.add(Rows.active(UUID.randomUUID(), now).build());
        }
        writer.insert(initial.subList(0, 500));
        WatermarkPollStrategy strategy = new WatermarkPollStrategy(dao, MemoryBudget.ofThisJvm());
        LiveSessions live = new LiveSessions();
        live.apply(strategy.poll());
        writer.insert(initial.subList(500, initial.size())); // more than the tick reads one key at a time
        db.exec("UPDATE public.user_sessions SET is_active = false WHERE id IN (?, ?, ?)",
                initial.get(0).id(), initial.get(1).id(), initial.get(2).id());
        SessionDelta delta = strategy.poll();
        assertThat(delta.upserts()).hasSize(6_000);
        assertThat(delta.removed()).containsExactlyInAnyOrder(initial.get(0).id(), initial.get(1).id(), initial.get(2).id());
        live.apply(delta);
        assertMatchesDatabase(live);
    }

    /** Random changes; {@code locked} is held by the long writer, so it is left alone instead of blocking. */
    private void mutate(Random rnd, List<UUID> users, UUID locked) {
        Instant now = dao.serverTime();
        List<NewSession> inserts = new ArrayList<>();
        for (int i = rnd.nextInt(8); i > 0; i--) {
            inserts.add(Rows.active(users.get(rnd.nextInt(users.size())), now).expires(now.plusSeconds(5 + rnd.nextInt(3600))).build());
        }
        writer.insert(inserts);
        db.exec("UPDATE public.user_sessions SET trust_level = trust_level + 1 WHERE id IN "
                + "(SELECT id FROM public.user_sessions WHERE is_active = true AND id <> '" + locked + "' ORDER BY random() LIMIT " + rnd.nextInt(6) + ")");
        db.exec("UPDATE public.user_sessions SET is_active = false WHERE id IN "
                + "(SELECT id FROM public.user_sessions WHERE is_active = true AND id <> '" + locked + "' ORDER BY random() LIMIT " + rnd.nextInt(4) + ")");
        db.exec("UPDATE public.user_sessions SET expires_at = now() - interval '1 second' WHERE id IN "
                + "(SELECT id FROM public.user_sessions WHERE is_active = true AND id <> '" + locked + "' ORDER BY random() LIMIT " + rnd.nextInt(3) + ")");
        db.exec("UPDATE public.user_sessions SET deleted_at = now() WHERE id IN "
                + "(SELECT id FROM public.user_sessions WHERE is_active = true AND id <> '" + locked + "' ORDER BY random() LIMIT " + rnd.nextInt(2) + ")");
        db.exec("DELETE FROM public.user_sessions WHERE id IN (SELECT id FROM public.user_sessions WHERE id <> '" + locked + "' ORDER BY random() LIMIT " + rnd.nextInt(4) + ")");
        db.exec("UPDATE public.user_sessions SET is_active = NULL WHERE id IN "
                + "(SELECT id FROM public.user_sessions WHERE is_active = true AND id <> '" + locked + "' ORDER BY random() LIMIT " + rnd.nextInt(2) + ")");
    }

    private void assertMatchesDatabase(LiveSessions live) {
        List<Session> fresh = new ArrayList<>();
        dao.forEachActive(fresh::add);
        Map<UUID, Session> expected = fresh.stream().collect(Collectors.toMap(Session::id, s -> s));
        Map<UUID, Session> actual = new HashMap<>();
        live.snapshot(java.util.Set.of(), java.util.EnumSet.allOf(com.sessionconsole.domain.GroupBy.class)).sessions().forEach(s -> actual.put(s.id(), s));
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        assertThat(actual).isEqualTo(expected);
        for (var by : com.sessionconsole.domain.GroupBy.values()) {
            assertThat(live.snapshot(java.util.Set.of(), java.util.EnumSet.allOf(com.sessionconsole.domain.GroupBy.class)).groups().get(by)).as("groups by " + by)
                    .isEqualTo(GroupIndex.of(by, fresh).summaries());
        }
    }
}
