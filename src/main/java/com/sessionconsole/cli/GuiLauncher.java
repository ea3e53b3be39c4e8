package com.sessionconsole.cli;

import com.sessionconsole.domain.ConnectionRequest;

/** Starts the desktop window; provided by the composition root so that the CLI does not depend on the UI. */
@FunctionalInterface
public interface GuiLauncher {
    int launch(ConnectionRequest request, boolean smokeTest);
}
