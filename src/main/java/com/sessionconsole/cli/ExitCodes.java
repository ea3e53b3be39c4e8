package com.sessionconsole.cli;

import com.sessionconsole.db.DatabaseException;

/** The CLI's exit codes; documented in the README. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int CONNECTION = 3;
    public static final int SCHEMA = 4;
    public static final int REFUSED = 5;

    private ExitCodes() {
    }

    static int of(Throwable e) {
        if (e instanceof DatabaseException db) {
            return switch (db.kind()) {
                case UNREACHABLE, AUTHENTICATION, NO_DATABASE -> CONNECTION;
                case SCHEMA -> SCHEMA;
                case PERMISSION -> REFUSED;
                default -> FAILED;
            };
        }
        if (e instanceof IllegalArgumentException) {
            return USAGE;
        }
        if (e instanceof IllegalStateException) {
            return REFUSED;
        }
        return FAILED;
    }
}
