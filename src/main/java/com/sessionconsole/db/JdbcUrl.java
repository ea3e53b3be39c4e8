package com.sessionconsole.db;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
        return new JdbcUrl(host, port, URLDecoder.decode(m.group(3), StandardCharsets.UTF_8)); // as pgjdbc reads it
    }

    /**
     * The URL of psql-style parts (-h, -p, -d, PGHOST, PGDATABASE). Each part means only itself, as it does to psql:
     * the database name is percent-encoded (a name such as {@code app?options=-c…} must not become URL parameters),
     * and a host that is not one host name or address (a comma list, a path, a query) is refused.
     */
    public static String of(String host, int port, String database) {
        return "jdbc:postgresql://" + hostPart(host) + ":" + port + "/" + encode(database);
    }

    /** One host for a JDBC URL: a name or an IPv4 address as is, an IPv6 address in brackets; anything else is refused. */
    static String hostPart(String host) {
        if (host.matches("[A-Za-z0-9_]([A-Za-z0-9_.-]{0,252})")) {
            return host;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.matches("[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]{1,16})?") && bare.contains(":")) {
            return "[" + bare + "]";
        }
        throw new IllegalArgumentException("host '" + ConnectionString.redact(host) + "' is not one host name or address; for several "
                + "hosts or connection options, give a connection string with --url");
    }

    /** A database name or a parameter value, percent-encoded for a JDBC URL; pgjdbc decodes it back to exactly this text. */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
