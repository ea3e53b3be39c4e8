package com.sessionconsole.cli;

import com.sessionconsole.db.DatabaseException;
import com.sessionconsole.domain.RefusedException;
import com.sessionconsole.audit.AuditLog;

/** The CLI's exit codes, one meaning each; the README lists them and a test checks every one. */
public final class ExitCodes {
    public static final int OK = 0;
    /** A database or I/O error while the command ran (the message says which). */
    public static final int FAILED = 1;
    /** A bad flag, value, input or config file. */
    public static final int USAGE = 2;
    /** Cannot connect: host, port, TLS, login, password, database, or the connect timeout. */
    public static final int CONNECTION = 3;
    /** public.user_sessions does not match the expected schema. */
    public static final int SCHEMA = 4;
    /** The console refused: read-only mode, a protected user, a revoke that was not confirmed. */
    public static final int REFUSED = 5;
    /** The database refused: the user lacks a privilege. */
    public static final int PERMISSION = 6;
    /** The audit log cannot be written, so nothing was revoked; or a revoke's outcome could not be recorded. */
    public static final int AUDIT = 7;
    /** The embedded demo database could not start. */
    public static final int DEMO = 8;
    /** {@code audit verify} found a broken or missing link, or no regular file at the audit log's path to verify. */
    public static final int AUDIT_BROKEN = 9;
    /** {@code --smoke-test}: the first load did not finish in time. */
    public static final int SMOKE_TIMEOUT = 10;
    /**
     * A revoke committed, but confirmed sessions are still active: the server left them unchanged (a trigger, a rule,
     * row-level security), or they no longer matched what was confirmed. The message and the audit log name them.
     */
    public static final int NOT_REVOKED = 11;
    /** The window cannot open: a native library JavaFX needs is missing (the message names its package), or there is no display. */
    public static final int WINDOW_CANNOT_START = 12;

    private ExitCodes() {
    }

    /** The exit code for a failure, by what failed. */
    public static int of(Throwable e) {
        if (e instanceof DatabaseException db) {
            return switch (db.kind()) {
                case UNREACHABLE, AUTHENTICATION, PASSWORD_NEEDED, NO_DATABASE -> CONNECTION;
                case SCHEMA -> SCHEMA;
                case PERMISSION -> PERMISSION;
                case EMBEDDED -> DEMO;
                default -> FAILED;
            };
        }
        if (e instanceof GuiLauncher.WindowCannotStart) {
            return WINDOW_CANNOT_START;
        }
        if (e instanceof RefusedException) {
            return REFUSED;
        }
        if (e instanceof AuditLog.AuditLogException) {
            return AUDIT;
        }
        if (e instanceof IllegalArgumentException) {
            return USAGE;
        }
        return FAILED;
    }
}
