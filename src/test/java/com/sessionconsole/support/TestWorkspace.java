package com.sessionconsole.support;

import com.sessionconsole.workspace.AppDirs;
import com.sessionconsole.workspace.WorkspaceFactory;
import com.sessionconsole.db.ConnectionSettings;
import com.sessionconsole.workspace.Workspace;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Opens a real workspace on the test database, with its audit log under {@code home}. */
public final class TestWorkspace {
    private TestWorkspace() {
    }

    public static Workspace open(Path home, ConnectionSettings settings, Set<UUID> protectedUsers) {
        return new WorkspaceFactory(new AppDirs(home, home), Map.of(), x -> Optional.empty(), Clock.systemUTC())
                .openServer(settings, protectedUsers);
    }

    public static Workspace open(Path home) {
        return open(home, TestDatabase.get().settings(), Set.of());
    }
}
