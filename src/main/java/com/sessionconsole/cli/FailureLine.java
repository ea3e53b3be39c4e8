package com.sessionconsole.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * A failure that ends a command, or a thread, is one line on stderr that says what happened and what to do;
 * its stack trace goes to the log file only (logback.xml keeps this logger off the terminal).
 */
public final class FailureLine {
    private static final Logger traceOnly = LoggerFactory.getLogger("session-console.trace-only");

    private FailureLine() {
    }

    /** The line, without its "error: " prefix. */
    static String of(Throwable failure) {
        if (failure instanceof OutOfMemoryError) {
            return "out of memory: the result does not fit in the Java heap (max " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MB); narrow it (--ip, --user, --device, --filter, --where-ip, --where-user) or raise -Xmx";
        }
        return failure.getMessage() != null ? failure.getMessage() : failure.toString();
    }

    static void log(Throwable failure) {
        traceOnly.error("the command failed: {}", of(failure), failure);
    }

    /** For {@link Thread#setDefaultUncaughtExceptionHandler}: a failure on a thread of its own (a pool, a reader). */
    public static void uncaught(Thread thread, Throwable failure) {
        log(failure);
        PrintWriter err = TerminalWriter.wrap(new OutputStreamWriter(System.err, StandardCharsets.UTF_8));
        err.println("error: " + of(failure) + " (on thread " + thread.getName() + ")");
        err.flush();
    }
}
