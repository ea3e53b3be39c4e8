package com.sessionconsole.support;

/**
 * What "active" means, as SQL over public.user_sessions: the tests' own statement of it, kept apart from the
 * console's code so that a test checks the console against it rather than against itself.
 */
public final class ActiveSql {
    /** The condition, for a WHERE clause. */
    public static final String WHERE = "is_active = true AND deleted_at IS NULL AND expires_at > now()";

    private ActiveSql() {
    }
}
