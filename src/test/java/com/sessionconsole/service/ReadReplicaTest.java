package com.sessionconsole.service;

import com.sessionconsole.db.ConnectionSettings;
import com.sessionconsole.db.EmbeddedDatabase;
import com.sessionconsole.db.SessionWriter;
import com.sessionconsole.domain.NewSession;
import com.sessionconsole.domain.RevokeCriteria;
import com.sessionconsole.domain.Session;
import com.sessionconsole.support.DirectTaskRunner;
import com.sessionconsole.support.Rows;
import com.sessionconsole.support.TestDatabase;
import com.sessionconsole.support.TestWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With --read-url, polling reads the replica and revokes write the primary. Two servers hold different
 * rows, so the data itself shows which connection each operation used.
 */
class ReadReplicaTest {
    @TempDir
    Path home;

    @Test
    void pollingReadsTheReplicaAndRevokeWritesThePrimary() {
        TestDatabase primary = TestDatabase.get();
        SessionWriter primaryWriter = primary.resetTable();
        Instant now = Instant.now();
        NewSession onPrimary = Rows.active(UUID.randomUUID(), now).ip("192.0.2.1").build();
        primaryWriter.insert(List.of(onPrimary));
        try (EmbeddedDatabase replica = EmbeddedDatabase.start()) {
            SessionWriter replicaWriter = new SessionWriter(replica.adminDataSource());
            replicaWriter.createTable();
            NewSession onReplica = Rows.active(UUID.randomUUID(), now).ip("192.0.2.2").build();
            replicaWriter.insert(List.of(onReplica));

            ConnectionSettings s = primary.settings();
            ConnectionSettings withReplica = new ConnectionSettings(s.url(), s.user(), s.password(), replica.jdbcUrl(), false, null, null, false);
            try (Workspace ws = TestWorkspace.open(home, withReplica, Set.of())) {
                List<PollEvent> events = new ArrayList<>();
                new SessionPoller(new KeyDiffPollStrategy(ws.dao()), new DirectTaskRunner(), events::add, Clock.systemUTC()).tick();
                PollEvent.Updated u = (PollEvent.Updated) events.get(0);
                assertThat(u.snapshot().sessions()).extracting(Session::id).containsExactly(onReplica.id());

                var outcome = ws.revocation().revoke(RevokeCriteria.ids(Set.of(onPrimary.id())), List.of(), "replica test", "test");
                assertThat(outcome.result().revoked()).containsExactly(onPrimary.id());
                assertThat(primary.count("SELECT count(*) FROM public.user_sessions WHERE id = ? AND is_active = false", onPrimary.id())).isEqualTo(1);
            }
        }
    }
}
