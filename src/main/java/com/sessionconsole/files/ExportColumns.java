package com.sessionconsole.files;

import com.sessionconsole.domain.GroupSummary;
import com.sessionconsole.domain.Session;

import java.util.Arrays;
import java.util.List;

/**
 * The columns of a session or group, in order: one shape for a session everywhere (sessions, history, show, find-token,
 * export, the window's export and copy; docs/schema/session.schema.json). Every column of the table is there, the
 * token only masked.
 */
public final class ExportColumns {
    public static final List<String> SESSIONS = List.of("id", "user_id", "device_id", "ip_address", "location",
            "user_agent", "trust_level", "is_active", "created_at", "expires_at", "updated_at", "deleted_at", "token_masked");
    public static final List<String> GROUPS = List.of("key", "active_sessions", "distinct_users", "distinct_ips",
            "distinct_devices", "first_created_at", "last_created_at", "lowest_trust");

    private ExportColumns() {
    }

    public static List<Object> sessionValues(Session s) {
        return Arrays.asList(s.id(), s.userId(), s.deviceId(), s.ipAddress(), s.location(), s.userAgent(), s.trustLevel(),
                s.active(), s.createdAt(), s.expiresAt(), s.updatedAt(), s.deletedAt(), s.token().text());
    }

    public static List<Object> groupValues(GroupSummary g) {
        return Arrays.asList(g.key(), g.activeSessions(), g.distinctUsers(), g.distinctIps(), g.distinctDevices(),
                g.firstCreated(), g.lastCreated(), g.lowestTrust());
    }
}
