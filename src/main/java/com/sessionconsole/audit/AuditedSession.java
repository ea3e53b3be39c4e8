package com.sessionconsole.audit;

import java.util.Map;

/**
 * A session named in an audit record: its id and, when the intent recorded them, its user, device, IP and
 * masked token (empty for records written before the intent carried them). Never a full token.
 */
public record AuditedSession(String id, String userId, String deviceId, String ipAddress, String tokenMasked) {

    static AuditedSession onlyId(String id) {
        return new AuditedSession(id, "", "", "", "");
    }

    static AuditedSession of(Map<?, ?> m) {
        return new AuditedSession(text(m.get("id")), text(m.get("user_id")), text(m.get("device_id")), text(m.get("ip_address")),
                text(m.get("token_masked")));
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }
}
