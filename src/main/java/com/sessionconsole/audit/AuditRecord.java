package com.sessionconsole.audit;

import com.sessionconsole.domain.Timestamps;
import com.sessionconsole.files.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One revoke as the Audit view shows it: its intent joined with its outcome, the criteria in words, the
 * sessions it confirmed and those it revoked. A line that does not parse is kept as written in {@code raw}
 * (empty for every other record); an intent without an outcome says so (the console stopped between the two).
 */
public record AuditRecord(String revokeId, Instant time, String osUser, String dbUser, String server, String source, String criteria,
                          String reason, String status, List<AuditedSession> confirmed, List<AuditedSession> revokedSessions,
                          int alreadyInactive, String raw) {
    public static final String UNREADABLE = "unreadable";
    public static final String NO_OUTCOME = "no outcome recorded";

    public AuditRecord {
        confirmed = List.copyOf(confirmed);
        revokedSessions = List.copyOf(revokedSessions);
    }

    public int revoked() {
        return revokedSessions.size();
    }

    /** Whether the log does not say which sessions were revoked: no outcome, or a commit in doubt that was never resolved. */
    public boolean outcomeUnknown() {
        return status.equals(NO_OUTCOME) || status.startsWith("in doubt, unresolved");
    }

    /**
     * Whether the revoke was recorded against this server and database ({@code user@host:port/database}, as the
     * workspace names its connection): the database user who made it does not matter, the place does.
     */
    public boolean recordedOn(String connection) {
        return place(server).equals(place(connection));
    }

    private static String place(String connection) {
        return connection.substring(connection.lastIndexOf('@') + 1);
    }

    /** The records of these lines (oldest first), newest first. */
    static List<AuditRecord> join(List<String> lines) {
        List<Object> entries = new ArrayList<>(); // an intent or a lone record (a map), or an unreadable line (a string)
        Map<Object, Map<?, ?>> intents = new HashMap<>();
        Map<Object, Map<?, ?>> outcomes = new HashMap<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            Map<?, ?> m;
            try {
                m = Json.parse(line) instanceof Map<?, ?> parsed ? parsed : null;
            } catch (RuntimeException e) {
                m = null;
            }
            if (m == null) {
                entries.add(line);
            } else if ("outcome".equals(m.get("record")) && intents.containsKey(m.get("revoke_id"))) {
                outcomes.put(m.get("revoke_id"), m);
            } else {
                entries.add(m);
                if ("intent".equals(m.get("record"))) {
                    intents.put(m.get("revoke_id"), m);
                }
            }
        }
        List<AuditRecord> out = new ArrayList<>();
        for (Object e : entries) {
            out.add(e instanceof Map<?, ?> m ? of(m, outcomes.get(m.get("revoke_id"))) : unreadable((String) e));
        }
        Collections.reverse(out);
        return out;
    }

    private static AuditRecord unreadable(String line) {
        return new AuditRecord("", null, "", "", "", "", "unreadable line", "", UNREADABLE, List.of(), List.of(), 0, line);
    }

    /** An intent with its outcome (null when none was recorded), or a record that is its own outcome. */
    private static AuditRecord of(Map<?, ?> intent, Map<?, ?> outcome) {
        String kind = str(intent.get("record"));
        Map<?, ?> result = outcome != null ? outcome : intent;
        String status = outcome != null ? str(outcome.get("status")) : kind.equals("intent") ? NO_OUTCOME : kind.isEmpty() ? "done" : kind;
        List<AuditedSession> confirmed = new ArrayList<>();
        if (intent.get("sessions") instanceof List<?> sessions) {
            sessions.stream().filter(Map.class::isInstance).map(s -> AuditedSession.of((Map<?, ?>) s)).forEach(confirmed::add);
        }
        Map<String, AuditedSession> byId = new LinkedHashMap<>();
        confirmed.forEach(s -> byId.put(s.id(), s));
        Object revokedIds = result.containsKey("revoked") ? result.get("revoked") : result.get("inactive_now");
        List<AuditedSession> revoked = ids(revokedIds).stream().map(id -> byId.getOrDefault(id, AuditedSession.onlyId(id))).toList();
        Map<?, ?> criteria = intent.get("criteria") instanceof Map<?, ?> c ? c : Map.of();
        return new AuditRecord(str(intent.get("revoke_id")), time(intent.get("time")), str(intent.get("os_user")), str(intent.get("db_user")),
                str(intent.get("server")), str(intent.get("source")), AuditCriteria.describe(criteria, confirmed), str(intent.get("reason")),
                status, confirmed, revoked, ids(result.get("already_inactive")).size(), "");
    }

    private static List<String> ids(Object list) {
        return list instanceof List<?> l ? l.stream().map(AuditRecord::str).toList() : List.of();
    }

    private static Instant time(Object text) {
        try {
            return Timestamps.parseIso(str(text));
        } catch (IllegalArgumentException e) {
            return null; // an edited time; audit verify names the line
        }
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
