package com.sessionconsole.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.Status;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Starts logging before anything logs. The log file goes in the data folder. java.util.logging, which pgjdbc
 * uses, is routed through SLF4J: its console handler would print stack traces on stderr. Logback's own status
 * is silenced in logback.xml, so a log file that cannot be opened is reported here, as one line.
 */
final class LoggingSetup {
    private static final String LOG_FILE = "session-console.log";

    private LoggingSetup() {
    }

    /** Returns the one line to show when the log file cannot be written (the run goes on, logging to stderr only). */
    static Optional<String> start(Path folder) {
        System.setProperty("session-console.logdir", folder.toString());
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return Optional.empty();
        }
        return context.getStatusManager().getCopyOfStatusList().stream().filter(s -> s.getLevel() == Status.ERROR).findFirst()
                .map(s -> "cannot write the log file " + folder.resolve(LOG_FILE) + " (" + reason(s) + "); warnings and errors "
                        + "go to this terminal only. Make " + folder + " a folder you can write to.");
    }

    private static String reason(Status s) {
        Throwable t = s.getThrowable();
        String text = t == null || t.getMessage() == null ? s.getMessage() : t.getMessage();
        // a file error names the path again: keep only what went wrong
        int open = text.lastIndexOf(" (");
        return (text.endsWith(")") && open >= 0 ? text.substring(open + 2, text.length() - 1) : text).replaceAll("\\R", " ");
    }
}
