package com.sessionconsole.export;

import com.sessionconsole.support.ActiveSql;
import com.sessionconsole.cli.ExitCodes;
import com.sessionconsole.workspace.Workspace;
import com.sessionconsole.demo.SessionGenerator;
import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.NewSession;
import com.sessionconsole.export.ui.ExportViewModel;
import com.sessionconsole.live.FilterParser;
import com.sessionconsole.support.CliRunner;
import com.sessionconsole.support.HeadlessConsole;
import com.sessionconsole.support.TestDatabase;
import com.sessionconsole.support.TestWorkspace;
import com.sessionconsole.files.ExportColumns;
import com.sessionconsole.files.Json;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue #15, 11: the provenance of an export as '#' lines, in a sidecar file for spreadsheets, or not at all; CLI and window. */
class ExportProvenanceTest {
    private static final String ACTIVE = "SELECT id::text FROM public.user_sessions WHERE " + ActiveSql.WHERE;
    TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;
    CliRunner cli;
    List<NewSession> rows = new ArrayList<>();

    @BeforeEach
    void fill() {
        var writer = db.resetTable();
        new SessionGenerator(15, 1500, 1200, Instant.now()).rows().forEachRemaining(rows::add);
        writer.insert(rows);
        cli = new CliRunner(home);
    }

    /** Plain CSV, as a spreadsheet reads it: no comment marker, the first line is the header. */
    private static List<CSVRecord> plainCsv(Path file) throws Exception {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(file))).getRecords();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Path file) throws Exception {
        return (Map<String, Object>) Json.parse(Files.readString(file));
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private List<String> activeIds(String where) {
        return db.query(ACTIVE + where).stream().map(r -> r.get(0)).toList();
    }

    @Test
    void headerIsTheDefaultAndWritesNoSidecar() throws Exception {
        Path file = home.resolve("all.csv");
        assertThat(cli.run("", "export", "--view", "sessions", "--out", file.toString()).code()).isZero();
        String text = Files.readString(file);
        assertThat(text).startsWith("# Session Console export of view 'sessions'").contains("rows=" + activeIds("").size());
        assertThat(ExportFile.sidecarOf(file)).doesNotExist();
    }

    @Test
    void sidecarLeavesAPlainCsvAndDescribesItInJson() throws Exception {
        Path file = home.resolve("nat.csv");
        CliRunner.Run run = cli.run("", "export", "--view", "sessions", "--filter", "ip=203.0.113.0/24", "--provenance", "sidecar",
                "--out", file.toString());
        assertThat(run.code()).as(run.all()).isZero();
        assertThat(run.err()).contains("provenance in " + ExportFile.sidecarOf(file));
        List<String> expected = activeIds(" AND ip_address LIKE '203.0.113.%'");
        assertThat(Files.readAllLines(file)).noneMatch(l -> l.startsWith("#")).first().isEqualTo(String.join(",", ExportColumns.SESSIONS));
        assertThat(plainCsv(file)).extracting(r -> r.get("id")).containsExactlyInAnyOrderElementsOf(expected).isNotEmpty();

        Path sidecar = home.resolve("nat.csv.provenance.json");
        Map<String, Object> prov = json(sidecar);
        assertThat(prov).containsEntry("view", "sessions").containsEntry("file", "nat.csv").containsEntry("sha256", sha256(file))
                .containsKeys("exported_by", "at", "server");
        assertThat((String) prov.get("filter")).contains("203.0.113.0/24");
        assertThat(((Number) prov.get("rows")).intValue()).isEqualTo(expected.size());
        String sidecarText = Files.readString(sidecar);
        rows.forEach(r -> assertThat(sidecarText).doesNotContain(r.sessionToken()));
    }

    @Test
    void hostileFilterTextIsEscapedInTheSidecar() throws Exception {
        Path file = home.resolve("hostile.csv");
        String location = "berlin\u202e\u001b]0;x";
        assertThat(cli.run("", "export", "--view", "users", "--filter", "location=" + location, "--provenance", "sidecar",
                "--out", file.toString()).code()).isZero();
        String raw = Files.readString(ExportFile.sidecarOf(file));
        assertThat(raw).doesNotContain("\u202e").doesNotContain("\u001b").contains("\\u202e");
        assertThat((String) json(ExportFile.sidecarOf(file)).get("filter")).contains(location);
    }

    @Test
    void noneWritesNeitherHeaderNorSidecar() throws Exception {
        Path file = home.resolve("ips.csv");
        assertThat(cli.run("", "export", "--view", "ips", "--provenance", "none", "--out", file.toString()).code()).isZero();
        assertThat(Files.readAllLines(file)).noneMatch(l -> l.startsWith("#")).first().isEqualTo(String.join(",", ExportColumns.GROUPS));
        assertThat(plainCsv(file)).isNotEmpty();
        assertThat(ExportFile.sidecarOf(file)).doesNotExist();
    }

    @Test
    void anEarlierSidecarIsRemovedWhenTheFileIsExportedAgainWithoutOne() throws Exception {
        Path file = home.resolve("again.csv");
        assertThat(cli.run("", "export", "--view", "sessions", "--provenance", "sidecar", "--out", file.toString()).code()).isZero();
        assertThat(ExportFile.sidecarOf(file)).exists();
        assertThat(cli.run("", "export", "--view", "devices", "--provenance", "none", "--out", file.toString()).code()).isZero();
        assertThat(ExportFile.sidecarOf(file)).as("it would describe the sessions, not these devices").doesNotExist();
    }

    @Test
    void aSidecarThatCannotBeWrittenFailsTheExportAndLeavesTheOldFileAlone() throws Exception {
        Path file = home.resolve("blocked.csv");
        Files.writeString(file, "old contents\n");
        Files.createDirectories(ExportFile.sidecarOf(file).resolve("in-the-way"));
        CliRunner.Run run = cli.run("", "export", "--view", "sessions", "--provenance", "sidecar", "--out", file.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("cannot write the provenance sidecar").contains("is a folder").contains("nothing was exported");
        assertThat(Files.readString(file)).isEqualTo("old contents\n");
        try (var left = Files.list(home)) {
            assertThat(left).noneMatch(p -> p.getFileName().toString().endsWith(".part"));
        }
    }

    @Test
    void aBadValueNamesTheAllowedOnesAndWritesNothing() {
        Path file = home.resolve("bad.csv");
        CliRunner.Run run = cli.run("", "export", "--view", "sessions", "--provenance", "footer", "--out", file.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--provenance").contains("'footer'").contains("header, sidecar or none");
        assertThat(file).doesNotExist();
    }

    @Test
    void jsonKeepsItsProvenanceInsideWritesASidecarAsWellAndRefusesNone() throws Exception {
        Path file = home.resolve("users.json");
        assertThat(cli.run("", "export", "--view", "users", "--format", "json", "--provenance", "sidecar", "--out", file.toString())
                .code()).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> inside = (Map<String, Object>) json(file).get("provenance");
        Map<String, Object> beside = json(ExportFile.sidecarOf(file));
        assertThat(beside).containsAllEntriesOf(inside).containsEntry("file", "users.json").containsEntry("sha256", sha256(file));

        Path none = home.resolve("none.json");
        CliRunner.Run run = cli.run("", "export", "--view", "users", "--format", "json", "--provenance", "none", "--out", none.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("JSON export always carries its provenance").contains("CSV only");
        assertThat(none).doesNotExist();
    }

    @Test
    void theWindowsSpreadsheetChoiceWritesAPlainCsvAndItsSidecar() throws Exception {
        try (Workspace ws = TestWorkspace.open(home)) {
            HeadlessConsole console = new HeadlessConsole(ws, home.resolve("watchlist.txt"), Clock.systemUTC()).start();
            console.vm.live().setVisibleGroup(GroupBy.IP);
            console.vm.live().filter().input(FilterParser.Field.IP).set("203.0.113.0/24");
            var spreadsheet = ExportViewModel.FileChoice.fileTypes().get(0);
            assertThat(spreadsheet.description()).contains("sidecar").contains("spreadsheets");
            Path file = home.resolve("by-ip.csv");
            console.vm.export().export(file, GroupBy.IP, ExportViewModel.FileChoice.placementOf(spreadsheet));
            assertThat(console.vm.messages().textProperty().get()).startsWith("Exported").contains("by-ip.csv.provenance.json");

            List<CSVRecord> recs = plainCsv(file);
            assertThat(Files.readAllLines(file)).noneMatch(l -> l.startsWith("#"));
            assertThat(recs).extracting(r -> r.get("key")).containsExactlyElementsOf(
                    console.vm.live().groups(GroupBy.IP).stream().map(g -> g.key()).toList()).isNotEmpty();
            Map<String, Object> prov = json(ExportFile.sidecarOf(file));
            assertThat(prov).containsEntry("view", "by IP").containsEntry("rows", recs.size()).containsEntry("sha256", sha256(file));
            assertThat((String) prov.get("filter")).contains("203.0.113.0/24");

            var scripts = ExportViewModel.FileChoice.fileTypes().get(1);
            Path header = home.resolve("with-header.csv");
            console.vm.export().export(header, GroupBy.IP, ExportViewModel.FileChoice.placementOf(scripts));
            assertThat(Files.readString(header)).startsWith("# Session Console export of view 'by IP'");
            assertThat(ExportFile.sidecarOf(header)).doesNotExist();
            console.close();
        }
    }
}
