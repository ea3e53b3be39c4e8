package com.sessionconsole.service;

import com.sessionconsole.domain.RevokeCriteria;
import com.sessionconsole.domain.RevokeResult;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One audit line: who revoked what, where, why, and with what result. */
public record AuditEntry(Instant time, String osUser, String dbUser, String server, String source,
                         RevokeCriteria criteria, String reason, RevokeResult result) {

    Map<String, Object> toMap() {
        Map<String, Object> criteriaMap = new LinkedHashMap<>();
        if (criteria.byIds()) {
            criteriaMap.put("ids", criteria.expectedIds().stream().map(Object::toString).sorted().toList());
        } else {
            criteriaMap.put(criteria.groupBy().name().toLowerCase(), criteria.key());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", time);
        m.put("os_user", osUser);
        m.put("db_user", dbUser);
        m.put("server", server);
        m.put("source", source);
        m.put("criteria", criteriaMap);
        m.put("reason", reason);
        m.put("revoked", result.revoked().stream().map(Object::toString).toList());
        m.put("already_inactive", result.alreadyInactive().stream().map(Object::toString).toList());
        return m;
    }
}
