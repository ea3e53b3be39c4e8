package com.sessionconsole.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A private PostgreSQL server for the demo and the tests, started from the binaries on the classpath.
 * It listens on loopback only and trusts local connections; it is deleted when closed.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";
    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedDatabase start(Map<String, String> serverConfig) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            builder.setServerConfig("listen_addresses", "127.0.0.1");
            serverConfig.forEach(builder::setServerConfig);
            return new EmbeddedDatabase(builder.start());
        } catch (IOException | RuntimeException e) {
            throw new DatabaseException(DatabaseException.Kind.EMBEDDED, "cannot start the embedded PostgreSQL: " + e.getMessage()
                    + " (it needs the 'unshare' command when run as root, and a writable /tmp)", e);
        }
    }

    public static EmbeddedDatabase start() {
        return start(Map.of());
    }

    /** A server whose data survives close(), so that it can be started again on the same port (fault tests). */
    public static EmbeddedDatabase startPersistent(Path dataDirectory, int port) {
        return startPersistent(dataDirectory, port, Map.of());
    }

    /** The same, with server settings (a replication primary or standby in the tests). */
    public static EmbeddedDatabase startPersistent(Path dataDirectory, int port, Map<String, String> serverConfig) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port);
            // the server's own log beside its data, for the test that needs to know why it stopped
            ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log").toFile());
            builder.setOutputRedirector(log).setErrorRedirector(log);
            builder.setServerConfig("listen_addresses", "127.0.0.1");
            serverConfig.forEach(builder::setServerConfig);
            return new EmbeddedDatabase(builder.start());
        } catch (IOException e) {
            throw new DatabaseException(DatabaseException.Kind.EMBEDDED, "cannot start the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return JdbcUrl.of("localhost", port(), DATABASE);
    }

    public DataSource adminDataSource() {
        return postgres.getPostgresDatabase();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("cannot stop the embedded PostgreSQL", e);
        }
    }
}
