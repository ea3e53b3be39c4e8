package com.sessionconsole.db;

import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens the pools for a connection (primary, and a replica for reads when configured), checks the
 * schema, and finds out whether the user may revoke. Nothing is left open when any step fails.
 */
public final class DatabaseConnector {
    private DatabaseConnector() {
    }

    /** An open connection: close it to close its pools. */
    public record Connected(SessionDao dao, boolean canRevoke, List<AutoCloseable> pools) implements AutoCloseable {
        @Override
        public void close() {
            for (AutoCloseable p : pools) {
                try {
                    p.close();
                } catch (Exception e) {
                    // closing a pool does not fail in a way the analyst could act on
                }
            }
        }
    }

    public static Connected connect(ConnectionSettings settings) {
        List<AutoCloseable> pools = new ArrayList<>();
        try {
            HikariDataSource primary = DataSourceFactory.open(settings, settings.url(), "primary", settings.readOnly());
            pools.add(primary);
            HikariDataSource read = primary;
            if (settings.readUrl() != null) {
                read = DataSourceFactory.open(settings, settings.readUrl(), "replica", true);
                pools.add(read);
            }
            checkSchema(read, settings.readUrl() != null ? settings.readUrl() : settings.url());
            PgSessionDao dao = new PgSessionDao(read, primary, settings.url(), isSqlAscii(read, settings.url()));
            boolean canRevoke = !settings.readOnly() && dao.canRevoke();
            return new Connected(dao, canRevoke, List.copyOf(pools));
        } catch (RuntimeException e) {
            new Connected(null, false, pools).close();
            throw e;
        }
    }

    /** A SQL_ASCII database accepts any bytes in text columns; see {@link PgSessionDao}. */
    private static boolean isSqlAscii(HikariDataSource ds, String url) {
        try (Connection c = ds.getConnection(); var st = c.createStatement(); var rs = st.executeQuery("SHOW server_encoding")) {
            return rs.next() && "SQL_ASCII".equalsIgnoreCase(rs.getString(1));
        } catch (SQLException e) {
            throw DatabaseException.from(e, url, null);
        }
    }

    private static void checkSchema(HikariDataSource ds, String url) {
        try (Connection c = ds.getConnection()) {
            // information_schema hides the columns a role may not read: a missing grant is not a wrong schema
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT to_regclass('public.user_sessions') IS NOT NULL "
                    + "AND NOT has_table_privilege('public.user_sessions', 'SELECT')")) {
                if (rs.next() && rs.getBoolean(1)) {
                    throw new DatabaseException(DatabaseException.Kind.PERMISSION, "permission denied on " + DatabaseException.describe(url)
                            + ": the user may not SELECT from public.user_sessions; ask for GRANT SELECT ON public.user_sessions", null);
                }
            }
            List<String> problems = SchemaCheck.problems(c);
            if (!problems.isEmpty()) {
                throw new DatabaseException(DatabaseException.Kind.SCHEMA, "public.user_sessions at " + DatabaseException.describe(url)
                        + " does not match what the console needs:\n  - " + String.join("\n  - ", problems)
                        + "\nThe console never changes the schema; point it at a database with the expected table.", null);
            }
        } catch (SQLException e) {
            throw DatabaseException.from(e, url, null);
        }
    }
}
