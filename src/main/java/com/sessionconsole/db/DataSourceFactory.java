package com.sessionconsole.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.UUID;

/** Builds the small HikariCP pools the console uses: keep-alive on, bounded connect and statement times. */
public final class DataSourceFactory {
    public static final int MIN_CONNECTIONS = 2;
    public static final int MAX_CONNECTIONS = 4;
    static final long POOL_WAIT_MILLIS = 5_000;

    static {
        // pgjdbc reads ~/.pgpass (or PGPASSFILE) by itself when no password is given, without libpq's check
        // that others cannot read it. The console reads the file itself (PgPassFile) and refuses a shared one,
        // so the driver's own lookup is pointed at a file that does not exist.
        System.setProperty("org.postgresql.pgpassfile", Path.of(System.getProperty("java.io.tmpdir"),
                "session-console-reads-pgpass-itself-" + UUID.randomUUID(), "pgpass").toString());
    }

    private DataSourceFactory() {
    }

    /** "session-console/OS-USER@HOST". */
    static String applicationName() {
        String name = "session-console/" + System.getProperty("user.name") + "@" + localHostName();
        return name.length() > 63 ? name.substring(0, 63) : name; // PostgreSQL keeps 63 bytes of it
    }

    /** This machine's name, from the environment or /etc/hostname, never from DNS. */
    public static String localHostName() {
        for (String variable : new String[]{"HOSTNAME", "COMPUTERNAME"}) {
            String v = System.getenv(variable);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        try {
            return Files.readString(Path.of("/etc/hostname")).strip();
        } catch (IOException | RuntimeException e) {
            return "unknown-host";
        }
    }

    /**
     * Opens a pool and checks that one connection can be made.
     *
     * @throws DatabaseException with a message that says what to fix, when it cannot connect
     */
    public static HikariDataSource open(ConnectionSettings settings, String jdbcUrl, String poolName, boolean readOnly) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMinimumIdle(MIN_CONNECTIONS);
        config.setMaximumPoolSize(MAX_CONNECTIONS);
        config.setReadOnly(readOnly);
        // Waiting for a pooled connection gives up sooner than a TCP connect, so that a dead server shows within a poll.
        config.setConnectionTimeout(Math.min(POOL_WAIT_MILLIS, settings.connectTimeout().toMillis()));
        config.setValidationTimeout(Math.min(5000, settings.connectTimeout().toMillis()));
        config.setInitializationFailTimeout(1);
        config.setKeepaliveTime(60_000);
        // A literal built from a number, never from user text.
        config.setConnectionInitSql("SET statement_timeout = " + settings.statementTimeout().toMillis());
        config.addDataSourceProperty("tcpKeepAlive", "true");
        // TCP connect, TLS, startup and authentication together give up after the connect timeout: a server
        // that accepts TCP and never answers must not hold the console for the socket timeout.
        String connectSeconds = Long.toString(Math.max(1, settings.connectTimeout().toSeconds()));
        config.addDataSourceProperty("connectTimeout", connectSeconds);
        config.addDataSourceProperty("loginTimeout", connectSeconds);
        // who is connected, for a DBA's pg_stat_activity, log_line_prefix or pgaudit
        config.addDataSourceProperty("ApplicationName", applicationName());
        // A socket that stops answering after login (network partition) must not hang a statement forever.
        config.addDataSourceProperty("socketTimeout", Long.toString(settings.statementTimeout().toSeconds() + 15));
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof SQLException sql) {
                throw DatabaseException.from(sql, jdbcUrl, settings.user());
            }
            throw new DatabaseException("cannot connect to " + JdbcUrl.parse(jdbcUrl).host() + ": " + cause.getMessage(), cause);
        }
    }
}
