package com.sessionconsole.audit;

import com.sessionconsole.support.CliRunner;
import com.sessionconsole.support.Rows;
import com.sessionconsole.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue #10 §3: the audit file is private, hash-chained, survives a torn line, and fails loudly when it cannot be written. */
class AuditLogTest {
    @TempDir
    Path home;

    private AuditLog logWith(int records) {
        AuditLog log = new AuditLog(home.resolve("data").resolve("audit.jsonl"));
        for (int i = 1; i <= records; i++) {
            log.append(intent("r" + i, "reason " + i));
        }
        return log;
    }

    /** An intent with only an id and a reason: the chain does not care what a record says. */
    private static AuditLine intent(String revokeId, String reason) {
        return new AuditLine.Intent(revokeId, null, null, null, null, null, null, null, reason);
    }

    @Test
    void theFileIsCreatedReadableByItsOwnerOnly() throws Exception {
        AuditLog log = logWith(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log.file()))).isEqualTo("rw-------");
    }

    @Test
    void anIntactChainVerifies() throws Exception {
        AuditLog log = logWith(4);
        assertThat(log.verify().ok()).isTrue();
        assertThat(log.verify().lines()).isEqualTo(4);
        CliRunner.Run r = new CliRunner(home.resolve("data")).run("", "audit", "verify");
        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.out()).contains("4 line(s), hash chain intact");
    }

    @Test
    void anEditedLineIsFoundAtTheNextLink() throws Exception {
        AuditLog log = logWith(4);
        List<String> lines = new ArrayList<>(Files.readAllLines(log.file()));
        lines.set(1, lines.get(1).replace("reason 2", "reason X"));
        Files.write(log.file(), lines);
        assertThat(log.verify().problem()).startsWith("line 3: the hash link does not match line 2");
        CliRunner.Run r = new CliRunner(home.resolve("data")).run("", "audit", "verify");
        assertThat(r.code()).isEqualTo(9);
        assertThat(r.err()).contains("BROKEN at line 3");
    }

    @Test
    void aDeletedLineIsFound() throws Exception {
        AuditLog log = logWith(4);
        List<String> lines = new ArrayList<>(Files.readAllLines(log.file()));
        lines.remove(1);
        Files.write(log.file(), lines);
        assertThat(log.verify().problem()).startsWith("line 2: the hash link does not match line 1");
        lines.remove(0);
        Files.write(log.file(), lines);
        assertThat(log.verify().problem()).contains("lines before it were deleted");
    }

    @Test
    void aTruncatedLineIsFoundAndTheNextRecordStartsOnItsOwnLine() throws Exception {
        AuditLog log = logWith(3);
        byte[] all = Files.readAllBytes(log.file());
        Files.write(log.file(), java.util.Arrays.copyOf(all, all.length - 20)); // a crash mid-write
        assertThat(log.verify().problem()).startsWith("line 3 is not a complete record");
        log.append(intent("after-crash", null));
        List<String> lines = Files.readAllLines(log.file());
        assertThat(lines).hasSize(4);
        assertThat(lines.get(3)).startsWith("{\"record\":\"intent\",\"revoke_id\":\"after-crash\"");
    }

    @Test
    void lineEndingsConvertedToCrlfAndBytesThatAreNotUtf8AreEdits() throws Exception {
        AuditLog log = logWith(3);
        byte[] original = Files.readAllBytes(log.file());
        Files.writeString(log.file(), new String(original, StandardCharsets.UTF_8).replace("\n", "\r\n"));
        assertThat(log.verify().problem()).startsWith("line 2: the hash link does not match line 1");
        byte[] bad = original.clone();
        bad[new String(original, StandardCharsets.UTF_8).indexOf("reason 2") + 7] = (byte) 0xff;
        Files.write(log.file(), bad);
        assertThat(log.verify().problem()).isEqualTo("line 2 is not valid UTF-8: it was edited");
    }

    @Test
    void aFullDiskIsAnErrorWithThePathAndTheOsMessage() throws Exception {
        // through a linked folder: a link in place of the file itself is refused before any write
        Path dev = Files.createSymbolicLink(home.resolve("dev"), Path.of("/dev"));
        Path file = dev.resolve("full");
        AuditLog log = new AuditLog(file);
        assertThatThrownBy(() -> log.append(intent(null, null)))
                .isInstanceOf(AuditLog.AuditLogException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("No space left on device");
    }

    @Test
    void aFolderInPlaceOfTheFileIsAnError() throws Exception {
        Path file = home.resolve("audit.jsonl");
        Files.createDirectories(file);
        assertThatThrownBy(() -> new AuditLog(file).append(intent(null, null)))
                .isInstanceOf(AuditLog.AuditLogException.class).hasMessageContaining(file.toString());
    }

    @Test
    void linesWrittenBeforeTheChainAreReportedAsUncheckable() throws Exception {
        Path file = home.resolve("data").resolve("audit.jsonl");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"time\":\"2026-01-01T00:00:00Z\",\"revoked\":[]}\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE);
        AuditLog log = new AuditLog(file);
        log.append(intent(null, null));
        AuditLog.Verification v = log.verify();
        assertThat(v.ok()).isTrue();
        assertThat(v.unchainedLegacyLines()).isEqualTo(1);
    }

    @Test
    void aSymlinkedAuditLogIsRefusedNamingTheLinkAndItsTargetWhichIsLeftAlone() throws Exception {
        Path elsewhere = Files.writeString(home.resolve("elsewhere.txt"), "someone else's file\n");
        Path file = home.resolve("audit.jsonl");
        Files.createSymbolicLink(file, elsewhere);
        assertThatThrownBy(() -> new AuditLog(file).append(intent(null, null)))
                .isInstanceOf(AuditLog.AuditLogException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining(elsewhere.toString()).hasMessageContaining("symbolic link");
        assertThat(Files.readString(elsewhere)).isEqualTo("someone else's file\n");
    }

    @Test
    void aRevokeWithASymlinkedAuditLogExitsSevenAndRevokesNothing() throws Exception {
        TestDatabase db = TestDatabase.get();
        java.util.UUID session = java.util.UUID.randomUUID();
        db.resetTable().insert(List.of(Rows.active(java.util.UUID.randomUUID(), java.time.Instant.now()).id(session).build()));
        Path elsewhere = Files.writeString(home.resolve("elsewhere.txt"), "");
        Files.createSymbolicLink(home.resolve("audit.jsonl"), elsewhere);
        CliRunner.Run r = new CliRunner(home).run("", "revoke", "--ids", session.toString(), "--reason", "x", "--yes");
        assertThat(r.code()).as(r.all()).isEqualTo(7);
        assertThat(r.err()).contains("symbolic link").contains(elsewhere.toString());
        assertThat(db.count("SELECT count(*) FROM public.user_sessions WHERE id = ? AND is_active", session)).isEqualTo(1);
        assertThat(Files.readString(elsewhere)).isEmpty();
    }
}
