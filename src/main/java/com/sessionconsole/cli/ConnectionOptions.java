package com.sessionconsole.cli;

import com.sessionconsole.domain.ConnectionRequest;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The connection flags every command shares with the GUI; -h, -p, -d and -U mean what they mean to psql. */
public final class ConnectionOptions {
    @Option(names = "--url", paramLabel = "CONNECTION",
            description = "where to connect: a JDBC URL (jdbc:postgresql://HOST:PORT/DB?sslmode=verify-full), a libpq URI"
                    + " (postgresql://USER@HOST:PORT/DB?sslmode=verify-full) or libpq key/value pairs ('host=H port=P dbname=D',"
                    + " 'service=NAME' from ~/.pg_service.conf). Several hosts (h1:p1,h2:p2) fail over. A password in it is ignored,"
                    + " with a warning.")
    String url;

    @Option(names = {"-h", "--host"}, paramLabel = "HOST", description = "database server host (instead of --url; default: PGHOST, localhost)")
    String host;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", description = "database server port (default: PGPORT, 5432)")
    Integer port;

    @Option(names = {"-d", "--dbname"}, paramLabel = "DBNAME", description = "database name (default: PGDATABASE, the user name)")
    String dbname;

    @Option(names = {"-U", "--db-user"}, paramLabel = "NAME",
            description = "database user (default: the connection string's user, the config file, PGUSER, your login name)")
    String user;

    @Option(names = "--read-url", paramLabel = "CONNECTION", description = "a read replica for polling and reads; revokes always use the primary")
    String readUrl;

    @Option(names = "--read-only", description = "never write: revoke is disabled and connections are read-only")
    boolean readOnly;

    @Option(names = "--demo", description = "use the embedded demo database")
    boolean demo;

    @Option(names = "--config", paramLabel = "FILE", description = "config file (default: the platform's user config folder); it must exist")
    Path config;

    @Option(names = "--profile", paramLabel = "NAME", description = "a named connection of the config file: profile.NAME.url, .user, .read-url, .read-only")
    String profile;

    /**
     * The request of a subcommand: these options (written after its name) together with the ones written before
     * it, on the root. An option means the same in either place; given in both with different values, it is a
     * usage error, never a silent choice of one.
     */
    ConnectionRequest toRequest(ConnectionOptions before, CommandLine cl) {
        ConnectionOptions merged = new ConnectionOptions();
        merged.url = one(cl, "--url", before.url, url);
        merged.host = one(cl, "-h/--host", before.host, host);
        merged.port = one(cl, "-p/--port", before.port, port);
        merged.dbname = one(cl, "-d/--dbname", before.dbname, dbname);
        merged.user = one(cl, "-U/--db-user", before.user, user);
        merged.readUrl = one(cl, "--read-url", before.readUrl, readUrl);
        merged.config = one(cl, "--config", before.config, config);
        merged.profile = one(cl, "--profile", before.profile, profile);
        merged.readOnly = before.readOnly || readOnly;
        merged.demo = before.demo || demo;
        return merged.toRequest();
    }

    private static <T> T one(CommandLine cl, String flag, T before, T after) {
        if (before != null && after != null && !before.equals(after)) {
            throw new CommandLine.ParameterException(cl, flag + " is given twice with different values, before and after '"
                    + cl.getCommandName() + "': give it once");
        }
        return after != null ? after : before;
    }

    public ConnectionRequest toRequest() {
        if (port != null && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("-p/--port " + port + " is not a port number (1 to 65535)");
        }
        ConnectionRequest request = new ConnectionRequest(url, user, host, port, dbname, readUrl, readOnly, demo, config, profile);
        if (profile != null && (url != null || request.hasHostPortOrDb() || demo)) {
            throw new IllegalArgumentException("--profile " + profile + " names the connection: it cannot be combined with --url, -h/-p/-d"
                    + " or --demo; drop one of them");
        }
        if (demo && (url != null || request.hasHostPortOrDb() || readUrl != null)) {
            throw new IllegalArgumentException("--demo opens the embedded demo database: it cannot be combined with --url, "
                    + "-h/-p/-d or --read-url; drop one of them");
        }
        return request;
    }

}
