package com.sessionconsole.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/**
 * One row of user_sessions as the console sees it. The token is already masked: the full
 * value never leaves the database. {@code version} is the row's xmin, which changes on every update.
 * A column that could not be decoded is null (or, for text, what could be read) and named in {@code decodeProblem}.
 */
public record Session(
        UUID id,
        UUID userId,
        TokenMask token,
        Instant expiresAt,
        Boolean active,
        String deviceId,
        String ipAddress,
        String userAgent,
        String location,
        Integer trustLevel,
        Instant createdAt,
        Instant updatedAt,
        Instant deletedAt,
        long version,
        String decodeProblem) {

    /** Newest first, unknown creation times last, then by id: the order of every session list the console shows by default. */
    public static final Comparator<Session> NEWEST_FIRST = Comparator.comparing(Session::createdAt,
            Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(Session::id);

    /** A row read whole; {@code decodeProblem} is set only for a row some column of which could not be decoded. */
    public Session(UUID id, UUID userId, TokenMask token, Instant expiresAt, Boolean active, String deviceId, String ipAddress,
                   String userAgent, String location, Integer trustLevel, Instant createdAt, Instant updatedAt, Instant deletedAt,
                   long version) {
        this(id, userId, token, expiresAt, active, deviceId, ipAddress, userAgent, location, trustLevel, createdAt, updatedAt,
                deletedAt, version, null);
    }

    public String key(GroupBy by) {
        return switch (by) {
            case USER -> userId == null ? null : userId.toString();
            case DEVICE -> deviceId;
            case IP -> ipAddress;
        };
    }

    /** Active by the console's definition, judged against the given server time. */
    public boolean isActiveAt(Instant serverNow) {
        return Boolean.TRUE.equals(active) && deletedAt == null && expiresAt != null && expiresAt.isAfter(serverNow);
    }

    /** Why the session is not active at that instant, in words; null when it is active. A flag left true on an ended row is said. */
    public String whyNotActive(Instant serverNow) {
        if (isActiveAt(serverNow)) {
            return null;
        }
        String flag = active == null ? "is_active NULL" : active ? "is_active still true" : "is_active false";
        return deletedAt != null ? "deleted at " + Timestamps.iso(deletedAt) + ", " + flag
                : expiresAt == null || !expiresAt.isAfter(serverNow) ? "expired" + (expiresAt == null ? "" : " at " + Timestamps.iso(expiresAt))
                + ", " + flag : flag;
    }
}
