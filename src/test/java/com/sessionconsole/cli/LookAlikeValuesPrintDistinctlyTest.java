package com.sessionconsole.cli;

import com.sessionconsole.files.Json;
import com.sessionconsole.support.CliRunner;
import com.sessionconsole.support.TestDatabase;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Device ids that differ only by an invisible character, by a real ESC against the literal text "\x1b", or by
 * NULL against the empty text, print differently in every output format of the CLI, and none of the invisible
 * characters reaches the terminal.
 */
class LookAlikeValuesPrintDistinctlyTest {
    static final String ESC = "\u001b";
    /** Stored device id, and how a table (and, bar NULL and "", a CSV cell) shows it. */
    static final Map<String, String> SHOWN = Map.ofEntries(
            Map.entry("dev-\\x1b[2Jf6", "dev-\\\\x1b[2Jf6"),
            Map.entry("dev-" + ESC + "[2Jf6", "dev-\\x1b[2Jf6"),
            Map.entry("dev-f6", "dev-f6"),
            Map.entry("dev-f\u034f6", "dev-f\\u034f6"),
            Map.entry("dev-f\u17b46", "dev-f\\u17b46"),
            Map.entry("dev-f\u17b56", "dev-f\\u17b56"),
            Map.entry("dev-f\u180b6", "dev-f\\u180b6"),
            Map.entry("dev-f\ufe0f6", "dev-f\\ufe0f6"),
            Map.entry("kiosk", "kiosk"),
            Map.entry("kiosk\u2800", "kiosk\\u2800"),
            Map.entry("kiosk\u3000", "kiosk\\u3000"),
            Map.entry("kiosk\u00a0", "kiosk\\xa0"),
            Map.entry("", "\"\""),
            Map.entry("∅", "\\u2205"),
            Map.entry("\"\"", "\\x22\""));
    static final int[] INVISIBLE = {0x1b, 0x034f, 0x17b4, 0x17b5, 0x180b, 0xfe0f, 0x2800, 0x3000, 0x00a0};

    final TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;
    CliRunner cli;

    @BeforeEach
    void rows() {
        db.resetTable();
        List<String> devices = new ArrayList<>(SHOWN.keySet());
        devices.add(null);
        for (String device : devices) {
            db.exec("INSERT INTO public.user_sessions (user_id, session_token, expires_at, is_active, device_id, ip_address, trust_level) "
                    + "VALUES (gen_random_uuid(), 'tok-' || gen_random_uuid(), now() + interval '1 day', true, ?, '10.0.0.1', 50)", device);
        }
        cli = new CliRunner(home);
    }

    private String out(String... args) {
        CliRunner.Run r = cli.run("", args);
        assertThat(r.code()).as(r.all()).isZero();
        for (int c : INVISIBLE) {
            assertThat(r.all().indexOf(c)).as("raw U+%04X reached the terminal:\n%s", c, r.all()).isNegative();
        }
        return r.out();
    }

    @Test
    void theTableShowsEachKeyDifferentlyWithNullAsTheEmptySetSign() {
        List<String> keys = out("summary", "--by", "device").lines().skip(1).filter(l -> !l.startsWith("("))
                .map(l -> l.split("  ", 2)[0].strip()).toList();
        Set<String> expected = new HashSet<>(SHOWN.values());
        expected.add("∅");
        // in a table every quote that is part of a value is escaped, since quotes there are the table's own marks
        expected.remove("\\x22\"");
        expected.add("\\x22\\x22");
        assertThat(keys).hasSize(SHOWN.size() + 1).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void csvShowsNullAsAnEmptyFieldAndTheEmptyTextAsQuotes() throws Exception {
        String csv = out("summary", "--by", "device", "--format", "csv");
        List<String> keys = new ArrayList<>();
        for (CSVRecord r : CSVFormat.DEFAULT.builder().setQuoteMode(QuoteMode.ALL_NON_NULL).setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            keys.add(r.get("key"));
        }
        List<String> expected = new ArrayList<>();
        // in CSV only NULL is an empty field: the values that look like the table's NULL and empty marks need no escape
        SHOWN.forEach((stored, shown) -> expected.add(List.of("", "∅", "\"\"").contains(stored) ? stored : shown));
        expected.add(null);
        assertThat(keys).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(csv.lines()).as("NULL is an empty field, the empty text a quoted one").anyMatch(l -> l.startsWith(","))
                .anyMatch(l -> l.startsWith("\"\","));
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonKeepsEveryValueExactlyWithNullAsNull() {
        List<Map<String, Object>> rows = (List<Map<String, Object>>) Json.parse(out("summary", "--by", "device", "--format", "json"));
        List<Object> keys = rows.stream().map(r -> r.get("key")).toList();
        List<Object> expected = new ArrayList<>(SHOWN.keySet());
        expected.add(null);
        assertThat(keys).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void sessionsAndHistoryShowTheSameEscapesOnceEscaped() {
        String table = out("sessions");
        String csv = out("sessions", "--format", "csv");
        for (String shown : List.of("dev-\\\\x1b[2Jf6", "dev-\\x1b[2Jf6", "dev-f\\u034f6", "kiosk\\u3000")) {
            assertThat(table).contains(shown);
            assertThat(csv).contains("\"" + shown + "\"");
        }
        assertThat(Arrays.stream(table.split("\n")).filter(l -> l.contains("dev-\\\\\\\\x1b"))).as("escaped twice").isEmpty();
        assertThat(out("history", "--device", "dev-" + ESC + "[2Jf6")).contains("dev-\\x1b[2Jf6").doesNotContain("dev-\\\\x1b");
    }
}
