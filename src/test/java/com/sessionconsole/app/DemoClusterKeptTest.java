package com.sessionconsole.app;

import com.sessionconsole.domain.ConnectionRequest;
import com.sessionconsole.workspace.AppDirs;
import com.sessionconsole.workspace.Workspace;
import com.sessionconsole.workspace.WorkspaceFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #26 §1: the demo's cluster is kept in the data folder, so that initdb runs on the first start only; every
 * start still begins with the same 20,000 sessions, and a second console on the demo at the same time gets a
 * cluster of its own.
 */
class DemoClusterKeptTest {
    static final ConnectionRequest DEMO = new ConnectionRequest(null, null, null, null, null, null, false, true, null);
    @TempDir
    Path home;

    private WorkspaceFactory factory() {
        return new WorkspaceFactory(new AppDirs(home, home), Map.of(), prompt -> Optional.empty(), Clock.systemUTC());
    }

    private static int sessions(Workspace ws) {
        AtomicInteger n = new AtomicInteger();
        ws.dao().forEachActive(s -> n.incrementAndGet());
        return n.get();
    }

    @Test
    void theSecondStartReusesTheClusterAndStartsFromTheSameSessions() throws Exception {
        Path cluster = home.resolve("demo-postgres");
        int first;
        try (Workspace ws = factory().open(DEMO, null, null)) {
            first = sessions(ws);
        }
        Path version = cluster.resolve("PG_VERSION");
        assertThat(version).as("initdb ran in the data folder").exists();
        FileTime initialised = Files.getLastModifiedTime(version);
        try (Workspace ws = factory().open(DEMO, null, null)) {
            assertThat(sessions(ws)).as("the table is made anew, not added to").isEqualTo(first).isGreaterThan(13_000);
        }
        assertThat(Files.getLastModifiedTime(version)).as("initdb did not run again").isEqualTo(initialised);
    }

    @Test
    void twoConsolesOnTheDemoAtOnceEachGetADatabase() {
        try (Workspace one = factory().open(DEMO, null, null); Workspace two = factory().open(DEMO, null, null)) {
            assertThat(sessions(one)).isEqualTo(sessions(two)).isGreaterThan(13_000);
        }
    }
}
