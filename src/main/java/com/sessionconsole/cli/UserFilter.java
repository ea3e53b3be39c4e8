package com.sessionconsole.cli;

import com.sessionconsole.domain.UserIds;

import java.util.UUID;

/** {@code --user} is always a user-id filter; a value that is not one points at -U for the database user. */
final class UserFilter {
    private UserFilter() {
    }

    static UUID parse(String text) {
        try {
            return UserIds.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--user: " + e.getMessage() + " (for the database user use -U/--db-user)", e);
        }
    }
}
