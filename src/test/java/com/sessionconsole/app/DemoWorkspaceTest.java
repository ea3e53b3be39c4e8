package com.sessionconsole.app;

import com.sessionconsole.workspace.Workspace;
import com.sessionconsole.domain.ConnectionRequest;
import com.sessionconsole.domain.RevokeCriteria;
import com.sessionconsole.domain.Session;
import com.sessionconsole.workspace.WorkspaceFactory;
import com.sessionconsole.workspace.AppDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo database behaves as a real one where safety is concerned, and its revokes stay out of the real audit log. */
class DemoWorkspaceTest {
    @TempDir
    Path home;

    @Test
    void aDemoRevokeIsAuditedInTheDemoLogAndNamesTheDemoAsItsTarget() throws Exception {
        AppDirs dirs = new AppDirs(home, home);
        WorkspaceFactory factory = new WorkspaceFactory(dirs, Map.of(), prompt -> Optional.empty(), Clock.systemUTC());
        try (Workspace ws = factory.open(new ConnectionRequest(null, null, null, null, null, null, false, true, null), null, null)) {
            assertThat(ws.revocation().target()).contains("DEMO");
            List<Session> one = new ArrayList<>();
            ws.dao().forEachActive(s -> {
                if (one.isEmpty()) {
                    one.add(s);
                }
            });
            ws.revocation().revoke(RevokeCriteria.ids(Set.of(one.get(0).id())), one, "trying the demo", "test");
            assertThat(ws.audit().file()).isEqualTo(dirs.demoAuditLog());
        }
        assertThat(dirs.auditLog()).doesNotExist();
        List<String> lines = Files.readAllLines(dirs.demoAuditLog());
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("\"record\":\"intent\"").contains("\"server\":\"demo\"");
    }

    @Test
    void readOnlyTurnsRevokingOffOnTheDemoToo() {
        WorkspaceFactory factory = new WorkspaceFactory(new AppDirs(home, home), Map.of(), prompt -> Optional.empty(), Clock.systemUTC());
        try (Workspace ws = factory.open(new ConnectionRequest(null, null, null, null, null, null, true, true, null), null, null)) {
            assertThat(ws.revocation().allowed()).isFalse();
            assertThat(ws.revocation().disabledReason()).contains("read-only");
        }
    }
}
