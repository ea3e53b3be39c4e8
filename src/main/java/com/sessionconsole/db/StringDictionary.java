package com.sessionconsole.db;

import java.util.HashMap;
import java.util.Map;

/**
 * One copy of each repeated string during one bulk read: a million sessions share a few hundred user agents
 * and locations. Bounded, so that a table of unique values costs a fixed map, not a second copy of them.
 */
final class StringDictionary {
    private static final int MAX_ENTRIES = 200_000;
    private final Map<String, String> entries = new HashMap<>();

    String of(String s) {
        if (s == null) {
            return null;
        }
        String known = entries.get(s);
        if (known != null) {
            return known;
        }
        if (entries.size() < MAX_ENTRIES) {
            entries.put(s, s);
        }
        return s;
    }
}
