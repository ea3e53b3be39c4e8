package com.sessionconsole.cli;

import com.sessionconsole.domain.Cidr;
import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.Narrowing;
import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.WatchEntry;
import com.sessionconsole.support.CliRunner;
import com.sessionconsole.support.RawRow;
import com.sessionconsole.support.TestDatabase;
import com.sessionconsole.support.TestWorkspace;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One address-matching rule everywhere: a corpus of stored spellings, each labelled by hand with the address
 * it names (or none), and for each query the labels it must find, also by hand. Every command that takes an
 * address (sessions, history, export, revoke, --where-ip, watchlists) must find exactly the rows the labels say.
 */
class AddressMatchingTest {
    /** Stored spelling → the address it names, written by hand; null where it names none. */
    static final Map<String, String> SPELLINGS = new LinkedHashMap<>();

    static {
        SPELLINGS.put("10.8.8.5", "10.8.8.5");
        SPELLINGS.put("::ffff:10.8.8.5", "10.8.8.5");
        SPELLINGS.put("::FFFF:10.8.8.5", "10.8.8.5");
        SPELLINGS.put("0:0:0:0:0:ffff:10.8.8.5", "10.8.8.5");
        SPELLINGS.put("::ffff:a08:805", "10.8.8.5");
        SPELLINGS.put("0000:0000:0000:0000:0000:FFFF:0A08:0805", "10.8.8.5");
        SPELLINGS.put(" 10.8.8.5 ", "10.8.8.5");
        SPELLINGS.put("10.8.8.5\t", "10.8.8.5");
        SPELLINGS.put("::ffff:10.8.8.5%eth0", "10.8.8.5");
        SPELLINGS.put(" 10.8.8.4 ", "10.8.8.4");
        SPELLINGS.put("10.8.8.6", "10.8.8.6");
        SPELLINGS.put("10.9.0.1", "10.9.0.1");
        SPELLINGS.put("2001:db8::f6", "2001:db8::f6");
        SPELLINGS.put("2001:DB8::F6", "2001:db8::f6");
        SPELLINGS.put("2001:0db8:0000:0000:0000:0000:0000:00f6", "2001:db8::f6");
        SPELLINGS.put("2001:db8:0:0::f6", "2001:db8::f6");
        SPELLINGS.put("2001:db8::f6%eth0", "2001:db8::f6");
        SPELLINGS.put("2001:db8::1:0:0:f6", "2001:db8::1:0:0:f6");
        SPELLINGS.put("2001:db9::f6", "2001:db9::f6");
        SPELLINGS.put("::10.8.8.5", "::a08:805");
        SPELLINGS.put("fe80::1%eth0", "fe80::1");
        SPELLINGS.put("10.8.8.5x", null);
        SPELLINGS.put("010.8.8.5", null);
        SPELLINGS.put("10.8.8", null);
        SPELLINGS.put("10.8.8.5/32", null);
        SPELLINGS.put("10.8.8.5%eth0", null);
        SPELLINGS.put("10.8.8.5\u200b", null);
        SPELLINGS.put("\uff11\uff10.8.8.5", null);
        SPELLINGS.put("::ffff:10.8.8.256", null);
        SPELLINGS.put("2001:db8::f6::1", null);
        SPELLINGS.put("12345::f6", null);
        SPELLINGS.put("", null);
    }

    /** Query → the labels it must find, written by hand. */
    static final Map<String, Set<String>> QUERIES = Map.of(
            "10.8.8.5", Set.of("10.8.8.5"),
            "::ffff:10.8.8.5", Set.of("10.8.8.5"),
            "10.8.8.4", Set.of("10.8.8.4"),
            "2001:DB8::F6", Set.of("2001:db8::f6"),
            "2001:db8:0:0:0:0:0:f6", Set.of("2001:db8::f6"),
            "10.8.8.0/24", Set.of("10.8.8.5", "10.8.8.4", "10.8.8.6"),
            "2001:db8::/32", Set.of("2001:db8::f6", "2001:db8::1:0:0:f6"),
            "fe80::/10", Set.of("fe80::1"));

    TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;
    Map<UUID, String> stored = new LinkedHashMap<>();

    @BeforeEach
    void oneActiveSessionPerSpelling() {
        db.resetTable();
        stored.clear();
        List<RawRow> rows = new ArrayList<>();
        for (String spelling : SPELLINGS.keySet()) {
            RawRow r = RawRow.active("infinity").with("ip_address", spelling);
            rows.add(r);
            stored.put(r.id(), spelling);
        }
        RawRow nullIp = RawRow.active("infinity").with("ip_address", null);
        rows.add(nullIp);
        stored.put(nullIp.id(), null);
        RawRow.insert(db.admin(), rows);
    }

    private Set<String> expected(String query) {
        Set<String> labels = QUERIES.get(query);
        Set<String> out = new TreeSet<>();
        stored.forEach((id, spelling) -> {
            if (spelling != null && SPELLINGS.get(spelling) != null && labels.contains(SPELLINGS.get(spelling))) {
                out.add(id.toString());
            }
        });
        return out;
    }

    private static Set<String> idsOfCsv(String csv) throws Exception {
        Set<String> ids = new TreeSet<>();
        String body = csv.lines().filter(l -> !l.startsWith("#")).reduce("", (a, b) -> a + b + "\n");
        for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(body))) {
            ids.add(r.get("id"));
        }
        return ids;
    }

    private String describe(Set<String> ids) {
        List<String> spellings = new ArrayList<>();
        ids.forEach(id -> spellings.add(String.valueOf(stored.get(UUID.fromString(id))).replace("\t", "\\t")));
        return spellings.toString();
    }

    @Test
    void everyCommandFindsExactlyTheSpellingsOfTheAddress() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String query : QUERIES.keySet()) {
            Set<String> expected = expected(query);
            assertThat(expected).as(query).isNotEmpty();
            Map<String, Set<String>> found = new LinkedHashMap<>();
            found.put("sessions --ip", idsOfCsv(cli("sessions", "--ip", query, "--format", "csv")));
            found.put("history --ip", idsOfCsv(cli("history", "--ip", query, "--format", "csv")));
            Path out = home.resolve("export.csv");
            cli("export", "--view", "sessions", "--filter", "ip=" + query, "--out", out.toString(), "--provenance", "none");
            found.put("export --filter ip=", idsOfCsv(Files.readString(out)));
            found.put("watchlist", watched(query));
            found.put("--where-ip", narrowed(query));
            for (var e : found.entrySet()) {
                if (!e.getValue().equals(expected)) {
                    failures.add(e.getKey() + " " + query + ": found " + describe(e.getValue()) + ", expected " + describe(expected));
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void revokeByAddressRevokesEverySpellingOfItAndShowsEachStoredSpelling() {
        for (String query : QUERIES.keySet()) {
            oneActiveSessionPerSpelling();
            Set<String> expected = expected(query);
            CliRunner.Run r = new CliRunner(home).run("", "revoke", "--ip", query, "--reason", "address rule", "--yes");
            assertThat(r.code()).as(query + "\n" + r.all()).isZero();
            Set<String> revoked = new TreeSet<>();
            db.query("SELECT id FROM public.user_sessions WHERE is_active = false").forEach(row -> revoked.add(row.get(0)));
            assertThat(describe(revoked)).as(query).isEqualTo(describe(expected));
            assertThat(revoked).as(query).isEqualTo(expected);
            if (query.equals("10.8.8.5")) {
                assertThat(r.err()).contains("ip \" 10.8.8.5 \" (address 10.8.8.5)").contains("ip \"::FFFF:10.8.8.5\" (address 10.8.8.5)")
                        .contains("ip \"10.8.8.5\\x09\" (address 10.8.8.5)").contains("ip \"10.8.8.5\"  location");
            }
        }
    }

    private String cli(String... args) {
        CliRunner.Run r = new CliRunner(home).run("", args);
        assertThat(r.code()).as(String.join(" ", args) + "\n" + r.all()).isZero();
        return r.out();
    }

    private Set<String> watched(String query) {
        WatchEntry entry = new WatchEntry(GroupBy.IP, query);
        Set<String> ids = new TreeSet<>();
        try (var ws = TestWorkspace.open(home)) {
            ws.dao().forEachActive(s -> {
                if (entry.matches(s)) {
                    ids.add(s.id().toString());
                }
            });
        }
        return ids;
    }

    private Set<String> narrowed(String query) {
        Narrowing narrowing = new Narrowing(Cidr.parse(query).cidr(), null, null, null);
        Set<String> ids = new HashSet<>();
        try (var ws = TestWorkspace.open(home)) {
            ws.dao().inSnapshot(narrowing, snapshot -> {
                snapshot.forEachActive((Session s) -> ids.add(s.id().toString()));
                return null;
            });
        }
        return new TreeSet<>(ids);
    }
}
