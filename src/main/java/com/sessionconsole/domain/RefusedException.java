package com.sessionconsole.domain;

/**
 * The console refused to act: read-only mode, a protected user, a revoke that was not confirmed.
 * Nothing was changed. (Exit code 5 in the CLI, and only for this.)
 */
public final class RefusedException extends RuntimeException {
    public RefusedException(String message) {
        super(message);
    }
}
