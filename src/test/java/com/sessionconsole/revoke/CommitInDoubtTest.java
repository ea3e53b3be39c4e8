package com.sessionconsole.revoke;

import com.sessionconsole.audit.AuditLog;
import com.sessionconsole.db.ConnectionSettings;
import com.sessionconsole.db.DatabaseException;
import com.sessionconsole.db.JdbcUrl;
import com.sessionconsole.db.SessionWriter;
import com.sessionconsole.domain.NewSession;
import com.sessionconsole.domain.RevokeCriteria;
import com.sessionconsole.workspace.Workspace;
import com.sessionconsole.support.ChildJvm;
import com.sessionconsole.support.CuttingProxy;
import com.sessionconsole.support.Rows;
import com.sessionconsole.support.TestDatabase;
import com.sessionconsole.support.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue #14 §5: when the connection drops during COMMIT, the console does not guess. It reads the
 * confirmed ids again on the primary and says exactly which are inactive and which are still active.
 */
class CommitInDoubtTest {
    TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;
    List<NewSession> rows = new ArrayList<>();

    @BeforeEach
    void fill() {
        SessionWriter writer = db.resetTable();
        for (int i = 0; i < 3; i++) {
            rows.add(Rows.active(UUID.randomUUID(), Instant.now()).build());
        }
        writer.insert(rows);
    }

    private Set<UUID> ids() {
        return Set.of(rows.get(0).id(), rows.get(1).id());
    }

    private long active(UUID id) {
        return db.count("SELECT count(*) FROM public.user_sessions WHERE id = ? AND is_active", id);
    }

    private RevocationService.Outcome revokeThrough(CuttingProxy.Cut cut) throws Exception {
        JdbcUrl u = JdbcUrl.parse(db.url());
        try (CuttingProxy proxy = new CuttingProxy(u.port())) {
            ConnectionSettings viaProxy = new ConnectionSettings(JdbcUrl.of("127.0.0.1", proxy.port(), u.database()),
                    db.settings().user(), null, null, false, null, null, false);
            try (Workspace ws = TestWorkspace.open(home, viaProxy, Set.of())) {
                proxy.arm(cut);
                return ws.revocation().revoke(RevokeCriteria.ids(ids()), List.of(), "in doubt", "test");
            }
        }
    }

    @Test
    void aCommitThatReachedTheServerIsResolvedAsRevoked() throws Exception {
        RevocationService.Outcome o = revokeThrough(CuttingProxy.Cut.AFTER_COMMIT);
        assertThat(o.note()).contains("dropped during COMMIT").contains("resolved as revoked");
        assertThat(o.result().revoked()).containsExactlyInAnyOrderElementsOf(ids());
        assertThat(o.result().stillActive()).isEmpty();
        ids().forEach(id -> assertThat(active(id)).isZero());
        List<String> audit = Files.readAllLines(home.resolve("audit.jsonl"));
        assertThat(audit).hasSize(2);
        assertThat(audit.get(1)).contains("\"status\":\"in doubt, then resolved as revoked\"");
    }

    @Test
    void aCommitThatNeverReachedTheServerIsResolvedAsNotRevoked() throws Exception {
        RevocationService.Outcome o = revokeThrough(CuttingProxy.Cut.BEFORE_COMMIT);
        assertThat(o.note()).contains("resolved as not revoked");
        assertThat(o.result().revoked()).isEmpty();
        assertThat(o.result().stillActive()).containsExactlyInAnyOrderElementsOf(ids());
        ids().forEach(id -> assertThat(active(id)).isEqualTo(1));
        assertThat(Files.readAllLines(home.resolve("audit.jsonl")).get(1)).contains("in doubt, then resolved as not revoked");
    }

    @Test
    void aPrimaryThatNeverAnswersAgainLeavesTheRevokeUnresolvedAndNamesTheIdsToCheck() throws Exception {
        JdbcUrl u = JdbcUrl.parse(db.url());
        try (CuttingProxy proxy = new CuttingProxy(u.port())) {
            ConnectionSettings viaProxy = new ConnectionSettings(JdbcUrl.of("127.0.0.1", proxy.port(), u.database()),
                    db.settings().user(), null, null, false, Duration.ofSeconds(1), null, false);
            try (Workspace ws = TestWorkspace.open(home, viaProxy, Set.of())) {
                RevocationService revocation = ws.revocation().withInDoubtWindow(Clock.systemUTC(), Duration.ofSeconds(1));
                proxy.arm(CuttingProxy.Cut.AFTER_COMMIT_THEN_DOWN);
                assertThatThrownBy(() -> revocation.revoke(RevokeCriteria.ids(ids()), List.of(), "in doubt", "test"))
                        .isInstanceOf(DatabaseException.class)
                        .hasMessageContaining("the primary did not answer within 1 s")
                        .hasMessageContaining("Check these sessions before acting again")
                        .hasMessageContaining(rows.get(0).id().toString()).hasMessageContaining(rows.get(1).id().toString());
            }
        }
        ids().forEach(id -> assertThat(active(id)).as("the commit reached the server").isZero());
        List<String> audit = Files.readAllLines(home.resolve("audit.jsonl"));
        assertThat(audit).hasSize(2);
        assertThat(audit.get(1)).contains("\"status\":\"in doubt, unresolved: the primary did not answer within 1 s\"")
                .contains("\"check_ids\":[").contains(rows.get(0).id().toString()).contains(rows.get(1).id().toString());
        assertThat(new AuditLog(home.resolve("audit.jsonl")).verify().ok()).isTrue();
    }

    @Test
    void aDroppedCommitReachesTheTerminalWithoutAStackTraceWhichGoesToTheLogFile() throws Exception {
        JdbcUrl u = JdbcUrl.parse(db.url());
        ChildJvm.Result r;
        try (CuttingProxy proxy = new CuttingProxy(u.port())) {
            proxy.arm(CuttingProxy.Cut.AFTER_COMMIT);
            r = ChildJvm.main(home, Map.of("session-console.home", home.toString()), "revoke",
                    "--url", JdbcUrl.of("127.0.0.1", proxy.port(), u.database()), "-U", db.settings().user(),
                    "--ids", rows.get(0).id() + "," + rows.get(1).id(), "--reason", "in doubt", "--yes");
        }
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("resolved as revoked");
        ids().forEach(id -> assertThat(active(id)).isZero());
        assertThat(r.stackFrames()).as(r.err()).isEmpty();
        assertThat(r.err()).doesNotContain("Exception:");
        assertThat(Files.readString(home.resolve("data").resolve("session-console.log"))).contains("PSQLException").contains("\tat org.postgresql");
    }
}
