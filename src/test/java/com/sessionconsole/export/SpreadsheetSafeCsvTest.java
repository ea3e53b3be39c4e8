package com.sessionconsole.export;

import com.sessionconsole.domain.VisibleText;
import com.sessionconsole.support.CliRunner;
import com.sessionconsole.support.RawRow;
import com.sessionconsole.support.TestDatabase;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every CSV the console writes, read by a spreadsheet that splits on ',' or on ';' (much of Europe) or TAB:
 * no cell starts with a character that makes it a formula unless it was neutralised with a leading
 * apostrophe, timestamps ("-infinity") and numbers (-5) included; and every cell reads back, with a
 * comma-reading CSV parser, as exactly its stored text after the one escaping rule (controls, line breaks and bidi marks as
 * escapes) and the one neutralising rule.
 */
class SpreadsheetSafeCsvTest {
    static final String FORMULA_START = "=+-@\t\r";
    static final List<String> PIECES = List.of("=", "+", "-", "@", "\t", "\r", "\n", ";", ",", "\"", "'", "1", "a", " ", "SUM(A1)",
            "-infinity", "|", "!", "x;=1+1", "=cmd|' /C calc'!A0");
    /** Stored timestamptz literal, and how CSV writes it before neutralising. */
    static final Map<String, String> CREATED = Map.of("-infinity", "-infinity", "infinity", "infinity",
            "2026-01-01 00:00:00+00", "2026-01-01T00:00:00Z");
    static final Map<String, String> EXPIRES = Map.of("infinity", "infinity", "2999-01-01 00:00:00+00", "2999-01-01T00:00:00Z");

    final TestDatabase db = TestDatabase.get();

    /**
     * The rule the CSV must follow: wherever a spreadsheet could start a cell inside the text (its start, or after a
     * ',' ';' TAB CR or LF, blanks and quotes skipped) a formula character, or the apostrophe itself, gets an apostrophe before it.
     */
    static String neutralised(String text) {
        StringBuilder sb = new StringBuilder();
        boolean cellStart = true;
        for (char c : text.toCharArray()) {
            if (cellStart && (FORMULA_START + "'").indexOf(c) >= 0) {
                sb.append('\'');
            }
            sb.append(c);
            cellStart = ",;\t\r\n".indexOf(c) >= 0 || (cellStart && (blank(c) || c == '"'));
        }
        return sb.toString();
    }

    @Provide
    Arbitrary<List<RawRow>> tables() {
        Arbitrary<String> text = Arbitraries.of(PIECES).list().ofMinSize(1).ofMaxSize(6).map(l -> String.join("", l))
                .map(t -> t.length() > 45 ? t.substring(0, 45) : t).injectNull(0.1); // ip_address is varchar(45)
        Arbitrary<Integer> trust = Arbitraries.oneOf(Arbitraries.integers().between(-100, 100),
                Arbitraries.of(Integer.MIN_VALUE, -Integer.MAX_VALUE)).injectNull(0.1);
        Arbitrary<RawRow> row = Combinators.combine(text, text, text, text, trust, Arbitraries.of(CREATED.keySet()),
                Arbitraries.of(EXPIRES.keySet())).as((device, ip, agent, location, t, created, expires) ->
                new RawRow(UUID.randomUUID(), UUID.randomUUID(), "tok-" + UUID.randomUUID(), expires, true, device, ip, agent, location, t,
                        created, created, null));
        return row.list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 20, shrinking = ShrinkingMode.OFF)
    void noCsvCellIsRunBySpreadsheetsAndEveryCellReadsBackAsItsNeutralisedText(@ForAll("tables") List<RawRow> table) throws Exception {
        db.resetTable();
        RawRow.insert(db.admin(), table);
        Path home = Files.createTempDirectory("csv-safe");
        CliRunner cli = new CliRunner(home);
        Map<String, RawRow> byId = new HashMap<>();
        table.forEach(r -> byId.put(r.id().toString(), r));

        Path file = home.resolve("sessions.csv");
        ok(cli.run("", "export", "--view", "sessions", "--out", file.toString()));
        String exported = Files.readString(file);
        assertNoCellIsAFormula(exported);
        // every CSV writer, to a file or a terminal, shows controls as escapes first; what is written is then neutralised
        assertSessionsReadBack(exported, byId);

        String printed = ok(cli.run("", "sessions", "--format", "csv")).out();
        assertNoCellIsAFormula(printed);
        assertSessionsReadBack(printed, byId);
        // one rule: the export and the printed rows are the same lines
        assertThat(printed.lines().toList()).isEqualTo(exported.lines().filter(l -> !l.startsWith("#")).toList());

        String summary = ok(cli.run("", "summary", "--by", "device", "--format", "csv")).out();
        assertNoCellIsAFormula(summary);
        List<String> keys = parse(summary, ',').stream().map(r -> r.get("key")).toList();
        List<String> expectedKeys = table.stream().map(RawRow::deviceId).distinct()
                .map(d -> d == null ? "" : neutralised(VisibleText.of(d))).toList();
        assertThat(keys).containsExactlyInAnyOrderElementsOf(expectedKeys);

        String history = ok(cli.run("", "history", "--user", table.get(0).userId().toString(), "--format", "csv")).out();
        assertNoCellIsAFormula(history);
        assertNoCellIsAFormula(ok(cli.run("", "findings", "--format", "csv")).out());
    }

    @org.junit.jupiter.api.Test
    void provenanceLinesAboveTheHeaderHoldNoCellThatASpreadsheetRuns() throws Exception {
        db.resetTable();
        Path home = Files.createTempDirectory("csv-provenance");
        Path file = home.resolve("filtered.csv");
        ok(new CliRunner(home).run("", "export", "--view", "sessions", "--filter", "text=x;=1+1\"@SUM(A1)", "--out", file.toString()));
        String exported = Files.readString(file);
        assertThat(exported.lines().filter(l -> l.startsWith("#"))).as(exported).hasSize(3);
        assertThat(exported).contains("x\\x3b=1+1\\x22@sum(a1)"); // the text filter is case-insensitive, so recorded folded
        assertNoCellIsAFormula(exported);
    }

    private static void assertSessionsReadBack(String csv, Map<String, RawRow> stored) throws Exception {
        List<CSVRecord> records = parse(csv, ',');
        assertThat(records).hasSize(stored.size());
        for (CSVRecord r : records) {
            RawRow want = stored.get(r.get("id"));
            assertThat(want).as("row %s", r.get("id")).isNotNull();
            assertThat(r.get("device_id")).isEqualTo(expected(want.deviceId()));
            assertThat(r.get("ip_address")).isEqualTo(expected(want.ipAddress()));
            assertThat(r.get("user_agent")).isEqualTo(expected(want.userAgent()));
            assertThat(r.get("location")).isEqualTo(expected(want.location()));
            assertThat(r.get("trust_level")).isEqualTo(expected(want.trustLevel() == null ? null : want.trustLevel().toString()));
            assertThat(r.get("created_at")).isEqualTo(expected(CREATED.get(want.createdAt())));
            assertThat(r.get("expires_at")).isEqualTo(expected(EXPIRES.get(want.expiresAt())));
        }
    }

    private static String expected(String stored) {
        return stored == null ? "" : neutralised(VisibleText.of(stored));
    }

    /**
     * Read as spreadsheets do with each delimiter, in both ways they treat quotes (a quote anywhere toggles quoting;
     * a quote counts only at the start of a cell, as Python's csv and Excel read it), with blanks before the text
     * trimmed: no cell may start with a formula character.
     */
    private static void assertNoCellIsAFormula(String csv) {
        for (char delimiter : new char[]{',', ';', '\t'}) {
            List<String> cells = new ArrayList<>(spreadsheetCells(csv, delimiter));
            cells.addAll(quotedOnlyAtStartCells(csv, delimiter));
            for (String cell : cells) {
                String text = cell.substring((int) cell.chars().takeWhile(ch -> blank((char) ch)).count());
                if (!text.isEmpty()) {
                    assertThat(FORMULA_START.indexOf(text.charAt(0))).as("a cell read with delimiter %s runs as a formula: %s\nin:\n%s",
                            delimiter == '\t' ? "TAB" : String.valueOf(delimiter), cell, csv).isLessThan(0);
                }
            }
        }
    }

    /** What an import may trim before a cell's text, as Python's str.strip does: Unicode white space and the C0 separators. */
    static boolean blank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    /** Cells where a quote opens quoting only as a cell's first character; elsewhere it is text. */
    static List<String> quotedOnlyAtStartCells(String csv, char delimiter) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.length() == 0) {
                quoted = true;
            } else if (c == delimiter || c == '\n' || c == '\r') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    @org.junit.jupiter.api.Test
    void aFormulaBehindAnyKindOfBlankIsNeutralised() throws Exception {
        db.resetTable();
        List<RawRow> rows = new ArrayList<>();
        for (String v : List.of("\u00a0=1+1", "\u3000=1+1", "\u000b=1+1", "\u000c-1", "\u001c+1", "\u0085@SUM(A1)", "\u2028=1",
                "a;\u00a0=1+1", "a;\u000b-1", "\u2007 =1")) {
            rows.add(RawRow.active("infinity").with("device_id", v).with("location", v));
        }
        RawRow.insert(db.admin(), rows);
        Path home = Files.createTempDirectory("csv-blanks");
        Path file = home.resolve("blanks.csv");
        ok(new CliRunner(home).run("", "export", "--view", "sessions", "--out", file.toString(), "--provenance", "none"));
        assertNoCellIsAFormula(Files.readString(file));
        Path devices = home.resolve("devices.csv");
        ok(new CliRunner(home).run("", "export", "--view", "devices", "--out", devices.toString(), "--provenance", "none"));
        assertNoCellIsAFormula(Files.readString(devices));
    }

    @org.junit.jupiter.api.Test
    void aFormulaAfterASeparatorInsideACellIsNeutralisedToo() throws Exception {
        db.resetTable();
        RawRow.insert(db.admin(), List.of(RawRow.active("infinity").with("location", "x;=cmd|' /C calc'!A0;y")
                .with("user_agent", "u\t=2+3\tz, -1+1").with("device_id", "a,  @SUM(A1)")));
        Path home = Files.createTempDirectory("csv-inner");
        Path file = home.resolve("inner.csv");
        ok(new CliRunner(home).run("", "export", "--view", "sessions", "--out", file.toString(), "--provenance", "sidecar"));
        String exported = Files.readString(file);
        assertNoCellIsAFormula(exported);
        assertThat(exported).contains("\"x;'=cmd|' /C calc'!A0;y\"").contains("\"a,  '@SUM(A1)\"");
        assertNoCellIsAFormula(ok(new CliRunner(home).run("", "sessions", "--format", "csv")).out());
    }

    /**
     * Cells as a spreadsheet's import splits them: a quote anywhere in a cell turns quoting on or off ("" inside
     * quotes is one quote), and the delimiter or a line break ends a cell only outside quotes.
     */
    static List<String> spreadsheetCells(String csv, char delimiter) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (c == '"' && quoted && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == delimiter || c == '\n' || c == '\r')) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static List<CSVRecord> parse(String csv, char delimiter) throws Exception {
        return CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setCommentMarker('#').setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
    }

    private static CliRunner.Run ok(CliRunner.Run r) {
        assertThat(r.code()).as(r.all()).isZero();
        return r;
    }
}
