package com.sessionconsole.db;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Reads what analysts paste as a connection: a JDBC URL, a libpq URI
 * ({@code postgresql://user@host:5432/db?sslmode=verify-full}) or a libpq key/value string
 * ({@code host=db1 port=5432 dbname=app sslmode=verify-full}), and turns it into a JDBC URL plus the user.
 * A password in it is never used: it is stripped, and the caller warns (passwords belong in PGPASSWORD
 * or ~/.pgpass, not in text that ends up in shell history, config files and logs).
 */
public record ConnectionString(String jdbcUrl, String user, boolean hadPassword) {
    /** libpq keywords understood, and the pgjdbc property each becomes (null: handled here). */
    private static final Map<String, String> KEYWORDS = Map.ofEntries(
            Map.entry("host", ""), Map.entry("hostaddr", ""), Map.entry("port", ""), Map.entry("dbname", ""),
            Map.entry("user", ""), Map.entry("password", ""),
            Map.entry("sslmode", "sslmode"), Map.entry("sslrootcert", "sslrootcert"), Map.entry("sslcert", "sslcert"),
            Map.entry("sslkey", "sslkey"),
            Map.entry("target_session_attrs", "targetServerType"), Map.entry("options", "options"),
            Map.entry("gssencmode", "gssEncMode"));
    /** pgjdbc options that would lift the console's own bounds on waiting; they are refused, not passed on. */
    private static final Set<String> TIMEOUTS = Set.of("logintimeout", "connecttimeout", "sockettimeout",
            "sslresponsetimeout", "cancelsignaltimeout", "connect_timeout");

    /** libpq's sslmode values, which pgjdbc takes too; any other is refused here rather than failing as "cannot reach". */
    private static final List<String> SSL_MODES = List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    private static void checkSslMode(String mode) {
        if (!SSL_MODES.contains(mode)) {
            throw new IllegalArgumentException("sslmode '" + redact(mode) + "' is not valid: use one of " + String.join(", ", SSL_MODES));
        }
    }

    /** The text with any password in it replaced by ***, for messages. */
    public static String redact(String text) {
        return text == null ? null : text.replaceAll("((?:^|[/:])[^/@:?\\s]*:)[^@/?\\s]*@", "$1***@")
                .replaceAll("(?i)((?:ssl)?password\\s*=\\s*)('[^']*'|[^&\\s]*)", "$1***");
    }

    private static void refuseTimeout(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (TIMEOUTS.contains(n)) {
            throw new IllegalArgumentException("the connection string sets " + name + "; the console bounds every wait itself: set "
                    + "connect-timeout-seconds or statement-timeout-seconds in the config file instead");
        }
        if (n.equals("applicationname") || n.equals("application_name")) {
            throw new IllegalArgumentException("the connection string sets " + name + "; the console names every connection "
                    + "session-console/<os user>@<host> so that a DBA sees who did what: remove it");
        }
        if (n.equals("service")) {
            throw new IllegalArgumentException("a JDBC URL cannot name a service (pg_service.conf): write service=NAME as a key/value "
                    + "connection string or a postgresql:// URI, or give host, port and dbname");
        }
    }

    /** Services looked up by name ({@link PgServiceFile#require}); none when the caller has no service file. */
    public interface Services {
        Map<String, String> require(String name);

        Services NONE = name -> {
            throw new IllegalArgumentException("the connection string names service '" + name + "', and no service file is read here");
        };
    }

    public static ConnectionString parse(String text) {
        return parse(text, Services.NONE);
    }

    /** As {@link #parse(String)}; {@code service=NAME} takes the service's keys, those written beside it winning, as libpq does. */
    public static ConnectionString parse(String text, Services services) {
        String s = text == null ? "" : text.strip();
        if (s.startsWith("jdbc:postgresql:")) {
            return jdbc(s);
        }
        if (s.startsWith("postgresql://") || s.startsWith("postgres://")) {
            return uri(s, services);
        }
        if (s.contains("=")) {
            return keyValue(s, services);
        }
        throw new IllegalArgumentException("'" + redact(s) + "' is not a connection string: use a JDBC URL (jdbc:postgresql://HOST:PORT/DB), "
                + "a libpq URI (postgresql://USER@HOST:PORT/DB) or key/value pairs (host=HOST port=PORT dbname=DB)");
    }

    /** A JDBC URL stays as it is, but without password= and user= (reported as the user, and set apart from the URL). */
    private static ConnectionString jdbc(String url) {
        JdbcUrl.parse(url); // validates host, port and database
        int q = url.indexOf('?');
        if (q < 0) {
            return new ConnectionString(url, null, false);
        }
        StringJoiner kept = new StringJoiner("&");
        String user = null;
        boolean password = false;
        for (String pair : url.substring(q + 1).split("&")) {
            String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            refuseTimeout(name);
            if (name.equals("sslmode")) {
                checkSslMode(decode(pair.substring(pair.indexOf('=') + 1)));
            }
            if (name.equalsIgnoreCase("password")) {
                password = true;
            } else if (name.equals("user")) {
                user = decode(pair.substring(pair.indexOf('=') + 1));
            } else if (!pair.isEmpty()) {
                kept.add(pair);
            }
        }
        String base = url.substring(0, q);
        return new ConnectionString(kept.length() == 0 ? base : base + "?" + kept, user, password);
    }

    private static ConnectionString uri(String uri, Services services) {
        String rest = uri.substring(uri.indexOf("://") + 3);
        Map<String, String> params = new LinkedHashMap<>();
        int q = rest.indexOf('?');
        if (q >= 0) {
            for (String pair : rest.substring(q + 1).split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("'" + pair + "' in the connection URI is not NAME=VALUE");
                    }
                    params.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
                }
            }
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            params.putIfAbsent("dbname", decode(rest.substring(slash + 1)));
            rest = rest.substring(0, slash);
        }
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            int colon = userInfo.indexOf(':');
            params.putIfAbsent("user", decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            if (colon >= 0) {
                params.putIfAbsent("password", "");
            }
            rest = rest.substring(at + 1);
        }
        List<String> hosts = new ArrayList<>();
        List<String> ports = new ArrayList<>();
        for (String hp : rest.split(",")) {
            if (hp.isEmpty()) {
                continue;
            }
            String host = hp;
            String port = "";
            if (hp.startsWith("[")) {
                int close = hp.indexOf(']');
                host = hp.substring(0, close + 1);
                port = hp.length() > close + 2 ? hp.substring(close + 2) : "";
            } else if (hp.contains(":")) {
                host = hp.substring(0, hp.indexOf(':'));
                port = hp.substring(hp.indexOf(':') + 1);
            }
            hosts.add(decode(host));
            ports.add(port);
        }
        if (!hosts.isEmpty()) {
            params.putIfAbsent("host", String.join(",", hosts));
            if (ports.stream().anyMatch(p -> !p.isEmpty())) {
                params.putIfAbsent("port", String.join(",", ports));
            }
        }
        return fromKeywords(withService(params, services));
    }

    private static ConnectionString keyValue(String text, Services services) {
        Map<String, String> params = new LinkedHashMap<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int eq = text.indexOf('=', i);
            if (eq < 0) {
                throw new IllegalArgumentException("'" + text.substring(i) + "' in the connection string is not key=value");
            }
            String key = text.substring(i, eq).strip();
            i = eq + 1;
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            StringBuilder value = new StringBuilder();
            if (i < n && text.charAt(i) == '\'') {
                i++;
                while (i < n && text.charAt(i) != '\'') {
                    if (text.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    value.append(text.charAt(i++));
                }
                if (i >= n) {
                    throw new IllegalArgumentException("the value of " + key + " in the connection string has no closing quote");
                }
                i++;
            } else {
                while (i < n && !Character.isWhitespace(text.charAt(i))) {
                    if (text.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    value.append(text.charAt(i++));
                }
            }
            params.put(key, value.toString());
        }
        return fromKeywords(withService(params, services));
    }

    private static Map<String, String> withService(Map<String, String> params, Services services) {
        String name = params.remove("service");
        if (name != null) {
            services.require(name).forEach(params::putIfAbsent);
        }
        return params;
    }

    private static ConnectionString fromKeywords(Map<String, String> params) {
        for (String key : params.keySet()) {
            refuseTimeout(key);
            if (!KEYWORDS.containsKey(key)) {
                throw new IllegalArgumentException("the connection string has '" + key + "', which the console does not support; use "
                        + String.join(", ", KEYWORDS.keySet().stream().sorted().toList()));
            }
        }
        if (params.containsKey("sslmode")) {
            checkSslMode(params.get("sslmode"));
        }
        String host = params.getOrDefault("host", params.getOrDefault("hostaddr", "localhost"));
        if (host.startsWith("/")) {
            throw new IllegalArgumentException("host=" + host + " is a Unix socket folder; the console connects over TCP: use host=localhost");
        }
        String[] hosts = host.split(",");
        String[] ports = params.getOrDefault("port", "5432").split(",", -1);
        if (ports.length != 1 && ports.length != hosts.length) {
            throw new IllegalArgumentException("the connection string names " + hosts.length + " hosts but " + ports.length + " ports");
        }
        StringJoiner hostList = new StringJoiner(",");
        for (int k = 0; k < hosts.length; k++) {
            String port = ports.length == 1 ? ports[0] : ports[k];
            port = port.isEmpty() ? "5432" : port;
            if (!port.matches("\\d{1,5}")) {
                throw new IllegalArgumentException("port '" + port + "' in the connection string is not a port number");
            }
            hostList.add(JdbcUrl.hostPart(hosts[k]) + ":" + port);
        }
        String user = params.get("user");
        String db = params.getOrDefault("dbname", user != null ? user : "postgres");
        StringJoiner query = new StringJoiner("&");
        params.forEach((key, value) -> {
            String property = KEYWORDS.get(key);
            if (!property.isEmpty()) {
                query.add(property + "=" + JdbcUrl.encode(key.equals("target_session_attrs") ? targetServerType(value) : value));
            }
        });
        String url = "jdbc:postgresql://" + hostList + "/" + JdbcUrl.encode(db) + (query.length() == 0 ? "" : "?" + query);
        return new ConnectionString(url, user, params.containsKey("password"));
    }

    private static String targetServerType(String libpq) {
        return switch (libpq) {
            case "read-write", "primary" -> "primary";
            case "read-only", "standby" -> "secondary";
            case "prefer-standby" -> "preferSecondary";
            case "any" -> "any";
            default -> throw new IllegalArgumentException("target_session_attrs=" + libpq
                    + " is not supported; use any, read-write, primary, read-only, standby or prefer-standby");
        };
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
