package com.sessionconsole.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Runs work that may print on stderr while it fails (JavaFX prints a stack trace for each way it tried to load a
 * native library), so that the terminal gets the console's own message instead: what the work printed reaches
 * stderr only when it succeeds.
 */
public final class HeldBackStderr {
    private HeldBackStderr() {
    }

    /** @param onFailure gets what {@code work} printed, when it throws (for the log file); the throwable then propagates */
    public static void run(Runnable work, Consumer<String> onFailure) {
        PrintStream stderr = System.err;
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            System.setErr(stderr);
            onFailure.accept(said.toString(StandardCharsets.UTF_8));
            throw e;
        }
        System.setErr(stderr);
        stderr.print(said.toString(StandardCharsets.UTF_8));
    }
}
