package com.sessionconsole.db;
import javax.net.ssl.SSLException;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.sql.SQLException;

/** A database failure, with a message an analyst can act on. */
public class DatabaseException extends RuntimeException {
    private final Kind kind;

    /** ENDED: the server closed a connection the console already had, in the middle of a command (it was reachable). */
    public enum Kind { UNREACHABLE, ENDED, AUTHENTICATION, PASSWORD_NEEDED, NO_DATABASE, SCHEMA, TIMEOUT, PERMISSION, EMBEDDED, OTHER }

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

    /** True when there is no connection to the server any more, as opposed to a statement it refused. */
    public boolean isConnectionLost() {
        return kind == Kind.UNREACHABLE || kind == Kind.ENDED;
    }

    /**
     * A failure on a connection the console already had. One that the server ended (an administrator's
     * pg_terminate_backend, a shutdown) is said as such: "cannot reach" would send the analyst to check a network that works.
     */
    static DatabaseException duringCommand(SQLException e, String jdbcUrl) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        Throwable root = rootCause(e);
        String why = switch (state) {
            case "57P01" -> "terminated by an administrator (pg_terminate_backend) or by a fast shutdown of the server";
            case "57P02" -> "the server is shutting down after a crash";
            case "57P03" -> "the server is starting up or shutting down";
            // a pool's failed connect carries these states too, with the connect error as its root
            case "08006", "08003" -> root instanceof ConnectException || root instanceof UnknownHostException
                    || root instanceof SocketTimeoutException ? null
                    : "terminated by an administrator, the server shutting down, or the network between you dropping it";
            default -> null;
        };
        if (why == null) {
            return from(e, jdbcUrl, null);
        }
        return new DatabaseException(Kind.ENDED, "the server at " + describe(jdbcUrl) + " ended the connection (" + why + ") while the "
                + "command was running; it had connected, so the host, port and login are fine. Run the command again", e);
    }

    public static DatabaseException from(SQLException e, String jdbcUrl, String user) {
        String where = describe(jdbcUrl);
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        Throwable root = rootCause(e);
        if (root instanceof UnknownHostException) {
            return new DatabaseException(Kind.UNREACHABLE, "unknown host " + where + ": check the host name in the URL", e);
        }
        if (root instanceof SSLException || root instanceof CertificateException
                || root instanceof CertPathValidatorException
                || (e.getMessage() != null && e.getMessage().startsWith("SSL error"))) {
            return new DatabaseException(Kind.UNREACHABLE, "TLS check failed for " + where + ": the server certificate is not trusted "
                    + "by the CA in sslrootcert, or its name does not match the host (" + firstLine(root.getMessage())
                    + "). Check sslmode and sslrootcert in the URL", e);
        }
        if (e.getMessage() != null && e.getMessage().contains("does not support SSL")) {
            return new DatabaseException(Kind.UNREACHABLE, "the server at " + where + " does not offer TLS, and the connection asks for it "
                    + "(sslmode=require or stricter in the URL): turn on ssl in the server's postgresql.conf, or connect through a "
                    + "server that offers it", e);
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
