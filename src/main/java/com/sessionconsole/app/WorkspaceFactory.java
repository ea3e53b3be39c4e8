package com.sessionconsole.app;

import com.sessionconsole.db.ConnectionSettings;
import com.sessionconsole.db.DatabaseConnector;
import com.sessionconsole.db.EmbeddedDatabase;
import com.sessionconsole.db.JdbcUrl;
import com.sessionconsole.db.PgPassFile;
import com.sessionconsole.db.SessionWriter;
import com.sessionconsole.domain.ConnectionRequest;
import com.sessionconsole.service.AuditLog;
import com.sessionconsole.service.DemoTraffic;
import com.sessionconsole.service.RevocationService;
import com.sessionconsole.service.SessionGenerator;
import com.sessionconsole.service.TaskRunner;
import com.sessionconsole.service.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Opens a {@link Workspace}: resolves where to connect (flags, then the config file, then PG* variables;
 * the demo database when nothing is configured), finds the password, opens the pools, checks the schema
 * and the privileges, and wires the services.
 */
public final class WorkspaceFactory {
    public static final int DEMO_ROWS = 20_000;
    public static final int DEMO_ACTIVE = 14_000;
    private static final Logger log = LoggerFactory.getLogger(WorkspaceFactory.class);

    private final AppDirs dirs;
    private final Map<String, String> env;
    private final Function<String, Optional<String>> passwordPrompt;
    private final Clock clock;

    public WorkspaceFactory(AppDirs dirs, Map<String, String> env, Function<String, Optional<String>> passwordPrompt, Clock clock) {
        this.dirs = dirs;
        this.env = env;
        this.passwordPrompt = passwordPrompt;
        this.clock = clock;
    }

    /** Opens the workspace; {@code demoTraffic} is the runner for the demo's background traffic, or null for none. */
    public Workspace open(ConnectionRequest request, TaskRunner demoTraffic) {
        ConfigFile config = ConfigFile.load(request.configFile() != null ? request.configFile() : dirs.configFile());
        String url = first(request.url(), config.url(), envUrl());
        if (request.demo() || url == null) {
            return openDemo(demoTraffic, config);
        }
        String user = first(request.user(), config.user(), env.get("PGUSER"),
                url.contains("user=") ? null : System.getProperty("user.name"));
        Duration timeout = config.statementTimeoutSeconds() == null ? null : Duration.ofSeconds(config.statementTimeoutSeconds());
        boolean readOnly = request.readOnly() || config.readOnly();
        ConnectionSettings settings = new ConnectionSettings(url, user, null, first(request.readUrl(), config.readUrl()),
                readOnly, null, timeout, false);
        settings = settings.withPassword(password(settings).orElse(null));
        return openServer(settings, config.protectedUsers(), config.warnings());
    }

    /** Opens a workspace on a server; also used by tests with their own settings. */
    public Workspace openServer(ConnectionSettings settings, Set<UUID> protectedUsers, List<String> warnings) {
        DatabaseConnector.Connected connected = DatabaseConnector.connect(settings);
        String disabled = settings.readOnly() ? "read-only mode: revoking is turned off (started with --read-only or read-only=true)"
                : connected.canRevoke() ? null
                : "user '" + settings.user() + "' may not UPDATE is_active and updated_at on public.user_sessions; ask for that grant to revoke";
        AuditLog audit = new AuditLog(dirs.auditLog());
        RevocationService revocation = new RevocationService(connected.dao(), audit, clock, settings.user(), settings.describe(),
                protectedUsers, disabled);
        return new Workspace(connected.dao(), revocation, audit, settings.describe(), settings.demo(), warnings, List.of(connected));
    }

    private Workspace openDemo(TaskRunner trafficRunner, ConfigFile config) {
        log.info("starting the embedded demo database");
        EmbeddedDatabase db = EmbeddedDatabase.start();
        List<AutoCloseable> resources = new ArrayList<>();
        resources.add(db);
        try {
            SessionWriter writer = new SessionWriter(db.adminDataSource());
            writer.createTable();
            ConnectionSettings settings = new ConnectionSettings(db.jdbcUrl(), EmbeddedDatabase.USER, null, null, false, null, null, true);
            Workspace server = openServer(settings, config.protectedUsers(), config.warnings());
            resources.add(server);
            SessionGenerator generator = new SessionGenerator(42, DEMO_ROWS, DEMO_ACTIVE, server.dao().serverTime());
            writer.insert(generator.rows());
            writer.execute("ANALYZE public.user_sessions");
            if (trafficRunner != null) {
                DemoTraffic traffic = new DemoTraffic(writer, generator, trafficRunner, clock);
                traffic.start();
                resources.add(traffic);
            }
            return new Workspace(server.dao(), server.revocation(), server.audit(), "demo", true, server.warnings(), resources);
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    private Optional<String> password(ConnectionSettings settings) {
        String fromEnv = env.get("PGPASSWORD");
        if (fromEnv != null) {
            return Optional.of(fromEnv);
        }
        JdbcUrl u = settings.parsedUrl();
        Optional<String> fromFile = PgPassFile.standard(env).find(u.host(), u.port(), u.database(), settings.user());
        return fromFile.isPresent() ? fromFile : passwordPrompt.apply(settings.describe());
    }

    private String envUrl() {
        String host = env.get("PGHOST");
        String db = env.get("PGDATABASE");
        if (host == null && db == null) {
            return null;
        }
        int port = 5432;
        String p = env.get("PGPORT");
        if (p != null) {
            if (!p.strip().matches("\\d{1,5}")) {
                throw new IllegalArgumentException("PGPORT='" + p + "' is not a port number");
            }
            port = Integer.parseInt(p.strip());
        }
        return JdbcUrl.of(host == null ? "localhost" : host, port, db == null ? first(env.get("PGUSER"), "postgres") : db);
    }

    /** Closes what was opened so far, newest first, keeping the first failure's cause for the caller. */
    private static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                log.warn("closing {} after a failed start failed: {}", resources.get(i), e.toString());
            }
        }
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
