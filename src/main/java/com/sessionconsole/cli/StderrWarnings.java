package com.sessionconsole.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Configuration warnings for a CLI run: on stderr, before connecting, through the terminal sanitizer. */
public final class StderrWarnings implements Consumer<String> {
    private final PrintWriter err = TerminalWriter.wrap(new OutputStreamWriter(System.err, StandardCharsets.UTF_8));

    @Override
    public void accept(String warning) {
        err.println("warning: " + warning);
        err.flush();
    }
}
