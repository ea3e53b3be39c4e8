package com.sessionconsole.db;

import com.sessionconsole.domain.FindingRule;
import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.Narrowing;
import com.sessionconsole.domain.ReplicaLag;
import com.sessionconsole.domain.RevokeCriteria;
import com.sessionconsole.domain.RevokeResult;
import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.UserFootprint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Everything the console reads from and writes to public.user_sessions.
 * "Active" is always {@code is_active = true AND deleted_at IS NULL AND expires_at > now()} on the server's clock.
 */
public interface SessionDao {

    /** The key and version of one active row, as the poller needs them. */
    record ActiveKey(UUID id, long version, Instant expiresAt) {
    }

    /** Streams every active session; returns the server's now() of the snapshot it read. */
    Instant forEachActive(Consumer<Session> sink);

    /** Runs {@code work} with reads of the (narrowed) active set that all see one snapshot; see {@link ActiveSetSnapshot}. */
    <T> T inSnapshot(Narrowing narrowing, Function<ActiveSetSnapshot, T> work);

    /** The sessions with these ids, in any state, read on the primary (what a revoke previews; the truth after a commit in doubt). */
    List<Session> sessionsOnPrimary(Collection<UUID> ids);

    /** The active sessions of one user, device or IP, read on the primary, newest first; a revoke's preview. */
    List<Session> activeOnPrimary(GroupBy by, String key);

    /** Every session of one user, device or IP, ended ones included, newest first. A null key means NULL. */
    default List<Session> history(GroupBy by, String key) {
        List<Session> all = new ArrayList<>();
        forEachInHistory(by, key, all::add);
        return all;
    }

    /** {@link #history}, each session handed on as it is read: for outputs of any size. */
    void forEachInHistory(GroupBy by, String key, Consumer<Session> sink);

    /**
     * Sets the matching active sessions inactive in one set-based statement and one transaction.
     * Deletes nothing. Sessions of {@code protectedUsers} are never touched.
     */
    RevokeResult revoke(RevokeCriteria criteria, Set<UUID> protectedUsers);

    /** The sessions whose token's SHA-256 in hex starts with these (lower-case) hex digits, hashed on the server. */
    List<Session> sessionsByTokenFingerprint(String hexPrefix);

    /** The sessions whose token equals the given one, compared on the server; the token is a bound parameter. */
    List<Session> sessionsByToken(String token);

    /** Rows of one kind that break the definition of active: how many there are, and at most a sample of them. */
    record Zombies(long count, List<Session> sample) {
        public Zombies {
            sample = List.copyOf(sample);
        }
    }

    /**
     * Rows that break the definition of active in a suspicious way, per rule: is_active true but expired
     * ({@link FindingRule#ACTIVE_BUT_EXPIRED}), true but soft-deleted ({@link FindingRule#ACTIVE_BUT_DELETED}),
     * or NULL ({@link FindingRule#ACTIVE_NULL}). Each count is the server's full count; each sample holds at most
     * {@code sampleSize} of the rows, newest first, read in the same snapshot. With a {@code user}, only that
     * user's rows are counted and sampled (filtered on the server, before the sample).
     */
    Map<FindingRule, Zombies> zombieRows(UUID user, int sampleSize);

    /**
     * Sessions created at or after {@code since} that are not active now (ended, revoked, deleted, or with an odd
     * flag), newest first, at most {@code limit}: what the findings add to the active set so that a burst or a trip
     * does not vanish when its sessions end.
     */
    List<Session> recentlyEnded(Instant since, int limit);

    /**
     * The history of these users since {@code since}, ended sessions included: their first session and the first
     * time each IP and device was seen. One grouped query per batch of users, on the index on user_id.
     */
    Map<UUID, UserFootprint> footprints(Collection<UUID> users, Instant since);

    /**
     * The ids of active sessions created since {@code since} on a device and from an address that their user had not
     * used since {@code historyFrom}, although the user had sessions before: the candidates for an unfamiliar sign-in,
     * newest first, at most {@code limit}. One query on the index on user_id.
     */
    List<UUID> newDeviceAndAddress(Instant since, Instant historyFrom, int limit);

    /**
     * When each of these stored ip_address texts was first used since {@code since}, ended sessions included: an
     * address in use for days is infrastructure, one first seen an hour ago is not. One query on the index on
     * (ip_address, created_at); an address with no session since then is absent.
     */
    Map<String, Instant> addressesFirstSeen(Collection<String> ips, Instant since);

    /**
     * Sessions revoked earlier (by another run of the console, from its audit log) at this primary WAL
     * position: reads on a replica hide them until it has replayed that far. Without a replica, nothing.
     */
    void rememberRevoked(Set<UUID> ids, String walPosition);

    /** How far the read replica is behind the primary; empty without a replica. */
    Optional<ReplicaLag> replicaLag();

    /** The server's clock. */
    Instant serverTime();
}
