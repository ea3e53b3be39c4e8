package com.sessionconsole.support;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.UUID;

/**
 * A row as PostgreSQL text, so that tests can store every value the column types allow: 'infinity',
 * '-infinity', years the JDK's types cannot carry through JDBC, NULL in any nullable column.
 * Timestamps are timestamptz literals, e.g. "infinity" or "294276-12-31 23:59:59+00".
 */
public record RawRow(UUID id, UUID userId, String token, String expiresAt, Boolean active, String deviceId, String ipAddress,
                     String userAgent, String location, Integer trustLevel, String createdAt, String updatedAt, String deletedAt) {

    public static RawRow active(String expiresAt) {
        return new RawRow(UUID.randomUUID(), UUID.randomUUID(), "tok-" + UUID.randomUUID(), expiresAt, true, "dev", "10.0.0.1",
                "agent", "Berlin, DE", 50, "2026-01-01 00:00:00+00", "2026-01-01 00:00:00+00", null);
    }

    public RawRow with(String column, Object value) {
        return new RawRow(
                column.equals("id") ? (UUID) value : id,
                column.equals("user_id") ? (UUID) value : userId,
                column.equals("session_token") ? (String) value : token,
                column.equals("expires_at") ? (String) value : expiresAt,
                column.equals("is_active") ? (Boolean) value : active,
                column.equals("device_id") ? (String) value : deviceId,
                column.equals("ip_address") ? (String) value : ipAddress,
                column.equals("user_agent") ? (String) value : userAgent,
                column.equals("location") ? (String) value : location,
                column.equals("trust_level") ? (Integer) value : trustLevel,
                column.equals("created_at") ? (String) value : createdAt,
                column.equals("updated_at") ? (String) value : updatedAt,
                column.equals("deleted_at") ? (String) value : deletedAt);
    }

    public static void insert(DataSource ds, List<RawRow> rows) {
        String sql = "INSERT INTO public.user_sessions (id, user_id, session_token, expires_at, is_active, device_id, ip_address, "
                + "user_agent, location, trust_level, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?::timestamptz, ?, ?, ?, ?, ?, ?, "
                + "?::timestamptz, ?::timestamptz, ?::timestamptz)";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (RawRow r : rows) {
                ps.setObject(1, r.id);
                ps.setObject(2, r.userId);
                ps.setString(3, r.token);
                ps.setString(4, r.expiresAt);
                ps.setObject(5, r.active, Types.BOOLEAN);
                ps.setString(6, r.deviceId);
                ps.setString(7, r.ipAddress);
                ps.setString(8, r.userAgent);
                ps.setString(9, r.location);
                ps.setObject(10, r.trustLevel, Types.INTEGER);
                ps.setString(11, r.createdAt);
                ps.setString(12, r.updatedAt);
                ps.setString(13, r.deletedAt);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
