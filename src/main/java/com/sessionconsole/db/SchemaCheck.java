package com.sessionconsole.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Compares public.user_sessions on the server with the columns and types the console needs. */
public final class SchemaCheck {
    static final Map<String, String> EXPECTED = expected();

    private SchemaCheck() {
    }

    private static Map<String, String> expected() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("id", "uuid");
        m.put("user_id", "uuid");
        m.put("session_token", "character varying");
        m.put("expires_at", "timestamp with time zone");
        m.put("is_active", "boolean");
        m.put("device_id", "character varying");
        m.put("ip_address", "character varying");
        m.put("user_agent", "character varying");
        m.put("location", "character varying");
        m.put("trust_level", "integer");
        m.put("created_at", "timestamp with time zone");
        m.put("updated_at", "timestamp with time zone");
        m.put("deleted_at", "timestamp with time zone");
        return Collections.unmodifiableMap(m);
    }

    /** The problems found, one per line; empty when the table is usable. */
    public static List<String> problems(Connection c) throws SQLException {
        Map<String, String> actual = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = ? AND table_name = ?")) {
            ps.setString(1, "public");
            ps.setString(2, "user_sessions");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    actual.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        List<String> problems = new ArrayList<>();
        if (actual.isEmpty()) {
            problems.add("table public.user_sessions does not exist, or the user may not see it (grant SELECT on it)");
            return problems;
        }
        EXPECTED.forEach((column, type) -> {
            String found = actual.get(column);
            if (found == null) {
                problems.add("column " + column + " is missing (expected " + type + ")");
            } else if (!found.equals(type)) {
                problems.add("column " + column + " has type " + found + ", expected " + type);
            }
        });
        return problems;
    }
}
