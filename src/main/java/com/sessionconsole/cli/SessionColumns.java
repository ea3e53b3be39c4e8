package com.sessionconsole.cli;

import com.sessionconsole.domain.Session;

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
                s.active(), s.createdAt(), s.expiresAt(), s.updatedAt(), s.deletedAt(), s.token().text());
    }
}
