package com.sessionconsole.domain;

import java.nio.file.Path;

/**
 * What the analyst asked for on the command line; any part may be null and is then looked up elsewhere.
 * {@code url} is a JDBC URL, a libpq URI or a key/value string; {@code host}, {@code port} and
 * {@code dbname} are psql's -h, -p and -d, an alternative to {@code url}.
 */
public record ConnectionRequest(String url, String user, String host, Integer port, String dbname, String readUrl,
                                boolean readOnly, boolean demo, Path configFile, String profile) {
    public static final ConnectionRequest DEFAULT = new ConnectionRequest(null, null, null, null, null, null, false, false, null);

    /** A request without a named profile. */
    public ConnectionRequest(String url, String user, String host, Integer port, String dbname, String readUrl,
                             boolean readOnly, boolean demo, Path configFile) {
        this(url, user, host, port, dbname, readUrl, readOnly, demo, configFile, null);
    }

    public boolean hasHostPortOrDb() {
        return host != null || port != null || dbname != null;
    }
}
