package com.sessionconsole.audit;

import com.sessionconsole.domain.GroupBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a revoke targeted, in words: "3 sessions of user 1b2c3d4e… selected by id", "all 12 sessions of IP 10.0.0.7". */
final class AuditCriteria {
    private static final int KEY_LENGTH = 40;

    private AuditCriteria() {
    }

    /** {@code criteria} as the intent wrote it ({"ip": key, "ids": [...]}, or only "ids"); {@code confirmed} as recorded, maybe none. */
    static String describe(Map<?, ?> criteria, List<AuditedSession> confirmed) {
        int count = criteria.get("ids") instanceof List<?> ids ? ids.size() : confirmed.size();
        for (GroupBy by : GroupBy.values()) {
            String name = by.name().toLowerCase(Locale.ROOT);
            if (criteria.containsKey(name)) {
                String of = " of " + by.label() + " " + key(by, criteria.get(name));
                return count == 1 ? "the only session" + of : "all " + count + " sessions" + of;
            }
        }
        List<String> users = confirmed.stream().map(AuditedSession::userId).filter(u -> !u.isEmpty()).distinct().toList();
        String whose = users.isEmpty() ? "" : users.size() == 1 ? " of user " + key(GroupBy.USER, users.get(0)) : " of " + users.size() + " users";
        return sessions(count) + whose + " selected by id";
    }

    private static String sessions(int n) {
        return n == 1 ? "1 session" : n + " sessions";
    }

    /** A user id shortened to its first 8 characters; a device or IP cut at 40 (the detail pane shows them whole). */
    private static String key(GroupBy by, Object key) {
        if (key == null) {
            return "(empty)";
        }
        String k = key.toString();
        int keep = by == GroupBy.USER ? 8 : KEY_LENGTH;
        return k.codePointCount(0, k.length()) <= keep + 1 ? k : k.substring(0, k.offsetByCodePoints(0, keep)) + "…";
    }
}
