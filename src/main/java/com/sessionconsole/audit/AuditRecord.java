package com.sessionconsole.audit;

import com.sessionconsole.export.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One revoke as the Audit view shows it: its intent joined with its outcome. A line that does not parse
 * is kept as text; an intent without an outcome says so (the console stopped between the two).
 */
public record AuditRecord(String time, String osUser, String dbUser, String server, String source, String criteria,
                          String reason, String status, int revoked, int alreadyInactive, String raw) {

    /** The records of these lines (oldest first), newest first. */
    @SuppressWarnings("unchecked")
    static List<AuditRecord> join(List<String> lines) {
        Map<String, AuditRecord> byRevoke = new LinkedHashMap<>();
        List<AuditRecord> out = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> m;
            try {
                m = (Map<String, Object>) Json.parse(line);
            } catch (RuntimeException e) {
                out.add(new AuditRecord("", "", "", "", "", "unreadable line", "", "unreadable", 0, 0, line));
                continue;
            }
            String kind = str(m.get("record"));
            String id = str(m.get("revoke_id"));
            if (kind.equals("outcome") && byRevoke.containsKey(id)) {
                AuditRecord intent = byRevoke.get(id);
                AuditRecord joined = new AuditRecord(intent.time, intent.osUser, intent.dbUser, intent.server, intent.source,
                        intent.criteria, intent.reason, str(m.get("status")), size(m.get("revoked")), size(m.get("already_inactive")),
                        intent.raw + "\n" + line);
                out.set(out.indexOf(intent), joined);
                byRevoke.put(id, joined);
                continue;
            }
            AuditRecord r = new AuditRecord(str(m.get("time")), str(m.get("os_user")), str(m.get("db_user")), str(m.get("server")),
                    str(m.get("source")), criteria(m), str(m.get("reason")),
                    kind.equals("intent") ? "no outcome recorded" : kind.isEmpty() ? "done" : kind,
                    size(m.get("revoked")), size(m.get("already_inactive")), line);
            out.add(r);
            if (kind.equals("intent")) {
                byRevoke.put(id, r);
            }
        }
        List<AuditRecord> newestFirst = new ArrayList<>(out);
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    @SuppressWarnings("unchecked")
    private static String criteria(Map<String, Object> m) {
        Map<String, Object> c = (Map<String, Object>) m.getOrDefault("criteria", Map.of());
        return c.entrySet().stream().map(e -> e.getKey() + "=" + describe(e.getValue())).reduce((a, b) -> a + ", " + b).orElse("");
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
