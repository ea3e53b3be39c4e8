package com.sessionconsole.audit;

import com.sessionconsole.support.ChildJvm;
import com.sessionconsole.support.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What `audit` and `audit verify` read: only the regular file at the audit log's path, never through a link, one
 * bounded line at a time; a log that is not there is not intact; every error names the file and the reason.
 */
class AuditLogReadsTest {
    @TempDir
    Path home;

    private Path auditFile() {
        return home.resolve("audit.jsonl");
    }

    private static void appendRecords(Path file, int records) {
        AuditLog log = new AuditLog(file);
        for (int i = 1; i <= records; i++) {
            log.append(new AuditLine.Intent("r" + i, Instant.now(), null, null, null, null,
                    new AuditLine.Criteria(null, null, List.of()), List.of(), "test"));
        }
    }

    private CliRunner.Run cli(String... args) {
        return new CliRunner(home).run("", args);
    }

    @Test
    void aLinkToAnotherValidLogIsRefusedByAuditAndVerify() throws Exception {
        Path other = home.resolve("other").resolve("audit.jsonl");
        appendRecords(other, 4);
        Files.createSymbolicLink(auditFile(), other);
        CliRunner.Run verify = cli("audit", "verify");
        assertThat(verify.code()).as(verify.all()).isEqualTo(9);
        assertThat(verify.out()).doesNotContain("intact");
        assertThat(verify.err()).contains(auditFile().toString()).contains("symbolic link").contains(other.toString());
        CliRunner.Run print = cli("audit");
        assertThat(print.code()).as(print.all()).isNotZero();
        assertThat(print.out()).as("nothing of the other log is printed").isEmpty();
        assertThat(print.err()).contains(auditFile().toString()).contains("symbolic link");
    }

    @Test
    void aDanglingLinkIsRefused() throws Exception {
        Files.createSymbolicLink(auditFile(), home.resolve("gone.jsonl"));
        CliRunner.Run verify = cli("audit", "verify");
        assertThat(verify.code()).as(verify.all()).isEqualTo(9);
        assertThat(verify.err()).contains("symbolic link").contains(auditFile().toString());
    }

    @Test
    void aMissingLogIsNotIntact() throws Exception {
        CliRunner.Run never = cli("audit", "verify");
        assertThat(never.code()).as(never.all()).isEqualTo(9);
        assertThat(never.all()).contains("no audit log at " + auditFile()).doesNotContain("intact");
        appendRecords(auditFile(), 2);
        Files.delete(auditFile());
        CliRunner.Run deleted = cli("audit", "verify");
        assertThat(deleted.code()).as(deleted.all()).isEqualTo(9);
        assertThat(deleted.all()).contains("no audit log at " + auditFile());
    }

    @Test
    void anEmptiedLogIsNotIntactAndVerifySaysWhatItCannotSee() throws Exception {
        appendRecords(auditFile(), 2);
        CliRunner.Run whole = cli("audit", "verify");
        assertThat(whole.code()).as(whole.all()).isZero();
        assertThat(whole.out()).contains("hash chain intact").contains("records removed from its end would not show here");
        Files.writeString(auditFile(), "");
        CliRunner.Run emptied = cli("audit", "verify");
        assertThat(emptied.code()).as(emptied.all()).isEqualTo(9);
        assertThat(emptied.err()).contains("BROKEN at line 1: the log is empty, so its records were removed");
    }

    @Test
    void aLineLongerThanOneMebibyteIsNamed() throws Exception {
        appendRecords(auditFile(), 2);
        byte[] huge = new byte[(1 << 20) + 10];
        Arrays.fill(huge, (byte) 'a');
        Files.write(auditFile(), huge, StandardOpenOption.APPEND);
        Files.writeString(auditFile(), "\n", StandardOpenOption.APPEND);
        CliRunner.Run verify = cli("audit", "verify");
        assertThat(verify.code()).as(verify.all()).isEqualTo(9);
        assertThat(verify.err()).contains("BROKEN at line 3: longer than 1 MiB");
        CliRunner.Run print = cli("audit");
        assertThat(print.code()).as(print.all()).isEqualTo(1);
        assertThat(print.err()).contains(auditFile().toString()).contains("line 3").contains("longer than 1 MiB");
        assertThat(print.err().lines().toList()).hasSize(1);
    }

    @Test
    void somethingOtherThanARegularFileIsNeverRead() throws Exception {
        Files.createDirectories(auditFile());
        for (List<String> command : List.of(List.of("audit"), List.of("audit", "verify"))) {
            CliRunner.Run r = cli(command.toArray(String[]::new));
            assertThat(r.code()).as(r.all()).isIn(1, 9).isEqualTo(command.size() == 1 ? 1 : 9);
            assertThat(r.err()).as(r.all()).contains(auditFile() + " is not a regular file");
        }
        Files.delete(auditFile());
        assertThat(new ProcessBuilder("mkfifo", auditFile().toString()).start().waitFor()).isZero();
        CliRunner.Run fifo = cli("audit", "verify"); // a FIFO with no writer would block a read forever
        assertThat(fifo.code()).as(fifo.all()).isEqualTo(9);
        assertThat(fifo.err()).contains(auditFile() + " is not a regular file");
        Path dev = Files.createSymbolicLink(home.resolve("dev"), Path.of("/dev"));
        AuditLog zero = new AuditLog(dev.resolve("zero")); // a device, reached through a linked folder
        org.assertj.core.api.Assertions.assertThatThrownBy(zero::verify).hasMessageContaining(dev.resolve("zero") + " is not a regular file");
        org.assertj.core.api.Assertions.assertThatThrownBy(zero::lines).hasMessageContaining(dev.resolve("zero") + " is not a regular file");
    }

    @Test
    void aHugeLineIsReadInASmallHeap() throws Exception {
        Path data = home.resolve("data");
        appendRecords(data.resolve("audit.jsonl"), 1);
        byte[] chunk = new byte[1 << 20];
        Arrays.fill(chunk, (byte) 'x');
        try (OutputStream out = Files.newOutputStream(data.resolve("audit.jsonl"), StandardOpenOption.APPEND)) {
            for (int i = 0; i < 96; i++) {
                out.write(chunk);
            }
            out.write("\n".getBytes(StandardCharsets.UTF_8));
        }
        Map<String, String> props = Map.of("session-console.home", home.toString());
        ChildJvm.Result verify = ChildJvm.main(home, List.of("-Xmx32m"), props, "audit", "verify");
        assertThat(verify.code()).as(verify.err()).isEqualTo(9);
        assertThat(verify.err()).contains("BROKEN at line 2: longer than 1 MiB").doesNotContain("memory");
        ChildJvm.Result print = ChildJvm.main(home, List.of("-Xmx32m"), props, "audit");
        assertThat(print.code()).as(print.err()).isEqualTo(1);
        assertThat(print.err()).contains("line 2").contains("longer than 1 MiB").doesNotContain("memory");
        assertThat(print.stackFrames()).isEmpty();
    }
}
