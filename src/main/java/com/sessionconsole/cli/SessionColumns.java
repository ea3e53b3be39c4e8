package com.sessionconsole.cli;

import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.Timestamps;

import java.util.Arrays;
import java.util.List;

/** The columns the CLI prints for a session. The token appears only masked. */
final class SessionColumns {
    static final List<String> HEADER = List.of("id", "user_id", "device_id", "ip_address", "location", "user_agent",
            "trust_level", "is_active", "created_at", "expires_at", "updated_at", "deleted_at", "token_masked");

    private SessionColumns() {
    }

    static List<Object> row(Session s) {
        return Arrays.asList(s.id(), s.userId(), s.deviceId(), s.ipAddress(), s.location(), s.userAgent(), s.trustLevel(),
                s.active(), Timestamps.iso(s.createdAt()), Timestamps.iso(s.expiresAt()), Timestamps.iso(s.updatedAt()),
                Timestamps.iso(s.deletedAt()), s.token().text());
    }
}
