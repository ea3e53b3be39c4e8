package com.sessionconsole.domain;

import java.util.UUID;
import java.util.regex.Pattern;

/** Strict parsing of user ids. UUID.fromString alone accepts malformed text such as "1-2-3-4-5". */
public final class UserIds {
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private UserIds() {
    }

    public static UUID parse(String text) {
        String t = text == null ? "" : text.strip();
        if (!UUID_TEXT.matcher(t).matches()) {
            throw new IllegalArgumentException("'" + (t.length() > 40 ? t.substring(0, 40) + "…" : t)
                    + "' is not a user id: user ids are UUIDs such as 3f2c9a1e-0b7d-4c55-9e0a-1d2b3c4d5e6f");
        }
        return UUID.fromString(t);
    }
}
