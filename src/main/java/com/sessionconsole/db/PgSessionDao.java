package com.sessionconsole.db;

import com.sessionconsole.domain.FindingRule;
import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.Narrowing;
import com.sessionconsole.domain.ReplicaLag;
import com.sessionconsole.domain.RevokeCriteria;
import com.sessionconsole.domain.RevokeResult;
import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.UserFootprint;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The PostgreSQL implementation of {@link SessionDao}, split by purpose: {@link ActiveSetReader} (the poller's
 * COPY reads, on the replica), {@link SessionQueries} (history, token and finding lookups) and
 * {@link RevokeWriter} (the revoke and its primary reads). {@link SessionRows} holds the column list and
 * the row mapping. Every value is a bound parameter; the only text spliced into SQL is a column name
 * chosen from {@link GroupBy}.
 */
public final class PgSessionDao implements SessionDao {
    /** Written with the literal {@code is_active = true} so that the partial indexes apply. */
    public static final String ACTIVE = SessionRows.ACTIVE;
    /** The first full read of the active set (UTF-8 database); the benchmark copies exactly this statement for its floor. */
    public static final String ACTIVE_ROWS_SQL = "SELECT " + SessionRows.columns(false) + " FROM public.user_sessions WHERE " + ACTIVE;
    /** The per-tick key read. */
    public static final String ACTIVE_KEYS_SQL = ActiveSetReader.ACTIVE_KEYS_SQL;

    private final ActiveSetReader active;
    private final SessionQueries queries;
    private final RevokeWriter writer;

    /**
     * @param rawText true for a SQL_ASCII database: its text columns may hold any bytes, and the server
     *                refuses to send bytes that are not UTF-8 to a UTF-8 client, failing the whole read.
     *                Text then travels as bytea and is decoded here, a bad value flagged instead of fatal.
     */
    public PgSessionDao(DataSource readSource, DataSource writeSource, String jdbcUrl, boolean rawText) {
        SessionSources sources = new SessionSources(readSource, writeSource, jdbcUrl, rawText);
        this.active = new ActiveSetReader(sources);
        this.queries = new SessionQueries(sources);
        this.writer = new RevokeWriter(sources);
    }

    @Override
    public Instant forEachActive(Consumer<Session> sink) {
        return active.forEachActive(sink);
    }

    @Override
    public <T> T inSnapshot(Narrowing narrowing, Function<ActiveSetSnapshot, T> work) {
        return active.inSnapshot(narrowing, work);
    }

    @Override
    public Instant serverTime() {
        return active.serverTime();
    }

    @Override
    public Optional<ReplicaLag> replicaLag() {
        return active.replicaLag();
    }

    @Override
    public void forEachInHistory(GroupBy by, String key, Consumer<Session> sink) {
        queries.forEachInHistory(by, key, sink);
    }

    @Override
    public List<Session> sessionsByTokenFingerprint(String hexPrefix) {
        return queries.sessionsByTokenFingerprint(hexPrefix);
    }

    @Override
    public List<Session> sessionsByToken(String token) {
        return queries.sessionsByToken(token);
    }

    @Override
    public Map<FindingRule, Zombies> zombieRows(UUID user, int sampleSize) {
        return queries.zombieRows(user, sampleSize);
    }

    @Override
    public List<Session> recentlyEnded(Instant since, int limit) {
        return queries.recentlyEnded(since, limit);
    }

    @Override
    public Map<UUID, UserFootprint> footprints(Collection<UUID> users, Instant since) {
        return queries.footprints(users, since);
    }

    @Override
    public List<UUID> newDeviceAndAddress(Instant since, Instant historyFrom, int limit) {
        return queries.newDeviceAndAddress(since, historyFrom, limit);
    }

    @Override
    public Map<String, Instant> addressesFirstSeen(Collection<String> ips, Instant since) {
        return queries.addressesFirstSeen(ips, since);
    }

    @Override
    public RevokeResult revoke(RevokeCriteria criteria, Set<UUID> protectedUsers) {
        return writer.revoke(criteria, protectedUsers);
    }

    @Override
    public List<Session> sessionsOnPrimary(Collection<UUID> ids) {
        return writer.sessionsOnPrimary(ids);
    }

    @Override
    public List<Session> activeOnPrimary(GroupBy by, String key) {
        return writer.activeOnPrimary(by, key);
    }

    @Override
    public void rememberRevoked(Set<UUID> ids, String walPosition) {
        writer.rememberRevoked(ids, walPosition);
    }

    /** Whether the user may revoke: UPDATE on is_active and updated_at. */
    public boolean canRevoke() {
        return writer.canRevoke();
    }
}
