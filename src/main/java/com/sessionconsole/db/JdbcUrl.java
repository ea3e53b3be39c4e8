package com.sessionconsole.db;

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
        return new JdbcUrl(hosts, m.group(2));
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

    public static String of(String host, int port, String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }
}
