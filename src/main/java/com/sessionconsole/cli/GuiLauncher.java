package com.sessionconsole.cli;

import com.sessionconsole.domain.ConnectionRequest;

/** Starts the desktop window; provided by the composition root so that the CLI does not depend on the UI. */
@FunctionalInterface
public interface GuiLauncher {
    Result launch(ConnectionRequest request, boolean smokeTest);

    /** How the window ended, and when it was first shown (milliseconds after JVM start; -1 when never). */
    record Result(int exitCode, long windowShownMillis) {
    }
}
