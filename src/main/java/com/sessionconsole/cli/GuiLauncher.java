package com.sessionconsole.cli;

import com.sessionconsole.domain.ConnectionRequest;
import com.sessionconsole.domain.Narrowing;

/** Starts the desktop window; provided by the composition root so that the CLI does not depend on the UI. */
@FunctionalInterface
public interface GuiLauncher {
    /** @param narrowing the part of the active set to load (--where-*), or {@link Narrowing#NONE} */
    Result launch(ConnectionRequest request, Narrowing narrowing, boolean smokeTest);

    /**
     * How the window ended; when it was first shown (milliseconds after JVM start; -1 when never); for a
     * smoke test, the active sessions of the first completed load (-1 when none) or why there was none.
     */
    record Result(int exitCode, long windowShownMillis, int firstLoadActive, String failure) {
    }

    /** The window cannot open on this machine: a native library JavaFX needs is missing, or there is no display. */
    final class WindowCannotStart extends RuntimeException {
        public WindowCannotStart(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
