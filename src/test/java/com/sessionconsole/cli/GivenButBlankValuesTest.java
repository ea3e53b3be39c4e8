package com.sessionconsole.cli;

import com.sessionconsole.db.SessionWriter;
import com.sessionconsole.support.CliRunner;
import com.sessionconsole.support.Rows;
import com.sessionconsole.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A filter option given with a blank value (an empty shell variable) is exit 2, never "every row". */
class GivenButBlankValuesTest {
    TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;

    @BeforeEach
    void fill() {
        SessionWriter writer = db.resetTable();
        Instant now = Instant.now();
        writer.insert(List.of(Rows.active(UUID.randomUUID(), now).location("Berlin, DE").device("dev-1").build(),
                Rows.active(UUID.randomUUID(), now).location("Paris, FR").device("dev-2").build()));
    }

    private CliRunner.Run run(String... args) {
        return new CliRunner(home).run("", args);
    }

    private void refused(String option, String... args) {
        CliRunner.Run r = run(args);
        assertThat(r.code()).as(String.join(" ", args) + "\n" + r.all()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.out()).as(String.join(" ", args)).isEmpty();
        assertThat(r.err().lines().toList()).as(r.err()).hasSize(2);
        assertThat(r.err()).startsWith("error: " + option + ": the value is empty").contains("hint: ");
    }

    @Test
    void everyFilterOptionOfSessionsRefusesABlankValue() {
        refused("--location", "sessions", "--location", "");
        refused("--text", "sessions", "--text", "");
        refused("--text", "sessions", "--text", "   ");
        refused("--trust-max", "sessions", "--trust-max", "");
        refused("--created-within", "sessions", "--created-within", "");
        refused("--expires-within", "sessions", "--expires-within", "");
        refused("--device", "sessions", "--device", "");
        refused("--ip", "sessions", "--ip", " ");
        refused("--user", "summary", "--by", "ip", "--user", "");
        assertThat(run("sessions", "--location", "berlin", "--format", "csv").out().lines().count()).isEqualTo(2);
    }

    @Test
    void revokeAndHistoryRefuseABlankKeyInsteadOfFindingNothing() {
        refused("--device", "revoke", "--device", "", "--reason", "test", "--dry-run");
        refused("--user", "revoke", "--user", " ", "--reason", "test", "--dry-run");
        refused("--ip", "revoke", "--ip", "", "--reason", "test", "--dry-run");
        refused("--device", "history", "--device", "");
        refused("--user", "history", "--user", "");
        refused("--ip", "history", "--ip", "");
    }

    @Test
    void exportRefusesABlankFilterInsteadOfWritingEveryRow() {
        refused("--filter ip", "export", "--view", "sessions", "--filter", "ip=", "--out", "-");
        refused("--filter", "export", "--view", "sessions", "--filter", "", "--out", "-");
        refused("--location", "export", "--view", "sessions", "--location", "", "--out", "-");
        CliRunner.Run ok = run("export", "--view", "sessions", "--filter", "location=paris", "--out", "-", "--provenance", "none");
        assertThat(ok.code()).as(ok.all()).isZero();
        assertThat(ok.out()).contains("Paris").doesNotContain("Berlin");
    }

    @Test
    void theWindowsNarrowingFlagsRefuseABlankValueBeforeTheWindowOpens() {
        refused("--where-ip", "--where-ip", "");
        refused("--where-location", "--where-location", " ");
        CliRunner cli = new CliRunner(home);
        assertThat(cli.run("", "--where-user", "").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.launchedWith()).isNull();
    }
}
