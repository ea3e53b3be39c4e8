package com.sessionconsole.db;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/** A database failure, with a message an analyst can act on. */
public class DatabaseException extends RuntimeException {
    private final Kind kind;

    public enum Kind { UNREACHABLE, AUTHENTICATION, PASSWORD_NEEDED, NO_DATABASE, SCHEMA, TIMEOUT, PERMISSION, EMBEDDED, OTHER }

    public DatabaseException(String message, Throwable cause) {
        this(Kind.OTHER, message, cause);
    }

    public DatabaseException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** True when the server could not be reached at all, as opposed to refusing a statement. */
    public boolean isConnectionLost() {
        return kind == Kind.UNREACHABLE;
    }

    public static DatabaseException from(SQLException e, String jdbcUrl, String user) {
        String where = describe(jdbcUrl);
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        Throwable root = rootCause(e);
        if (root instanceof UnknownHostException) {
            return new DatabaseException(Kind.UNREACHABLE, "unknown host " + where + ": check the host name in the URL", e);
        }
        if (root instanceof javax.net.ssl.SSLException || root instanceof java.security.cert.CertificateException
                || root instanceof java.security.cert.CertPathValidatorException
                || (e.getMessage() != null && e.getMessage().startsWith("SSL error"))) {
            return new DatabaseException(Kind.UNREACHABLE, "TLS check failed for " + where + ": the server certificate is not trusted "
                    + "by the CA in sslrootcert, or its name does not match the host (" + firstLine(root.getMessage())
                    + "). Check sslmode and sslrootcert in the URL", e);
        }
        if ("08004".equals(state) || (e.getMessage() != null && e.getMessage().contains("no password was provided"))) {
            return new DatabaseException(Kind.PASSWORD_NEEDED, "the server at " + where + " wants a password for user '" + user
                    + "' and none was given: set PGPASSWORD, add a line to ~/.pgpass (HOST:PORT:DATABASE:USER:PASSWORD, mode 0600), "
                    + "or run the command in a terminal to be asked", e);
        }
        if (e.getMessage() != null && e.getMessage().contains("Connection attempt timed out")) {
            return new DatabaseException(Kind.UNREACHABLE, "cannot connect to PostgreSQL at " + where + ": no answer within the "
                    + "connect timeout (connect-timeout-seconds; a firewall that drops packets, or a stuck proxy?)", e);
        }
        if (root instanceof ConnectException || root instanceof SocketTimeoutException || state.startsWith("08")) {
            return new DatabaseException(Kind.UNREACHABLE, "cannot reach PostgreSQL at " + where
                    + ": check the host and port, the network, and that the server accepts TCP connections", e);
        }
        return switch (state) {
            case "28P01", "28000" -> new DatabaseException(Kind.AUTHENTICATION, "authentication failed for user '" + user + "' at " + where
                    + ": check the user, and the password in PGPASSWORD or ~/.pgpass", e);
            case "3D000" -> new DatabaseException(Kind.NO_DATABASE, "the database in " + where + " does not exist: check the database name in the URL", e);
            case "57014" -> new DatabaseException(Kind.TIMEOUT, "the query at " + where + " was cancelled by statement_timeout: another "
                    + "session holds a lock on these rows, or the server is slow. Nothing was changed by this statement", e);
            case "55P03" -> new DatabaseException(Kind.TIMEOUT, "the rows at " + where + " are locked by another session (lock_timeout). "
                    + "Nothing was changed by this statement", e);
            case "42501" -> new DatabaseException(Kind.PERMISSION, "permission denied on " + where + ": " + firstLine(e.getMessage()), e);
            case "57P01", "57P02", "57P03" -> new DatabaseException(Kind.UNREACHABLE, "the server at " + where + " closed the connection (" + firstLine(e.getMessage()) + ")", e);
            default -> new DatabaseException(Kind.OTHER, "database error at " + where + ": " + firstLine(e.getMessage()), e);
        };
    }

    public static String describe(String jdbcUrl) {
        try {
            JdbcUrl u = JdbcUrl.parse(jdbcUrl);
            return u.host() + ":" + u.port() + "/" + u.database();
        } catch (IllegalArgumentException e) {
            return "the configured server";
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static Throwable rootCause(Throwable t) {
        Throwable cur = t;
        while (cur.getCause() != null && cur.getCause() != cur) {
            cur = cur.getCause();
        }
        return cur;
    }
}
