package com.sessionconsole.support;

import com.sessionconsole.db.ConnectionSettings;
import com.sessionconsole.db.EmbeddedDatabase;
import com.sessionconsole.db.SessionWriter;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL every test uses: embedded (zonky), started once per test run, or the server named by
 * SESSION_CONSOLE_TEST_PGURL (with SESSION_CONSOLE_TEST_PGUSER / SESSION_CONSOLE_TEST_PGPASSWORD).
 */
public final class TestDatabase {
    private static TestDatabase instance;

    private final String url;
    private final String user;
    private final String password;
    private final DataSource admin;

    private TestDatabase(String url, String user, String password, DataSource admin) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.admin = admin;
    }

    public static synchronized TestDatabase get() {
        if (instance == null) {
            String external = System.getenv("SESSION_CONSOLE_TEST_PGURL");
            if (external != null && !external.isBlank()) {
                PGSimpleDataSource ds = new PGSimpleDataSource();
                ds.setUrl(external);
                String u = System.getenv().getOrDefault("SESSION_CONSOLE_TEST_PGUSER", "postgres");
                String p = System.getenv("SESSION_CONSOLE_TEST_PGPASSWORD");
                ds.setUser(u);
                ds.setPassword(p);
                instance = new TestDatabase(external, u, p, ds);
            } else {
                EmbeddedDatabase db = EmbeddedDatabase.start();
                Runtime.getRuntime().addShutdownHook(new Thread(db::close));
                instance = new TestDatabase(db.jdbcUrl(), EmbeddedDatabase.USER, null, db.adminDataSource());
            }
        }
        return instance;
    }

    /** Drops and recreates public.user_sessions, exactly as the production schema describes it. */
    public SessionWriter resetTable() {
        SessionWriter writer = new SessionWriter(admin);
        writer.execute("DROP TABLE IF EXISTS public.user_sessions");
        writer.createTable();
        return writer;
    }

    public DataSource admin() {
        return admin;
    }

    public String url() {
        return url;
    }

    public ConnectionSettings settings() {
        return new ConnectionSettings(url, user, password, null, false, null, null, false);
    }

    public void exec(String sql, Object... params) {
        try (Connection c = admin.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a query and returns every row as a list of strings (NULL as null). */
    public List<List<String>> query(String sql, Object... params) {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = admin.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        row.add(rs.getString(i));
                    }
                    rows.add(row);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    public long count(String sql, Object... params) {
        return Long.parseLong(query(sql, params).get(0).get(0));
    }
}
