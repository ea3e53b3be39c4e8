package com.sessionconsole.audit;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Where audit records are forwarded: {@code tcp://host:port} or {@code udp://host:port}, nothing else. */
public record SyslogTarget(boolean tcp, String host, int port) {

    public static SyslogTarget parse(String text) {
        String hint = "audit-syslog must be tcp://HOST:PORT or udp://HOST:PORT, e.g. tcp://siem.example.com:514 (plain text, no TLS)";
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a syslog address: " + hint, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("tcp") && !scheme.equals("udp") || uri.getHost() == null || uri.getPort() < 1 || uri.getPort() > 65535
                || uri.getUserInfo() != null || (uri.getPath() != null && !uri.getPath().isEmpty()) || uri.getQuery() != null
                || uri.getFragment() != null) {
            throw new IllegalArgumentException("'" + text + "' is not a syslog address: " + hint);
        }
        return new SyslogTarget(scheme.equals("tcp"), uri.getHost(), uri.getPort());
    }

    @Override
    public String toString() {
        return (tcp ? "tcp" : "udp") + "://" + host + ":" + port;
    }
}
