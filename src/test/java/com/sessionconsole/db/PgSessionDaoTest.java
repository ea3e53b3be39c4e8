package com.sessionconsole.db;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.GroupSummary;
import com.sessionconsole.domain.NewSession;
import com.sessionconsole.domain.RevokeCriteria;
import com.sessionconsole.domain.RevokeResult;
import com.sessionconsole.domain.Session;
import com.sessionconsole.support.Rows;
import com.sessionconsole.support.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every DAO method against hand-computed expectations on planted rows, on a real PostgreSQL. */
class PgSessionDaoTest {
    static final UUID A = UUID.fromString("aaaaaaaa-0000-4000-8000-000000000001");
    static final UUID B = UUID.fromString("bbbbbbbb-0000-4000-8000-000000000002");
    static final UUID C = UUID.fromString("cccccccc-0000-4000-8000-000000000003");
    static final String LONG_AGENT = "Mozilla/5.0 " + "x".repeat(488);

    TestDatabase db = TestDatabase.get();
    HikariDataSource pool;
    PgSessionDao dao;
    Instant now;
    NewSession a1, a2, b1, b2, c1, expiredActive, deletedActive, nullActive, inactive;

    @BeforeEach
    void plant() {
        SessionWriter writer = db.resetTable();
        pool = DataSourceFactory.open(db.settings(), db.url(), "test", false);
        dao = new PgSessionDao(pool, pool, db.url(), false);
        now = dao.serverTime();
        a1 = Rows.active(A, now).device("dev-a").ip("10.0.0.1").location("Berlin, DE").trust(80).build();
        a2 = Rows.active(A, now).device("dev-a2").ip("2001:db8::1").location("Zürich, CH").trust(30).agent(LONG_AGENT).build();
        b1 = Rows.active(B, now).device("dev-shared").ip("10.0.0.1").location("東京, JP").trust(60).build();
        b2 = Rows.active(B, now).device("dev-shared").ip("10.0.0.1").trust(10).build();
        c1 = Rows.active(C, now).device(null).ip(null).location(null).trust(null).agent(null).build();
        expiredActive = Rows.active(C, now).expires(now.minusSeconds(60)).build();
        deletedActive = Rows.active(C, now).deleted(now.minusSeconds(60)).build();
        nullActive = Rows.active(C, now).isActive(null).build();
        inactive = Rows.active(C, now).isActive(false).build();
        writer.insert(List.of(a1, a2, b1, b2, c1, expiredActive, deletedActive, nullActive, inactive));
    }

    @AfterEach
    void close() {
        pool.close();
    }

    private static Set<UUID> ids(NewSession... rows) {
        Set<UUID> s = new HashSet<>();
        for (NewSession r : rows) {
            s.add(r.id());
        }
        return s;
    }

    @Test
    void activeSessionsAreExactlyTheActiveRows() {
        List<Session> seen = new ArrayList<>();
        Instant serverNow = dao.forEachActive(seen::add);
        assertThat(seen).extracting(Session::id).containsExactlyInAnyOrderElementsOf(ids(a1, a2, b1, b2, c1));
        assertThat(serverNow).isBetween(now, now.plus(Duration.ofMinutes(1)));
        Session longOne = seen.stream().filter(s -> s.id().equals(a2.id())).findFirst().orElseThrow();
        assertThat(longOne.userAgent()).hasSize(500);
        assertThat(longOne.location()).isEqualTo("Zürich, CH");
        assertThat(longOne.ipAddress()).isEqualTo("2001:db8::1");
        Session nulls = seen.stream().filter(s -> s.id().equals(c1.id())).findFirst().orElseThrow();
        assertThat(nulls.deviceId()).isNull();
        assertThat(nulls.ipAddress()).isNull();
        assertThat(nulls.trustLevel()).isNull();
        for (Session s : seen) {
            NewSession planted = List.of(a1, a2, b1, b2, c1).stream().filter(r -> r.id().equals(s.id())).findFirst().orElseThrow();
            assertThat(s.token().text()).doesNotContain(planted.sessionToken())
                    .isEqualTo(planted.sessionToken().substring(0, 4) + "…" + planted.sessionToken().substring(planted.sessionToken().length() - 4));
        }
    }

    @Test
    void sessionsOnPrimaryReturnsRowsInAnyState() {
        assertThat(dao.sessionsOnPrimary(ids(a1, inactive, nullActive))).extracting(Session::id)
                .containsExactlyInAnyOrderElementsOf(ids(a1, inactive, nullActive));
        List<Session> nullRow = dao.sessionsOnPrimary(ids(nullActive));
        assertThat(nullRow.get(0).active()).isNull();
        assertThat(dao.sessionsOnPrimary(Set.of())).isEmpty();
    }

    /** The grouping every view, export and the CLI's summary use, over the active rows the DAO reads. */
    private List<GroupSummary> summaries(GroupBy by) {
        List<Session> active = new java.util.ArrayList<>();
        dao.forEachActive(active::add);
        return com.sessionconsole.live.GroupIndex.of(by, active).summaries();
    }

    @Test
    void summaryByIpCountsActiveSessionsWithNullAsItsOwnGroup() {
        List<GroupSummary> byIp = summaries(GroupBy.IP);
        assertThat(byIp).extracting(GroupSummary::key).containsExactly("10.0.0.1", null, "2001:db8::1");
        GroupSummary shared = byIp.get(0);
        assertThat(shared.activeSessions()).isEqualTo(3);
        assertThat(shared.distinctUsers()).isEqualTo(2);
        assertThat(shared.distinctDevices()).isEqualTo(2);
        assertThat(shared.lowestTrust()).isEqualTo(10);
        assertThat(byIp.get(1).activeSessions()).isEqualTo(1);
        assertThat(byIp.get(1).lowestTrust()).isNull();
    }

    @Test
    void summaryByUserAndByDevice() {
        List<GroupSummary> byUser = summaries(GroupBy.USER);
        assertThat(byUser).extracting(GroupSummary::key, GroupSummary::activeSessions, GroupSummary::distinctIps,
                        GroupSummary::distinctDevices, GroupSummary::lowestTrust)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(A.toString(), 2L, 2L, 2L, 30),
                        org.assertj.core.groups.Tuple.tuple(B.toString(), 2L, 1L, 1L, 10),
                        org.assertj.core.groups.Tuple.tuple(C.toString(), 1L, 1L, 1L, null));
        List<GroupSummary> byDevice = summaries(GroupBy.DEVICE);
        assertThat(byDevice).extracting(GroupSummary::key).containsExactly("dev-shared", null, "dev-a", "dev-a2");
        assertThat(byDevice.get(0).distinctUsers()).isEqualTo(1);
        assertThat(byDevice.get(0).firstCreated()).isEqualTo(b1.createdAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }

    @Test
    void historyIncludesEndedSessionsAndNullKeys() {
        assertThat(dao.history(GroupBy.USER, C.toString())).extracting(Session::id)
                .containsExactlyInAnyOrderElementsOf(ids(c1, expiredActive, deletedActive, nullActive, inactive));
        assertThat(dao.history(GroupBy.IP, null)).extracting(Session::id).containsExactly(c1.id());
        assertThat(dao.history(GroupBy.DEVICE, "dev-shared")).extracting(Session::id).containsExactlyInAnyOrderElementsOf(ids(b1, b2));
        assertThat(dao.history(GroupBy.IP, "' OR 1=1 --")).isEmpty();
    }

    @Test
    void revokeByIdsReportsWhatWasAlreadyInactiveAndDeletesNothing() {
        long rowsBefore = db.count("SELECT count(*) FROM public.user_sessions");
        RevokeResult r = dao.revoke(RevokeCriteria.ids(ids(a1, inactive, expiredActive)), Set.of());
        assertThat(r.revoked()).containsExactly(a1.id());
        assertThat(r.alreadyInactive()).containsExactlyInAnyOrder(inactive.id(), expiredActive.id());
        assertThat(db.query("SELECT is_active, updated_at > created_at FROM public.user_sessions WHERE id = ?", a1.id()))
                .containsExactly(List.of("f", "t"));
        assertThat(db.count("SELECT count(*) FROM public.user_sessions")).isEqualTo(rowsBefore);
        // the zombie stays as it was: revoke only touches active rows
        assertThat(db.query("SELECT is_active FROM public.user_sessions WHERE id = ?", expiredActive.id())).containsExactly(List.of("t"));
    }

    @Test
    void revokeByIpUserAndNullDevice() {
        RevokeResult byIp = dao.revoke(RevokeCriteria.group(GroupBy.IP, "10.0.0.1", ids(a1, b1, b2)), Set.of());
        assertThat(byIp.revoked()).containsExactlyInAnyOrderElementsOf(ids(a1, b1, b2));
        assertThat(byIp.alreadyInactive()).isEmpty();
        RevokeResult byNullDevice = dao.revoke(RevokeCriteria.group(GroupBy.DEVICE, null, ids(c1)), Set.of());
        assertThat(byNullDevice.revoked()).containsExactly(c1.id());
        RevokeResult byUser = dao.revoke(RevokeCriteria.group(GroupBy.USER, A.toString(), ids(a1, a2)), Set.of());
        assertThat(byUser.revoked()).containsExactly(a2.id());
        assertThat(byUser.alreadyInactive()).containsExactly(a1.id());
        assertThat(db.count("SELECT count(*) FROM public.user_sessions WHERE " + PgSessionDao.ACTIVE)).isZero();
    }

    @Test
    void protectedUsersAreNeverRevoked() {
        RevokeResult r = dao.revoke(RevokeCriteria.group(GroupBy.IP, "10.0.0.1", ids(a1, b1, b2)), Set.of(B));
        assertThat(r.revoked()).containsExactly(a1.id());
        assertThat(db.count("SELECT count(*) FROM public.user_sessions WHERE user_id = ? AND is_active = true", B)).isEqualTo(2);
    }

    @Test
    void twoConcurrentRevokesOfTheSameSetRevokeEachIdExactlyOnce() throws Exception {
        SessionWriter writer = new SessionWriter(db.admin());
        List<NewSession> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add(Rows.active(UUID.randomUUID(), now).ip("192.0.2.7").build());
        }
        writer.insert(many);
        Set<UUID> all = many.stream().map(NewSession::id).collect(Collectors.toSet());
        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<RevokeResult> first = CompletableFuture.supplyAsync(() -> awaitThen(start, () -> dao.revoke(RevokeCriteria.ids(all), Set.of())));
        CompletableFuture<RevokeResult> second = CompletableFuture.supplyAsync(() -> awaitThen(start,
                () -> dao.revoke(RevokeCriteria.group(GroupBy.IP, "192.0.2.7", all), Set.of())));
        RevokeResult r1 = first.get();
        RevokeResult r2 = second.get();
        Set<UUID> union = new HashSet<>(r1.revoked());
        union.addAll(r2.revoked());
        assertThat(union).isEqualTo(all);
        assertThat(java.util.Collections.disjoint(r1.revoked(), r2.revoked())).isTrue();
        assertThat(r1.revoked().size() + r2.revoked().size()).isEqualTo(500);
        assertThat(new HashSet<>(r1.alreadyInactive())).isEqualTo(new HashSet<>(r2.revoked()));
        assertThat(new HashSet<>(r2.alreadyInactive())).isEqualTo(new HashSet<>(r1.revoked()));
    }

    private static <T> T awaitThen(CyclicBarrier barrier, java.util.function.Supplier<T> action) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return action.get();
    }
}
