package com.sessionconsole.db;

import com.sessionconsole.domain.NewSession;
import com.sessionconsole.domain.Timestamps;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.Objects;

/**
 * Writes synthetic rows: the demo database, its background traffic, tests and benchmarks.
 * Never used on a database the analyst configured.
 */
public final class SessionWriter {
    private static final String COPY = "COPY public.user_sessions (id, user_id, session_token, expires_at, is_active, device_id, "
            + "ip_address, user_agent, location, trust_level, created_at, updated_at, deleted_at) FROM STDIN";
    private final DataSource dataSource;

    public SessionWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Creates public.user_sessions exactly as the production schema describes it. */
    public void createTable() {
        try (InputStream in = Objects.requireNonNull(SessionWriter.class.getResourceAsStream("user_sessions.sql"));
             Connection c = dataSource.getConnection(); var st = c.createStatement()) {
            st.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot create the table", e);
        }
    }

    /** Empties the table (tests). */
    public void truncate() {
        execute("TRUNCATE public.user_sessions");
    }

    public void execute(String sql) {
        try (Connection c = dataSource.getConnection(); var st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Bulk-inserts with COPY, streaming so that a million rows need little memory. */
    public long insert(Iterator<NewSession> rows) {
        try (Connection c = dataSource.getConnection()) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            return copy.copyIn(COPY, new CopyTextReader(rows));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("bulk insert failed: " + e.getMessage(), e);
        }
    }

    public long insert(List<NewSession> rows) {
        return insert(rows.iterator());
    }

    /** Ends up to {@code count} random active sessions, as a user logging out would. Returns how many. */
    public int endRandomSessions(int count) {
        String sql = "UPDATE public.user_sessions SET is_active = false, updated_at = now() WHERE id IN ("
                + "SELECT id FROM public.user_sessions TABLESAMPLE SYSTEM (5) WHERE " + PgSessionDao.ACTIVE + " LIMIT ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, count);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Ends these sessions (is_active false, updated_at now), whatever state they are in; as the demo's story does with its last cases. */
    public int end(Collection<UUID> ids) {
        String sql = "UPDATE public.user_sessions SET is_active = false, updated_at = now() WHERE id = ANY(?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** COPY's text format: tab-separated, \N for NULL, backslash escapes. */
    private static final class CopyTextReader extends Reader {
        private final Iterator<NewSession> rows;
        private Reader current = new StringReader("");

        CopyTextReader(Iterator<NewSession> rows) {
            this.rows = rows;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = current.read(buf, off, len);
            while (n < 0) {
                if (!rows.hasNext()) {
                    return -1;
                }
                StringBuilder sb = new StringBuilder(512);
                for (int i = 0; i < 256 && rows.hasNext(); i++) {
                    line(sb, rows.next());
                }
                current = new StringReader(sb.toString());
                n = current.read(buf, off, len);
            }
            return n;
        }

        private static void line(StringBuilder sb, NewSession s) {
            field(sb, s.id(), true);
            field(sb, s.userId(), true);
            field(sb, s.sessionToken(), true);
            field(sb, s.expiresAt(), true);
            field(sb, s.active(), true);
            field(sb, s.deviceId(), true);
            field(sb, s.ipAddress(), true);
            field(sb, s.userAgent(), true);
            field(sb, s.location(), true);
            field(sb, s.trustLevel(), true);
            field(sb, s.createdAt(), true);
            field(sb, s.updatedAt(), true);
            field(sb, s.deletedAt(), false);
            sb.append('\n');
        }

        private static void field(StringBuilder sb, Object value, boolean tab) {
            if (value == null) {
                sb.append("\\N");
            } else {
                String text = value instanceof Instant i ? Timestamps.iso(i) : value.toString();
                for (int i = 0; i < text.length(); i++) {
                    char ch = text.charAt(i);
                    switch (ch) {
                        case '\\' -> sb.append("\\\\");
                        case '\t' -> sb.append("\\t");
                        case '\n' -> sb.append("\\n");
                        case '\r' -> sb.append("\\r");
                        default -> sb.append(ch);
                    }
                }
            }
            if (tab) {
                sb.append('\t');
            }
        }

        @Override
        public void close() {
        }
    }
}
