package com.sessionconsole.db;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to connect. The password lives only in memory and is left out of toString.
 * {@code readUrl}, when set, is a replica that polling reads from; revokes always use {@code url}.
 */
public record ConnectionSettings(
        String url,
        String user,
        String password,
        String readUrl,
        boolean readOnly,
        Duration connectTimeout,
        Duration statementTimeout,
        boolean demo) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(30);

    public ConnectionSettings {
        Objects.requireNonNull(url, "url");
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        statementTimeout = statementTimeout == null ? DEFAULT_STATEMENT_TIMEOUT : statementTimeout;
    }

    public ConnectionSettings withPassword(String newPassword) {
        return new ConnectionSettings(url, user, newPassword, readUrl, readOnly, connectTimeout, statementTimeout, demo);
    }

    public ConnectionSettings withStatementTimeout(Duration timeout) {
        return new ConnectionSettings(url, user, password, readUrl, readOnly, connectTimeout, timeout, demo);
    }

    public JdbcUrl parsedUrl() {
        return JdbcUrl.parse(url);
    }

    /** "demo", or "user@host:port/database" for the status bar and the audit log. */
    /** Which database a revoke changes, in words for the analyst: the demo, or the database, the server and the user. */
    public String describeTarget() {
        if (demo) {
            return "the embedded DEMO database (generated sessions, not yours)";
        }
        JdbcUrl u = parsedUrl();
        return "database '" + u.database() + "' on server " + u.host() + ":" + u.port() + (user == null ? "" : " as user " + user);
    }

    public String describe() {
        if (demo) {
            return "demo";
        }
        JdbcUrl u = parsedUrl();
        return (user == null ? "" : user + "@") + u.host() + ":" + u.port() + "/" + u.database();
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + describe() + (readUrl == null ? "" : ", read replica") + (readOnly ? ", read-only" : "") + "]";
    }
}
