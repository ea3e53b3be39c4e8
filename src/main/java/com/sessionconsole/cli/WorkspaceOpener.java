package com.sessionconsole.cli;

import com.sessionconsole.domain.ConnectionRequest;
import com.sessionconsole.workspace.Workspace;

/** Opens a workspace for a command; provided by the composition root. */
@FunctionalInterface
public interface WorkspaceOpener {
    Workspace open(ConnectionRequest request);
}
