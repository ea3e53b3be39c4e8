package com.sessionconsole.live.ui;

import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.SessionFilter;
import com.sessionconsole.domain.TokenMask;
import com.sessionconsole.live.FilterParser;
import com.sessionconsole.live.LiveSessions;
import com.sessionconsole.live.SessionDelta;
import com.sessionconsole.live.Snapshot;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Applying tick deltas to the shown rows gives exactly what filtering and sorting from scratch gives. */
class ShownRowsTest {
    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void incrementalUpdatesEqualAFullRebuildAfterEveryTick() {
        Random rnd = new Random(99);
        List<UUID> users = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            users.add(UUID.randomUUID());
        }
        LiveSessions live = new LiveSessions();
        List<Session> initial = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            initial.add(session(rnd, users, UUID.randomUUID()));
        }
        Snapshot previous = snapshot(live, new SessionDelta(initial, Set.of(), NOW, true));
        SessionFilter filter = new FilterParser().parse(new FilterParser.Input("a", "10.0.0.0/9", null, null, null, null, null, null)).filter();
        Comparator<Session> order = Comparator.comparing(Session::trustLevel, Comparator.nullsFirst(Comparator.<Integer>naturalOrder()))
                .reversed().thenComparing(Session::id);
        ShownRows rows = new ShownRows();
        rows.update(previous, null, -1, filter, null, order, NOW);
        List<UUID> ids = new ArrayList<>(initial.stream().map(Session::id).toList());
        for (int tick = 0; tick < 200; tick++) {
            List<Session> upserts = new ArrayList<>();
            Set<UUID> removed = new HashSet<>();
            for (int i = rnd.nextInt(20); i > 0; i--) {
                UUID id = rnd.nextInt(3) == 0 ? UUID.randomUUID() : ids.get(rnd.nextInt(ids.size()));
                upserts.add(session(rnd, users, id));
                ids.add(id);
            }
            for (int i = rnd.nextInt(10); i > 0; i--) {
                UUID id = ids.get(rnd.nextInt(ids.size()));
                if (upserts.stream().noneMatch(u -> u.id().equals(id))) {
                    removed.add(id);
                }
            }
            SessionDelta delta = new SessionDelta(upserts, removed, NOW, false);
            Snapshot next = snapshot(live, delta);
            List<Session> incremental = rows.update(next, delta, previous.version(), filter, null, order, NOW).rows();
            List<Session> full = new ShownRows().update(next, null, -1, filter, null, order, NOW).rows();
            assertThat(incremental).as("tick " + tick).isEqualTo(full);
            previous = next;
        }
    }

    @Test
    void expiriesAreSweptInPlaceAndEqualARebuildAsTimePasses() {
        Random rnd = new Random(13);
        List<UUID> users = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            users.add(UUID.randomUUID());
        }
        LiveSessions live = new LiveSessions();
        List<Session> initial = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            initial.add(session(rnd, users, UUID.randomUUID()));
        }
        Snapshot previous = snapshot(live, new SessionDelta(initial, Set.of(), NOW, true));
        SessionFilter filter = new FilterParser().parse(new FilterParser.Input(null, "10.0.0.0/8", null, null, null, null, null, null)).filter();
        Comparator<Session> order = Session.NEWEST_FIRST;
        ShownRows rows = new ShownRows();
        rows.update(previous, null, -1, filter, null, order, NOW);
        for (int minute = 1; minute <= 70; minute++) {
            Instant now = NOW.plusSeconds(60L * minute);
            SessionDelta delta = new SessionDelta(List.of(session(rnd, users, UUID.randomUUID())), Set.of(), now, false);
            Snapshot next = snapshot(live, delta);
            ShownRows.Result kept = minute % 3 == 0 ? rows.update(next, null, -1, filter, null, order, now) // a boundary, no poll
                    : rows.update(next, delta, previous.version(), filter, null, order, now);
            ShownRows.Result full = new ShownRows().update(next, null, -1, filter, null, order, now);
            assertThat(kept.rows()).as("minute " + minute).isEqualTo(full.rows());
            assertThat(kept.nextChange()).as("minute " + minute).isEqualTo(full.nextChange());
            previous = next;
        }
    }

    @Test
    void filterPivotAndSortChangesBetweenTicksEqualAFreshBuild() {
        Random rnd = new Random(29);
        List<UUID> users = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            users.add(UUID.randomUUID());
        }
        LiveSessions live = new LiveSessions();
        List<Session> initial = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            initial.add(session(rnd, users, UUID.randomUUID()));
        }
        Snapshot previous = snapshot(live, new SessionDelta(initial, Set.of(), NOW, true));
        List<SessionFilter> filters = List.of(SessionFilter.NONE,
                new FilterParser().parse(new FilterParser.Input("par", null, null, null, null, null, null, null)).filter(),
                new FilterParser().parse(new FilterParser.Input(null, "10.0.0.0/9", "50", null, null, null, null, null)).filter(),
                new FilterParser().parse(new FilterParser.Input(null, null, null, "1h", null, null, null, "oslo")).filter());
        List<Comparator<Session>> orders = List.of(Session.NEWEST_FIRST,
                Comparator.comparing(Session::trustLevel, Comparator.nullsFirst(Comparator.<Integer>naturalOrder())).thenComparing(Session::id));
        ShownRows rows = new ShownRows();
        SessionFilter f = filters.get(0);
        Comparator<Session> order = orders.get(0);
        Pivot pivot = null;
        rows.update(previous, null, -1, f, pivot, order, NOW);
        for (int tick = 0; tick < 150; tick++) {
            Instant now = NOW.plusSeconds(30L * tick);
            switch (rnd.nextInt(6)) {
                case 0 -> f = filters.get(rnd.nextInt(filters.size()));
                case 1 -> order = orders.get(rnd.nextInt(orders.size()));
                case 2 -> pivot = rnd.nextBoolean() ? null : new Pivot(com.sessionconsole.domain.GroupBy.USER, users.get(rnd.nextInt(users.size())).toString());
                default -> { }
            }
            List<Session> upserts = new ArrayList<>();
            for (int i = rnd.nextInt(10); i > 0; i--) {
                upserts.add(session(rnd, users, rnd.nextBoolean() ? UUID.randomUUID() : initial.get(rnd.nextInt(initial.size())).id()));
            }
            Set<UUID> removed = new HashSet<>();
            for (int i = rnd.nextInt(5); i > 0; i--) {
                UUID id = initial.get(rnd.nextInt(initial.size())).id();
                if (upserts.stream().noneMatch(u -> u.id().equals(id))) {
                    removed.add(id);
                }
            }
            SessionDelta delta = new SessionDelta(upserts, removed, now, false);
            Snapshot next = snapshot(live, delta);
            ShownRows.Result kept = rows.update(next, delta, previous.version(), f, pivot, order, now);
            ShownRows.Result fresh = new ShownRows().update(next, null, -1, f, pivot, order, now);
            assertThat(kept.rows()).as("tick " + tick).isEqualTo(fresh.rows());
            assertThat(kept.nextChange()).as("tick " + tick).isEqualTo(fresh.nextChange());
            previous = next;
        }
    }

    @Test
    void theFastNewestFirstSortIsExactlyTheComparator() {
        Random rnd = new Random(41);
        List<Instant> created = new ArrayList<>(List.of(Instant.MAX, Instant.MIN, NOW, NOW.plusNanos(1), NOW.minusNanos(999)));
        List<Session> list = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            Instant c = rnd.nextInt(10) == 0 ? null : created.get(rnd.nextInt(created.size())).plusSeconds(rnd.nextInt(3) == 0 ? 0 : 0);
            UUID id = rnd.nextInt(5) == 0 ? new UUID(rnd.nextLong(), rnd.nextLong()) : new UUID(rnd.nextInt(3) - 1L, rnd.nextLong());
            list.add(new Session(id, UUID.randomUUID(), new TokenMask("ab12…ef34"), NOW.plusSeconds(60), true, "d", "10.0.0.1", "a", "l", 1, c,
                    NOW, null, 1));
        }
        List<Session> expected = new ArrayList<>(list);
        expected.sort(Session.NEWEST_FIRST);
        ShownRows.sortNewestFirst(list);
        assertThat(list).as("with null and infinite creation times: the comparator itself").isEqualTo(expected);

        List<Session> usual = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            Instant c = NOW.minusSeconds(rnd.nextInt(86_400 * 30)).plusNanos(rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(3) * 400);
            UUID id = new UUID(rnd.nextInt(3) - 1L, rnd.nextLong());
            usual.add(new Session(id, UUID.randomUUID(), new TokenMask("ab12…ef34"), NOW.plusSeconds(60), true, "d", "10.0.0.1", "a", "l", 1,
                    rnd.nextInt(50) == 0 ? NOW : c, NOW, null, 1));
        }
        List<Session> usualExpected = new ArrayList<>(usual);
        usualExpected.sort(Session.NEWEST_FIRST);
        ShownRows.sortNewestFirst(usual);
        assertThat(usual).as("thirty days of creation times: the packed sort").isEqualTo(usualExpected);
    }

    private static Snapshot snapshot(LiveSessions live, SessionDelta delta) {
        live.apply(delta);
        return live.snapshot(Set.of(), EnumSet.noneOf(com.sessionconsole.domain.GroupBy.class));
    }

    private static Session session(Random rnd, List<UUID> users, UUID id) {
        String ip = (rnd.nextBoolean() ? "10." : "11.") + rnd.nextInt(256) + ".0." + rnd.nextInt(256);
        String location = rnd.nextBoolean() ? "Paris, FR" : "Oslo, NO";
        Integer trust = rnd.nextInt(10) == 0 ? null : rnd.nextInt(101);
        return new Session(id, users.get(rnd.nextInt(users.size())), new TokenMask("ab12…ef34"), NOW.plusSeconds(60 + rnd.nextInt(3600)),
                true, "dev-" + rnd.nextInt(50), ip, "agent", location, trust, NOW.minusSeconds(rnd.nextInt(9000)), NOW, null, rnd.nextLong());
    }
}
