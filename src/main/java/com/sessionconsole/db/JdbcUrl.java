package com.sessionconsole.db;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The host, port and database of a PostgreSQL JDBC URL, for messages and for ~/.pgpass lookups. */
public record JdbcUrl(String host, int port, String database) {
    private static final Pattern URL = Pattern.compile(
            "jdbc:postgresql://(\\[[^\\]]+\\]|[^:/?,]*)(?::(\\d+))?(?:,[^/]*)?/([^?]*)(?:\\?.*)?");

    public static JdbcUrl parse(String url) {
        Matcher m = URL.matcher(url == null ? "" : url);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + ConnectionString.redact(url) + "' is not a PostgreSQL JDBC URL: use jdbc:postgresql://HOST:PORT/DATABASE");
        }
        String host = m.group(1).isEmpty() ? "localhost" : m.group(1);
        int port = m.group(2) == null ? 5432 : Integer.parseInt(m.group(2));
        return new JdbcUrl(host, port, m.group(3));
    }

    public static String of(String host, int port, String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }
}
