package com.sessionconsole.cli;

import com.sessionconsole.domain.ConnectionRequest;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The connection flags every command shares with the GUI. */
public final class ConnectionOptions {
    @Option(names = "--url", paramLabel = "JDBC_URL",
            description = "jdbc:postgresql://HOST:PORT/DATABASE[?sslmode=...]; options pass through to pgjdbc")
    String url;

    @Option(names = "--db-user", paramLabel = "NAME", description = "database user (default: config file, PGUSER, the URL's user=, your login name);"
            + " where --user is not a filter, --user works too")
    String user;

    @Option(names = "--read-url", paramLabel = "JDBC_URL", description = "a read replica for polling and reads; revokes always use --url")
    String readUrl;

    @Option(names = "--read-only", description = "never write: revoke is disabled and connections are read-only")
    boolean readOnly;

    @Option(names = "--demo", description = "use the embedded demo database")
    boolean demo;

    @Option(names = "--config", paramLabel = "FILE", description = "config file (default: the platform's user config folder)")
    Path config;

    public ConnectionRequest toRequest() {
        return new ConnectionRequest(url, user, readUrl, readOnly, demo, config);
    }
}
