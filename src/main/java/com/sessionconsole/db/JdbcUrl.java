package com.sessionconsole.db;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hosts, ports and database of a PostgreSQL JDBC URL, for messages and for password file lookups. A URL
 * may name several hosts (jdbc:postgresql://db1:5432,db2:5433/sessions); every one is kept, in order.
 */
public record JdbcUrl(List<Host> hosts, String database) {
    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^/]*)/([^?]*)(?:\\?.*)?");
    private static final Pattern HOST = Pattern.compile("(\\[[^\\]]+\\]|[^:\\[\\]]*)(?::(\\d+))?");
    private static final int DEFAULT_PORT = 5432;

    /** One host of the URL; an IPv6 address keeps its brackets. */
    public record Host(String name, int port) {
    }

    public JdbcUrl {
        hosts = List.copyOf(hosts);
    }

    public static JdbcUrl parse(String url) {
        Matcher m = URL.matcher(url == null ? "" : url);
        if (!m.matches()) {
            throw notAUrl(url);
        }
        List<Host> hosts = new ArrayList<>();
        for (String part : m.group(1).split(",", -1)) {
            Matcher h = HOST.matcher(part);
            if (!h.matches()) {
                throw notAUrl(url);
            }
            hosts.add(new Host(h.group(1).isEmpty() ? "localhost" : h.group(1), h.group(2) == null ? DEFAULT_PORT : Integer.parseInt(h.group(2))));
        }
        return new JdbcUrl(hosts, URLDecoder.decode(m.group(2), StandardCharsets.UTF_8)); // as pgjdbc reads it
    }

    private static IllegalArgumentException notAUrl(String url) {
        return new IllegalArgumentException("'" + ConnectionString.redact(url)
                + "' is not a PostgreSQL JDBC URL: use jdbc:postgresql://HOST:PORT/DATABASE");
    }

    /** The first host: the one named in messages. */
    public String host() {
        return hosts.get(0).name();
    }

    /** The first host's port. */
    public int port() {
        return hosts.get(0).port();
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
