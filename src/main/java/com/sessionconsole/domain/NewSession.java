package com.sessionconsole.domain;

import java.time.Instant;
import java.util.UUID;

/** A row to insert, as produced by the synthetic data generator. Holds a real token: never display it. */
public record NewSession(
        UUID id,
        UUID userId,
        String sessionToken,
        Instant expiresAt,
        Boolean active,
        String deviceId,
        String ipAddress,
        String userAgent,
        String location,
        Integer trustLevel,
        Instant createdAt,
        Instant updatedAt,
        Instant deletedAt) {

    @Override
    public String toString() {
        return "NewSession[id=" + id + ", userId=" + userId + "]";
    }
}
