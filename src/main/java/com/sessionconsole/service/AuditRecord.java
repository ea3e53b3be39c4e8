package com.sessionconsole.service;

import java.util.List;
import java.util.Map;

/** One audit line read back, for the Audit view. A line that does not parse is kept as text. */
public record AuditRecord(String time, String osUser, String dbUser, String server, String source, String criteria,
                          String reason, int revoked, int alreadyInactive, String raw) {

    @SuppressWarnings("unchecked")
    public static AuditRecord parse(String line) {
        try {
            Map<String, Object> m = (Map<String, Object>) Json.parse(line);
            Map<String, Object> c = (Map<String, Object>) m.getOrDefault("criteria", Map.of());
            String criteria = c.entrySet().stream().map(e -> e.getKey() + "=" + describe(e.getValue()))
                    .reduce((a, b) -> a + ", " + b).orElse("");
            return new AuditRecord(str(m.get("time")), str(m.get("os_user")), str(m.get("db_user")), str(m.get("server")),
                    str(m.get("source")), criteria, str(m.get("reason")), size(m.get("revoked")), size(m.get("already_inactive")), line);
        } catch (RuntimeException e) {
            return new AuditRecord("", "", "", "", "", "unreadable line", "", 0, 0, line);
        }
    }

    private static String describe(Object v) {
        if (v instanceof List<?> l) {
            return l.size() + " id(s)";
        }
        return v == null ? "(empty)" : v.toString();
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    private static int size(Object o) {
        return o instanceof List<?> l ? l.size() : 0;
    }
}
