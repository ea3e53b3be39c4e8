package com.sessionconsole.property;

import com.sessionconsole.support.ActiveSql;
import com.sessionconsole.workspace.Workspace;
import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.live.LiveSessions;
import com.sessionconsole.live.SessionDelta;
import com.sessionconsole.live.MemoryBudget;
import com.sessionconsole.live.WatermarkPollStrategy;
import com.sessionconsole.support.TestDatabase;
import com.sessionconsole.support.TestWorkspace;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #13: a tick that reads only what changed must still miss nothing. Three writers run transactions
 * that insert, update, revoke, soft-delete, hard-delete and expire rows, and commit or roll back in random
 * order, so transactions commit late and out of xid order, across ticks. After every tick the console's
 * set (ids and row versions) must equal a plain SELECT of the active set.
 */
class ConcurrentWritersPropertyTest {
    private final TestDatabase db = TestDatabase.get();

    @Property(tries = 12)
    void theTickedSetEqualsTheActiveSetWhateverTheWritersDo(@ForAll long seed) throws Exception {
        db.resetTable();
        Random rnd = new Random(seed);
        Path home = Files.createTempDirectory("prop-home");
        List<Connection> writers = new ArrayList<>();
        try (Workspace ws = TestWorkspace.open(home)) {
            for (int i = 0; i < 3; i++) {
                Connection c = db.admin().getConnection();
                c.setAutoCommit(false);
                writers.add(c);
            }
            Map<Connection, Set<UUID>> touched = new HashMap<>();
            writers.forEach(c -> touched.put(c, new HashSet<>()));
            for (int i = 0; i < 30; i++) {
                insert(writers.get(0), touched.get(writers.get(0)), rnd);
            }
            writers.get(0).commit();
            touched.get(writers.get(0)).clear();
            WatermarkPollStrategy strategy = new WatermarkPollStrategy(ws.dao(), MemoryBudget.ofThisJvm());
            LiveSessions live = new LiveSessions();
            live.apply(strategy.poll());
            assertEqualsDatabase(live, "first load");
            for (int step = 0; step < 80; step++) {
                Connection w = writers.get(rnd.nextInt(writers.size()));
                Set<UUID> mine = touched.get(w);
                int action = rnd.nextInt(10);
                switch (action) {
                    case 0, 1 -> insert(w, mine, rnd);
                    case 2 -> change(w, mine, touched, rnd, "UPDATE public.user_sessions SET trust_level = ? WHERE id = ?", rnd.nextInt(101));
                    case 3 -> change(w, mine, touched, rnd, "UPDATE public.user_sessions SET is_active = ? WHERE id = ?", false);
                    case 4 -> change(w, mine, touched, rnd, "UPDATE public.user_sessions SET deleted_at = now() WHERE id = ? AND ? ", true);
                    case 5 -> change(w, mine, touched, rnd, "DELETE FROM public.user_sessions WHERE id = ? AND ?", true);
                    case 6 -> change(w, mine, touched, rnd, "UPDATE public.user_sessions SET expires_at = now() - interval '1 second' WHERE id = ? AND ?", true);
                    case 7 -> {
                        w.commit();
                        mine.clear();
                    }
                    case 8 -> {
                        w.rollback();
                        mine.clear();
                    }
                    default -> {
                        SessionDelta delta = strategy.poll();
                        assertThat(delta.upserts()).extracting(s -> s.id()).doesNotHaveDuplicates();
                        live.apply(delta);
                        assertEqualsDatabase(live, "seed " + seed + ", step " + step);
                    }
                }
            }
            for (Connection c : writers) {
                c.commit();
            }
            live.apply(strategy.poll());
            assertEqualsDatabase(live, "seed " + seed + ", after every writer committed");
        } finally {
            for (Connection c : writers) {
                c.rollback();
                c.close();
            }
        }
    }

    private static void insert(Connection c, Set<UUID> mine, Random rnd) throws Exception {
        UUID id = UUID.randomUUID();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO public.user_sessions (id, user_id, session_token, expires_at, ip_address, "
                + "trust_level) VALUES (?, ?, ?, now() + (? * interval '1 minute'), ?, ?)")) {
            ps.setObject(1, id);
            ps.setObject(2, UUID.randomUUID());
            ps.setString(3, "token-" + id);
            ps.setInt(4, 5 + rnd.nextInt(600));
            ps.setString(5, "203.0.113." + rnd.nextInt(256));
            ps.setInt(6, rnd.nextInt(101));
            ps.executeUpdate();
        }
        mine.add(id);
    }

    /**
     * Applies the statement to a committed active row that no other open transaction has touched (so that
     * this single-threaded test never waits on a row lock). The first parameter is the id unless the
     * statement starts with "UPDATE … SET x = ?", in which case the value comes first.
     */
    private void change(Connection c, Set<UUID> mine, Map<Connection, Set<UUID>> touched, Random rnd, String sql, Object value) throws Exception {
        List<UUID> candidates = new ArrayList<>();
        for (List<String> row : db.query("SELECT id::text FROM public.user_sessions WHERE " + ActiveSql.WHERE)) {
            UUID id = UUID.fromString(row.get(0));
            boolean lockedElsewhere = touched.entrySet().stream().anyMatch(e -> e.getKey() != c && e.getValue().contains(id));
            if (!lockedElsewhere) {
                candidates.add(id);
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        UUID id = candidates.get(rnd.nextInt(candidates.size()));
        boolean valueFirst = sql.contains("= ? WHERE");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(valueFirst ? 1 : 2, value);
            ps.setObject(valueFirst ? 2 : 1, id);
            ps.executeUpdate();
        }
        mine.add(id);
    }

    private void assertEqualsDatabase(LiveSessions live, String when) throws Exception {
        Map<UUID, Long> expected = new HashMap<>();
        try (Connection c = db.admin().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, xmin::text::bigint FROM public.user_sessions WHERE " + ActiveSql.WHERE); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                expected.put(rs.getObject(1, UUID.class), rs.getLong(2));
            }
        }
        Map<UUID, Long> actual = new HashMap<>();
        live.snapshot(Set.of(), EnumSet.noneOf(GroupBy.class)).sessions().forEach(s -> actual.put(s.id(), s.version()));
        assertThat(actual).as(when).isEqualTo(expected);
    }
}
