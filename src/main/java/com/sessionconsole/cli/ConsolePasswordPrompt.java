package com.sessionconsole.cli;

import java.io.Console;
import java.util.Optional;

/** Asks for the password on the terminal, without echo. Without a terminal there is no prompt. */
public final class ConsolePasswordPrompt {
    private ConsolePasswordPrompt() {
    }

    public static Optional<String> ask(String prompt) {
        Console console = System.console();
        if (console == null) {
            return Optional.empty();
        }
        char[] pw = console.readPassword("%s (not stored): ", prompt);
        return pw == null ? Optional.empty() : Optional.of(new String(pw));
    }
}
