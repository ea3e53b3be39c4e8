package com.sessionconsole.workspace;

import com.sessionconsole.audit.SyslogForwarder;
import com.sessionconsole.db.ConnectionSettings;
import com.sessionconsole.db.DataSourceFactory;
import com.sessionconsole.db.ConnectionString;
import com.sessionconsole.db.DatabaseException;
import com.sessionconsole.db.DatabaseConnector;
import com.sessionconsole.db.EmbeddedDatabase;
import com.sessionconsole.db.JdbcUrl;
import com.sessionconsole.db.PgServiceFile;
import com.sessionconsole.db.SessionWriter;
import com.sessionconsole.domain.ConnectionRequest;
import com.sessionconsole.domain.ReplicaLag;
import com.sessionconsole.audit.AuditLog;
import com.sessionconsole.db.SessionDao;
import com.sessionconsole.demo.DemoDatabase;
import com.sessionconsole.demo.DemoStory;
import com.sessionconsole.demo.DemoTraffic;
import com.sessionconsole.revoke.RevocationService;
import com.sessionconsole.demo.SessionGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Opens a {@link Workspace}: resolves where to connect (flags, then the config file, then PG* variables;
 * the demo database when nothing is configured), connects as libpq would (asking for a password only when
 * the server wants one), opens the pools, checks the schema and the privileges, and wires the services.
 */
public final class WorkspaceFactory {
    public static final int DEMO_ROWS = 20_000;
    public static final int DEMO_ACTIVE = 14_000;
    /** The demo's PostgreSQL cluster, in the data folder. */
    static final String DEMO_CLUSTER = "demo-postgres";
    private static final Logger log = LoggerFactory.getLogger(WorkspaceFactory.class);

    /** Prompts for a password at most this many times per connection, as psql's window equivalents do. */
    static final int MAX_PASSWORD_PROMPTS = 3;

    private final AppDirs dirs;
    private final PgEnvironment pg;
    private final Function<String, Optional<String>> passwordPrompt;
    private final Clock clock;
    private final Consumer<String> warn;
    private final ConnectionString.Services services;

    /**
     * @param passwordPrompt asked only when the server demands a password; gets the prompt text, answers empty for "no"
     * @param warn           told every warning about the configuration, before connecting
     */
    public WorkspaceFactory(AppDirs dirs, Map<String, String> env, Function<String, Optional<String>> passwordPrompt, Clock clock,
                            Consumer<String> warn) {
        this.dirs = dirs;
        this.pg = new PgEnvironment(env);
        this.services = PgServiceFile.standard(env)::require;
        this.passwordPrompt = passwordPrompt;
        this.clock = clock;
        this.warn = warn;
    }

    /** Warnings go to the log; for tests and tools that have nobody to show them to. */
    public WorkspaceFactory(AppDirs dirs, Map<String, String> env, Function<String, Optional<String>> passwordPrompt, Clock clock) {
        this(dirs, env, passwordPrompt, clock, w -> log.warn("{}", w));
    }

    /**
     * Opens the workspace for the window. The demo's background traffic is timed by {@code trafficScheduler} and
     * written on {@code trafficWrites}; a null scheduler means no traffic. With nothing configured, the window opens the demo database (and says so in
     * its title and badge).
     */
    public Workspace open(ConnectionRequest request, ScheduledExecutorService trafficScheduler, Executor trafficWrites) {
        return open(request, trafficScheduler, trafficWrites, step -> { });
    }

    /** As {@link #open(ConnectionRequest, ScheduledExecutorService, Executor)}, telling {@code progress} each step on the way. */
    public Workspace open(ConnectionRequest request, ScheduledExecutorService trafficScheduler, Executor trafficWrites,
                          Consumer<StartupStep> progress) {
        return open(request, trafficScheduler == null ? null : new DemoTrafficThreads(trafficScheduler, trafficWrites), true, progress);
    }

    /** Where the demo's background traffic runs; none for a command. */
    private record DemoTrafficThreads(ScheduledExecutorService scheduler, Executor writes) {
    }

    /**
     * Opens the workspace for a command. A command never falls back to the demo database: its output could be
     * mistaken for the analyst's own sessions. Only --demo opens it.
     */
    public Workspace openForCommand(ConnectionRequest request) {
        return open(request, null, false, step -> { });
    }

    private Workspace open(ConnectionRequest request, DemoTrafficThreads demoTraffic, boolean demoWhenUnconfigured,
                           Consumer<StartupStep> progress) {
        ConfigFile config = ConfigFile.forRequest(request, dirs.configFile());
        List<String> warnings = new ArrayList<>(config.warnings());
        String rawUrl = url(request, config);
        if (rawUrl == null && !request.demo() && !demoWhenUnconfigured) {
            warnings.forEach(warn);
            throw new IllegalArgumentException("no database to connect to: give --url, -h/-p/-d, PGHOST or PGDATABASE, or url= in "
                    + "the config file " + (request.configFile() != null ? request.configFile() : dirs.configFile())
                    + "; --demo runs the command on the embedded demo database");
        }
        if (request.demo() || rawUrl == null) {
            warnings.forEach(warn);
            return withFindingFiles(openDemo(demoTraffic, config, request.readOnly() || config.readOnly(), progress), config);
        }
        ConnectionString primary = connectionString(rawUrl, "--url", warnings, services);
        String rawRead = first(request.readUrl(), config.readUrl());
        ConnectionString replica = rawRead == null ? null : connectionString(rawRead, "--read-url", warnings, services);
        warnings.forEach(warn); // before connecting, so that they are seen even when the connection fails
        String user = first(request.user(), primary.user(), config.user(), pg.user(), System.getProperty("user.name"));
        for (ConnectionString cs : replica == null ? List.of(primary) : List.of(primary, replica)) {
            if (cs.user() != null && !cs.user().equals(user)) {
                throw new IllegalArgumentException("a connection string says user " + cs.user() + " but the database user is " + user
                        + " (from -U/--db-user or the other connection string): give one user for both");
            }
        }
        ConnectionSettings settings = new ConnectionSettings(primary.jdbcUrl(), user, null, replica == null ? null : replica.jdbcUrl(),
                request.readOnly() || config.readOnly(), seconds(config.connectTimeoutSeconds()), seconds(config.statementTimeoutSeconds()), false);
        progress.accept(StartupStep.connecting(settings.describe()));
        Workspace ws = withFindingFiles(openAskingForPassword(settings, config.protectedUsers(), config.replicaLagWarnSeconds() == null
                ? ReplicaLag.DEFAULT_WARN_SECONDS : config.replicaLagWarnSeconds()), config);
        if (config.auditSyslog() != null) {
            SyslogForwarder forwarder = new SyslogForwarder(ws.audit(), config.auditSyslog(), clock, DataSourceFactory.localHostName());
            ws.audit().onAppend(forwarder::wake);
            ws.closeAlso(forwarder);
        }
        return ws;
    }

    private String url(ConnectionRequest request, ConfigFile config) {
        if (request.url() != null && request.hasHostPortOrDb()) {
            throw new IllegalArgumentException("give either --url or -h/-p/-d, not both");
        }
        if (request.hasHostPortOrDb()) {
            return JdbcUrl.of(first(request.host(), pg.host(), "localhost"),
                    request.port() != null ? request.port() : pg.port(),
                    first(request.dbname(), pg.database(), request.user(), pg.user(), System.getProperty("user.name")));
        }
        String service = pg.env().get("PGSERVICE");
        return first(request.url(), config.url(), service == null || service.isBlank() ? null : "service=" + service, pg.url());
    }

    private static ConnectionString connectionString(String text, String flag, List<String> warnings, ConnectionString.Services services) {
        ConnectionString cs = ConnectionString.parse(text, services);
        if (cs.hadPassword()) {
            warnings.add("the connection string of " + flag + " contains a password: it was ignored. Passwords belong in "
                    + "PGPASSWORD or ~/.pgpass, never in a URL (it lands in shell history, config files and logs); remove it");
        }
        return cs;
    }

    private static Duration seconds(Integer s) {
        return s == null ? null : Duration.ofSeconds(s);
    }

    /**
     * Connects with what the environment gives (PGPASSWORD, ~/.pgpass, or nothing), as libpq does, and asks
     * for a password only when the server demands one; a wrong typed password is asked again, up to
     * {@link #MAX_PASSWORD_PROMPTS} times. Trust, peer, certificate and GSSAPI logins never see a prompt.
     */
    private Workspace openAskingForPassword(ConnectionSettings settings, Set<UUID> protectedUsers, double replicaLagWarnSeconds) {
        ConnectionSettings attempt = settings.withPassword(pg.password(settings, warn).orElse(null));
        int prompts = 0;
        while (true) {
            try {
                return openServer(attempt, protectedUsers, replicaLagWarnSeconds);
            } catch (DatabaseException e) {
                boolean demanded = e.kind() == DatabaseException.Kind.PASSWORD_NEEDED;
                boolean typedWrong = prompts > 0 && e.kind() == DatabaseException.Kind.AUTHENTICATION;
                if (!(demanded || typedWrong) || prompts >= MAX_PASSWORD_PROMPTS) {
                    throw e;
                }
                prompts++;
                JdbcUrl u = settings.parsedUrl();
                String where = "user '" + settings.user() + "' at " + u.host() + ":" + u.port() + "/" + u.database();
                Optional<String> typed = passwordPrompt.apply(typedWrong
                        ? "Wrong password for " + where + " (try " + prompts + " of " + MAX_PASSWORD_PROMPTS + ")"
                        : "Password for " + where);
                if (typed.isEmpty()) {
                    throw e;
                }
                attempt = settings.withPassword(typed.get());
            }
        }
    }

    private Workspace withFindingFiles(Workspace ws, ConfigFile config) {
        ws.useFindingFiles(new Workspace.FindingFiles(dirs.data().resolve("findings-" + Integer.toHexString(ws.label().hashCode()) + ".json"),
                config.intelFiles()));
        return ws;
    }

    /** Opens a workspace on a server; also used by tests with their own settings. */
    public Workspace openServer(ConnectionSettings settings, Set<UUID> protectedUsers) {
        return openServer(settings, protectedUsers, ReplicaLag.DEFAULT_WARN_SECONDS);
    }

    private Workspace openServer(ConnectionSettings settings, Set<UUID> protectedUsers, double replicaLagWarnSeconds) {
        DatabaseConnector.Connected connected = DatabaseConnector.connect(settings);
        String disabled = settings.readOnly() ? "read-only mode: revoking is turned off (started with --read-only or read-only=true)"
                : connected.canRevoke() ? null
                : "user '" + settings.user() + "' may not UPDATE is_active and updated_at on public.user_sessions; ask for that grant to revoke";
        // the demo's revokes are kept apart, so that the analyst's audit log holds only revokes of real sessions
        AuditLog audit = new AuditLog(settings.demo() ? dirs.demoAuditLog() : dirs.auditLog());
        RevocationService revocation = new RevocationService(connected.dao(), audit, clock, settings.user(), settings.describe(),
                settings.describeTarget(), protectedUsers, disabled);
        if (settings.readUrl() != null) {
            rememberEarlierRevokes(connected.dao(), audit, settings.describe());
        }
        return new Workspace(connected.dao(), revocation, audit, settings.describe(), settings.demo(), replicaLagWarnSeconds,
                List.of(connected));
    }

    /** The demo honours read-only as a real database does: a read-only tour must not revoke even generated sessions. */
    private Workspace openDemo(DemoTrafficThreads traffic, ConfigFile config, boolean readOnly, Consumer<StartupStep> progress) {
        log.info("starting the embedded demo database");
        progress.accept(StartupStep.startingDemo());
        EmbeddedDatabase db = DemoDatabase.start(dirs.data().resolve(DEMO_CLUSTER));
        List<AutoCloseable> resources = new ArrayList<>();
        resources.add(db);
        try {
            SessionWriter writer = new SessionWriter(db.adminDataSource());
            // the demo's own cluster, kept between starts: its table is made anew, so that every demo starts the same
            writer.execute("DROP TABLE IF EXISTS public.user_sessions");
            writer.createTable();
            ConnectionSettings settings = new ConnectionSettings(db.jdbcUrl(), EmbeddedDatabase.USER, null, null, readOnly, null, null, true);
            Workspace server = openServer(settings, config.protectedUsers());
            resources.add(server);
            Instant serverNow = server.dao().serverTime();
            SessionGenerator generator = new SessionGenerator(42, DEMO_ROWS, DEMO_ACTIVE, serverNow);
            progress.accept(StartupStep.fillingDemo(DEMO_ROWS));
            writer.insert(generator.rows());
            writer.execute("ANALYZE public.user_sessions");
            if (traffic != null) {
                DemoTraffic demoTraffic = new DemoTraffic(writer, generator, new DemoStory(writer, generator, serverNow), traffic.scheduler(),
                        traffic.writes(), clock);
                demoTraffic.start();
                resources.add(demoTraffic);
            }
            return new Workspace(server.dao(), server.revocation(), server.audit(), "demo", true, server.replicaLagWarnSeconds(), resources);
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    /** Revokes this analyst made earlier on this server stay hidden on a lagging replica in this run too. */
    private static void rememberEarlierRevokes(SessionDao dao, AuditLog audit, String server) {
        try {
            audit.committedRevokes(server, 2000).forEach(r -> dao.rememberRevoked(r.ids(), r.walPosition()));
        } catch (IOException e) {
            log.warn("cannot read earlier revokes from {}: {}", audit.file(), e.getMessage());
        }
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
