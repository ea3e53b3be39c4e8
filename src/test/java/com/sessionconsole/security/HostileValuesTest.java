package com.sessionconsole.security;

import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.Timestamps;
import com.sessionconsole.workspace.Workspace;
import com.sessionconsole.support.CliRunner;
import com.sessionconsole.support.RawRow;
import com.sessionconsole.support.TestDatabase;
import com.sessionconsole.support.TestWorkspace;
import com.sessionconsole.ui.TimeText;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #10 §1: every value a column's type allows is read, shown, sorted, filtered, grouped, exported
 * and revocable. One row with 'infinity' used to take every command down with "bigint out of range".
 */
class HostileValuesTest {
    TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;

    RawRow never = RawRow.active("infinity").with("ip_address", "203.0.113.9");
    RawRow bornAtMinusInfinity = RawRow.active("2999-01-01 00:00:00+00").with("created_at", "-infinity").with("updated_at", "infinity");
    RawRow farYear = RawRow.active("294276-12-31 23:59:59+00");
    RawRow deletedAtInfinity = RawRow.active("infinity").with("deleted_at", "infinity");
    RawRow nullEverywhere = new RawRow(UUID.randomUUID(), UUID.randomUUID(), "tok-null", "2999-01-01 00:00:00+00", true,
            null, null, null, null, null, null, null, null);
    RawRow activeNull = RawRow.active("2999-01-01 00:00:00+00").with("is_active", null);
    RawRow trustMax = RawRow.active("2999-01-01 00:00:00+00").with("trust_level", Integer.MAX_VALUE);
    RawRow trustMin = RawRow.active("2999-01-01 00:00:00+00").with("trust_level", -Integer.MAX_VALUE);
    RawRow fullWidth = RawRow.active("2999-01-01 00:00:00+00").with("device_id", "設".repeat(99) + "😀")
            .with("user_agent", "\u202eevil\u2066 " + "ü".repeat(480) + "\u0007\u001b]0;pwned\u0007")
            .with("location", "ش".repeat(100)).with("ip_address", "2001:0db8:0000:0000:0000:ff00:0042:8329");

    @BeforeEach
    void fill() {
        db.resetTable();
        RawRow.insert(db.admin(), List.of(never, bornAtMinusInfinity, farYear, deletedAtInfinity, nullEverywhere, activeNull, trustMax,
                trustMin, fullWidth));
    }

    private Map<UUID, Session> active() {
        Map<UUID, Session> out = new HashMap<>();
        try (Workspace ws = TestWorkspace.open(home)) {
            ws.dao().forEachActive(s -> out.put(s.id(), s));
        }
        return out;
    }

    @Test
    void infinitiesAndFarYearsAreReadExactlyAndSortLastAndFirst() {
        Map<UUID, Session> active = active();
        assertThat(active.keySet()).containsExactlyInAnyOrder(never.id(), bornAtMinusInfinity.id(), farYear.id(), nullEverywhere.id(),
                trustMax.id(), trustMin.id(), fullWidth.id());
        assertThat(active.get(never.id()).expiresAt()).isEqualTo(Timestamps.INFINITY);
        assertThat(active.get(bornAtMinusInfinity.id()).createdAt()).isEqualTo(Timestamps.MINUS_INFINITY);
        assertThat(active.get(bornAtMinusInfinity.id()).updatedAt()).isEqualTo(Timestamps.INFINITY);
        assertThat(active.get(farYear.id()).expiresAt()).isEqualTo(Instant.parse("+294276-12-31T23:59:59Z"));
        assertThat(active.values()).allMatch(s -> s.decodeProblem() == null);
        List<Session> byExpiry = new ArrayList<>(active.values());
        byExpiry.sort(Comparator.comparing(Session::expiresAt));
        assertThat(byExpiry.get(byExpiry.size() - 1).id()).isEqualTo(never.id());
        List<Session> byCreated = new ArrayList<>(active.values());
        byCreated.sort(Comparator.comparing(Session::createdAt, Comparator.nullsLast(Comparator.naturalOrder())));
        assertThat(byCreated.get(0).id()).isEqualTo(bornAtMinusInfinity.id());
        assertThat(TimeText.relative(Timestamps.INFINITY, Instant.now())).isEqualTo("never");
        assertThat(TimeText.relative(Timestamps.MINUS_INFINITY, Instant.now())).isEqualTo("−∞");
    }

    @Test
    void nullInEveryNullableColumnAndTrustAtItsLimitsAreKept() {
        Map<UUID, Session> active = active();
        Session n = active.get(nullEverywhere.id());
        assertThat(n.deviceId()).isNull();
        assertThat(n.ipAddress()).isNull();
        assertThat(n.userAgent()).isNull();
        assertThat(n.location()).isNull();
        assertThat(n.trustLevel()).isNull();
        assertThat(n.createdAt()).isNull();
        assertThat(n.updatedAt()).isNull();
        assertThat(active.get(trustMax.id()).trustLevel()).isEqualTo(Integer.MAX_VALUE);
        assertThat(active.get(trustMin.id()).trustLevel()).isEqualTo(-Integer.MAX_VALUE);
        assertThat(active.get(fullWidth.id()).deviceId()).isEqualTo(fullWidth.deviceId());
        assertThat(active.get(fullWidth.id()).userAgent()).isEqualTo(fullWidth.userAgent());
    }

    @Test
    void everyCommandSucceedsOnTheseRows() throws Exception {
        CliRunner cli = new CliRunner(home);
        List<String[]> commands = List.of(
                new String[]{"summary", "--by", "ip"}, new String[]{"summary", "--by", "user", "--format", "csv"},
                new String[]{"summary", "--by", "device", "--format", "json"}, new String[]{"sessions"},
                new String[]{"sessions", "--format", "csv"}, new String[]{"sessions", "--format", "json"},
                new String[]{"export", "--view", "sessions", "--out", home.resolve("s.csv").toString()},
                new String[]{"export", "--view", "ips", "--format", "json", "--out", home.resolve("i.json").toString()},
                new String[]{"export", "--view", "sessions", "--filter", "expires=1d", "--out", home.resolve("e.csv").toString()},
                new String[]{"findings"}, new String[]{"history", "--user", never.userId().toString()},
                new String[]{"history", "--ip", "203.0.113.9"}, new String[]{"watch", "--ticks", "1", "--interval", "1"});
        for (String[] args : commands) {
            CliRunner.Run r = cli.run("", args);
            assertThat(r.code()).as(String.join(" ", args) + "\n" + r.all()).isZero();
        }
        assertThat(cli.run(never.token() + "\n", "find-token").code()).isZero();
        CliRunner.Run csv = cli.run("", "sessions", "--format", "csv");
        // every CSV cell is quoted; -infinity starts like a formula, so it is neutralised as any such cell is
        assertThat(csv.out()).contains("\"" + never.id() + "\",").contains(",\"infinity\",").contains(",\"'-infinity\",");
        assertThat(Files.readString(home.resolve("s.csv"))).contains("infinity");
        assertThat(csv.out().lines().count()).as("header and the seven active rows").isEqualTo(1 + 7);
    }

    @Test
    void aSessionThatNeverExpiresIsRevocable() {
        CliRunner.Run r = new CliRunner(home).run("", "revoke", "--ids", never.id().toString(), "--reason", "never expires", "--yes");
        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.out()).contains("1 revoked");
        assertThat(db.count("SELECT count(*) FROM public.user_sessions WHERE id = ? AND is_active = false", never.id())).isEqualTo(1);
    }

    @Test
    void zombieRowsWithInfiniteTimestampsAreFindings() {
        CliRunner.Run r = new CliRunner(home).run("", "findings", "--rule", "active_but_deleted", "--format", "csv");
        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.out()).contains(deletedAtInfinity.id().toString());
        CliRunner.Run nulls = new CliRunner(home).run("", "findings", "--rule", "active_null", "--format", "csv");
        assertThat(nulls.out()).contains(activeNull.id().toString());
    }
}
