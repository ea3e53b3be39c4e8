package com.sessionconsole.workspace;

import com.sessionconsole.db.ConnectionSettings;
import com.sessionconsole.db.JdbcUrl;
import com.sessionconsole.db.PgPassFile;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** What libpq's environment variables (PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD) and password file say, as psql reads them. */
record PgEnvironment(Map<String, String> env) {
    String host() {
        return env.get("PGHOST");
    }

    String database() {
        return env.get("PGDATABASE");
    }

    String user() {
        return env.get("PGUSER");
    }

    /** The server the environment names, or null when it names no host and no database. */
    String url() {
        String host = host();
        String db = database();
        if (host == null && db == null) {
            return null;
        }
        return JdbcUrl.of(host == null ? "localhost" : host, port(), db != null ? db : user() != null ? user() : "postgres");
    }

    int port() {
        String p = env.get("PGPORT");
        if (p == null) {
            return 5432;
        }
        if (!p.strip().matches("\\d{1,5}")) {
            throw new IllegalArgumentException("PGPORT='" + p + "' is not a port number");
        }
        return Integer.parseInt(p.strip());
    }

    /** PGPASSWORD, else the matching password file line; a password file that others can read is skipped with a warning, as libpq does. */
    Optional<String> password(ConnectionSettings settings, Consumer<String> warn) {
        String fromEnv = env.get("PGPASSWORD");
        if (fromEnv != null) {
            return Optional.of(fromEnv);
        }
        PgPassFile pgpass = PgPassFile.standard(env);
        String problem = pgpass.permissionProblem();
        if (problem != null) {
            warn.accept(problem);
            return Optional.empty();
        }
        return pgpass.find(settings.parsedUrl(), settings.user());
    }
}
