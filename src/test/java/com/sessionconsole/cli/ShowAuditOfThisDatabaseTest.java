package com.sessionconsole.cli;

import com.sessionconsole.files.Json;
import com.sessionconsole.support.CliRunner;
import com.sessionconsole.support.Rows;
import com.sessionconsole.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code show ID} lists the revokes of the connected server and database only: the same id elsewhere is another session. */
class ShowAuditOfThisDatabaseTest {
    TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;

    @Test
    void aRevokeRecordedAgainstAnotherDatabaseIsLeftOutAndSaidSo() throws Exception {
        var writer = db.resetTable();
        var row = Rows.active(UUID.randomUUID(), Instant.now()).build();
        writer.insert(List.of(row));
        CliRunner cli = new CliRunner(home);
        CliRunner.Run revoked = cli.run("", "revoke", "--ids", row.id().toString(), "--reason", "revoked here", "--yes");
        assertThat(revoked.code()).as(revoked.all()).isZero();
        Path log = cli.dirs().auditLog();
        // the same id, revoked on another server: the analyst's log holds every server's revokes
        StringBuilder elsewhere = new StringBuilder();
        for (String line : Files.readAllLines(log)) {
            Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) Json.parse(line));
            m.put("revoke_id", "elsewhere-" + m.get("revoke_id"));
            if (m.containsKey("server")) {
                m.put("server", "analyst@other-host.example:5432/otherdb");
                m.put("reason", "revoked on another database");
            }
            elsewhere.append(Json.write(m)).append('\n');
        }
        Files.writeString(log, elsewhere, StandardOpenOption.APPEND);

        CliRunner.Run shown = cli.run("", "show", row.id().toString(), "--format", "json");
        assertThat(shown.code()).as(shown.all()).isZero();
        List<?> audit = (List<?>) ((Map<?, ?>) ((List<?>) Json.parse(shown.out())).get(0)).get("audit");
        assertThat(audit).hasSize(1);
        assertThat(((Map<?, ?>) audit.get(0)).get("reason")).isEqualTo("revoked here");
        assertThat(shown.out()).doesNotContain("another database").doesNotContain("other-host");
        assertThat(shown.err()).contains("1 revoke(s)").contains("another server/database");
    }
}
