package com.sessionconsole.db;

import com.sessionconsole.demo.SessionGenerator;
import com.sessionconsole.domain.NewSession;
import com.sessionconsole.support.TestDatabase;
import org.junit.jupiter.api.Test;

import com.sessionconsole.workspace.Workspace;
import com.sessionconsole.support.TestWorkspace;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Issue #12, bug 5: a row handler that throws in the middle of a COPY must not leave the connection in COPY
 * mode. Without the cancel, the rollback that follows waits for a COPY that nobody reads, holding the poller.
 */
class CopyRowsCancelTest {
    TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;

    @Test
    void aHandlerThatThrowsCancelsTheCopyAndTheNextReadWorks() throws Exception {
        var writer = db.resetTable();
        List<NewSession> rows = new ArrayList<>();
        new SessionGenerator(3, 30_000, 30_000, Instant.now()).rows().forEachRemaining(rows::add);
        writer.insert(rows);
        try (Workspace ws = TestWorkspace.open(home)) {
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                int[] seen = {0};
                assertThatThrownBy(() -> ws.dao().forEachActive(x -> {
                    if (++seen[0] == 10) {
                        throw new IllegalStateException("handler failed on row 10");
                    }
                })).as("the handler's own exception, not the cancel's").hasMessageContaining("row 10");
                long[] all = {0};
                ws.dao().forEachActive(x -> all[0]++);
                assertThat(all[0]).as("the next read, on the same pool, sees every active row")
                        .isEqualTo(db.count("SELECT count(*) FROM public.user_sessions WHERE " + PgSessionDao.ACTIVE)).isGreaterThan(10_000);
            });
        }
    }
}
