package com.sessionconsole.security;

import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.Timestamps;
import com.sessionconsole.domain.TokenMask;
import com.sessionconsole.domain.VisibleText;
import com.sessionconsole.export.CsvExport;
import com.sessionconsole.export.ExportFile;
import com.sessionconsole.files.Json;
import com.sessionconsole.export.ProvenancePlacement;
import com.sessionconsole.ui.SessionCopyText;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import com.sessionconsole.files.ExportColumns;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hostile stored values through copy (TSV, CSV, value) and the export's provenance sidecar. */
class HostileValuesInCopyAndSidecarTest {
    static final String FORMULA_START = "=+-@\t\r";

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of("=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "\n=1", "\u202e", "\u2066", "\u200b",
                        "\u0085", "\u2028", "\u2029", "\u001b[2J", "\u007f", "\u009b", "\ufeff", "\"", ",", "\t", "\r\n", "\n", "\\x09",
                        "1.2.3.4", "::ffff:10.0.0.1", "10.0.0.300", "fe80::1%eth0", "\uDC00", "\uD800", "\uDB40\uDC41", "'", ";"),
                Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(6),
                Arbitraries.strings().all().ofMaxLength(4));
        return pieces.list().ofMaxSize(8).map(l -> String.join("", l)).injectNull(0.1);
    }

    private static Session session(String device, String ip, String agent, String location, String head, String tail, Instant t) {
        return new Session(UUID.randomUUID(), UUID.randomUUID(), TokenMask.of(head, tail, 40), t, true, device, ip, agent, location,
                null, t, t, null, 1);
    }

    private static void noHostileAndNoFormula(String cell) {
        cell.codePoints().forEach(c -> assertThat(VisibleText.isHostile(c)).as("raw hostile U+%04X in %s", c, cell).isFalse());
        if (!cell.isEmpty()) {
            assertThat(FORMULA_START.indexOf(cell.charAt(0))).as("formula start: %s", cell).isLessThan(0);
        }
    }

    @Property(tries = 300)
    void copiedTsvHasOneLinePerRowAndACellPerColumnWhateverTheValues(@ForAll("hostile") String a, @ForAll("hostile") String b,
                                                             @ForAll("hostile") String c, @ForAll("hostile") String d,
                                                             @ForAll("hostile") String head) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        List<Session> rows = List.of(session(a, b, c, d, head, a, t), session(d, c, b, a, b, head, Timestamps.INFINITY));
        String tsv = SessionCopyText.tsv(rows);
        String[] lines = tsv.split("\n", -1);
        assertThat(lines).hasSize(4); // header, two rows, and the final newline
        assertThat(lines[3]).isEmpty();
        for (int i = 1; i <= 2; i++) {
            String[] cells = lines[i].split("\t", -1);
            assertThat(cells).hasSize(ExportColumns.SESSIONS.size());
            for (String cell : cells) {
                noHostileAndNoFormula(cell);
            }
        }
    }

    @Property(tries = 300)
    void copiedCsvParsesBackToTheSameRowsAndColumns(@ForAll("hostile") String a, @ForAll("hostile") String b, @ForAll("hostile") String c) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        List<Session> rows = List.of(session(a, b, c, a, b, c, t), session(c, a, b, b, c, a, t));
        List<CSVRecord> records;
        try {
            records = CSVFormat.DEFAULT.parse(new StringReader(SessionCopyText.csv(rows))).getRecords();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertThat(records).hasSize(3);
        for (CSVRecord r : records.subList(1, 3)) {
            assertThat(r.size()).isEqualTo(ExportColumns.SESSIONS.size());
            r.forEach(HostileValuesInCopyAndSidecarTest::noHostileAndNoFormula);
        }
    }

    @Property(tries = 300)
    void copiedValueIsEscapedAndNeutralised(@ForAll("hostile") String a) {
        noHostileAndNoFormula(SessionCopyText.value(a));
    }

    @Test
    void theSidecarPathBeingAFolderRefusesTheExportAndLeavesTheEarlierExportAsItWas() throws Exception {
        Path dir = Files.createTempDirectory("rt15-sidecar");
        Path file = dir.resolve("out.csv");
        Files.writeString(file, "earlier export\n");
        Files.createDirectory(ExportFile.sidecarOf(file));
        CsvExport.Provenance p = new CsvExport.Provenance("me", Instant.now(), "db", "sessions", "none");
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        assertThatThrownBy(() -> CsvExport.sessions(file, List.of(session("d", "1.2.3.4", "ua", "x", "abcd", "wxyz", t)), p,
                ProvenancePlacement.SIDECAR, false, CsvExport.Progress.NONE)).hasMessageContaining("nothing was exported");
        assertThat(Files.readString(file)).isEqualTo("earlier export\n");
        try (var list = Files.list(dir)) {
            assertThat(list.map(x -> x.getFileName().toString()).toList()).containsExactlyInAnyOrder("out.csv", "out.csv.provenance.json");
        }
    }

    @Test
    void aHostileFilterAndFileNameCannotAddAKeyToTheSidecar() throws Exception {
        Path dir = Files.createTempDirectory("rt15-sidecar-keys");
        Path file = dir.resolve("a\",\"sha256\":\"0\u202e.csv");
        String filter = "device = \"x\",\"rows\":999,\"exported_by\":\"root\u2028\u0000";
        CsvExport.Provenance p = new CsvExport.Provenance("me", Instant.now(), "db", "sessions", filter);
        CsvExport.sessions(file, List.of(), p, ProvenancePlacement.SIDECAR, false, CsvExport.Progress.NONE);
        String text = Files.readString(ExportFile.sidecarOf(file));
        assertThat(text.strip()).doesNotContain("\n", "\u2028", "\u202e");
        Map<?, ?> m = (Map<?, ?>) Json.parse(text);
        assertThat(m.keySet().stream().map(Object::toString).toList()).containsExactly("exported_by", "at", "server", "view", "filter", "rows", "file", "sha256");
        assertThat(m.get("filter")).isEqualTo(filter);
        assertThat(m.get("rows")).isEqualTo(0);
        assertThat(m.get("file")).isEqualTo(file.getFileName().toString());
    }

    @Test
    void provenancePlacementIsCaseInsensitiveButNothingElse() {
        assertThat(ProvenancePlacement.parse("SideCar")).isEqualTo(ProvenancePlacement.SIDECAR);
        for (String bad : List.of("", " header", "header ", "side car", "sidecar\u0000", "json")) {
            assertThatThrownBy(() -> ProvenancePlacement.parse(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> ProvenancePlacement.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    /** PostgreSQL's '-infinity' pasted into a spreadsheet is read as the formula =-infinity (#NAME?), not as the value. */
    @Test
    void minusInfinityIsCopiedAsTextNotAFormula() {
        Session s = new Session(UUID.randomUUID(), UUID.randomUUID(), TokenMask.of("abcd", "wxyz", 40), Timestamps.MINUS_INFINITY, true,
                "d", "1.2.3.4", "ua", "x", 50, Timestamps.MINUS_INFINITY, null, null, 1);
        for (String cell : SessionCopyText.tsv(List.of(s)).strip().split("\t", -1)) {
            noHostileAndNoFormula(cell);
        }
        noHostileAndNoFormula(SessionCopyText.value(Timestamps.MINUS_INFINITY));
    }
}
