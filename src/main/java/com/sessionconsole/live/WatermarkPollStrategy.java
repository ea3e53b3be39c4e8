package com.sessionconsole.live;

import com.sessionconsole.db.ActiveSetSnapshot;
import com.sessionconsole.db.ActiveSetSnapshot.Fingerprint;
import com.sessionconsole.db.SessionDao;
import com.sessionconsole.domain.Narrowing;
import com.sessionconsole.domain.ReplicaLag;
import com.sessionconsole.domain.Session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A tick that costs about one scan of the active set when nothing changed, and not much more when a few
 * rows did. All reads of a tick see one snapshot:
 * <ol>
 * <li>Sessions whose expires_at has passed leave locally, on the server's clock: the server's active set
 *     at this snapshot is exactly the one at the last tick, minus those, plus what was written since.</li>
 * <li>The server's fingerprint (count, sum of xmin, a weighted sum) is compared with the one kept here.
 *     Equal: nothing changed, nothing is transferred.</li>
 * <li>Otherwise every active row whose xmin is not older than the last snapshot's xmin is read: each
 *     insert or update since then, whenever its transaction commits, has such an xmin, because every
 *     transaction below a snapshot's xmin had already finished. The scan that computes the fingerprint
 *     names these rows too, so they are read by key, with no second scan.</li>
 * <li>If the fingerprints still differ, rows left the set (revoked, deleted): the per-bucket fingerprints
 *     name the buckets, and the keys of only those buckets are compared.</li>
 * </ol>
 * Every {@link #FULL_CHECK_EVERY}th tick compares every key regardless, so that even a fingerprint
 * collision could not hide a change for longer than that.
 */
public final class WatermarkPollStrategy implements PollStrategy {
    public static final int FULL_CHECK_EVERY = 60;
    /** Above this many rows gone in one tick, every key is compared instead of finding the buckets first. */
    private static final long MANY_GONE = 64;
    /** Above this many rows changed in one tick, they are read by one more scan rather than one key at a time. */
    private static final int MANY_CHANGED = 5_000;
    private static final Set<Integer> ALL_BUCKETS = IntStream.range(0, ActiveSetSnapshot.BUCKETS).boxed().collect(Collectors.toUnmodifiableSet());

    private final SessionDao dao;
    private final MemoryBudget budget;
    private Narrowing narrowing = Narrowing.NONE;
    private KeyTable known;
    private Fingerprint total = Fingerprint.EMPTY;
    private final Fingerprint[] buckets = new Fingerprint[ActiveSetSnapshot.BUCKETS];
    private long watermark;
    private long ticks;

    public WatermarkPollStrategy(SessionDao dao, MemoryBudget budget) {
        this.dao = dao;
        this.budget = budget;
    }

    @Override
    public SessionDelta poll() {
        return known == null ? dao.inSnapshot(narrowing, this::fullLoad) : dao.inSnapshot(narrowing, this::tick);
    }

    @Override
    public void reset() {
        known = null;
    }

    @Override
    public void narrow(Narrowing n) {
        narrowing = n;
        known = null;
    }

    @Override
    public Optional<ReplicaLag> replicaLag() {
        return dao.replicaLag();
    }

    private SessionDelta fullLoad(ActiveSetSnapshot s) {
        long count = s.fingerprint().count();
        budget.check(count, narrowing);
        known = new KeyTable((int) count);
        total = Fingerprint.EMPTY;
        Arrays.fill(buckets, Fingerprint.EMPTY);
        List<Session> rows = new ArrayList<>();
        s.forEachActive(x -> {
            rows.add(x);
            put(x.id(), x.version(), x.expiresAt());
        });
        watermark = s.snapshotXmin();
        ticks = 0;
        return new SessionDelta(rows, Set.of(), s.now(), true);
    }

    private SessionDelta tick(ActiveSetSnapshot s) {
        Instant now = s.now();
        Set<UUID> removed = expireUpTo(now);
        boolean fullCheck = ++ticks % FULL_CHECK_EVERY == 0;
        List<Session> upserts = new ArrayList<>();
        ActiveSetSnapshot.FingerprintAndChanges scan = s.fingerprintAndChangesSince(watermark);
        Fingerprint server = scan.fingerprint(); // the same for every read of this snapshot
        if (fullCheck || !server.equals(total)) {
            Consumer<Session> upsert = x -> {
                if (known.xmin(x.id()) != x.version()) {
                    put(x.id(), x.version(), x.expiresAt());
                    upserts.add(x);
                }
            };
            if (scan.changed().size() > MANY_CHANGED) {
                s.forEachChangedSince(watermark, upsert);
            } else {
                s.activeByIds(scan.changed()).forEach(upsert);
            }
            if (fullCheck || !server.equals(total)) {
                // many rows gone (a revoke of an IP, a purge): reading every key at once is cheaper than finding the buckets first
                boolean many = total.count() - server.count() > MANY_GONE;
                compareKeys(s, fullCheck || many ? ALL_BUCKETS : mismatched(s.buckets()), upserts, removed);
            }
        }
        watermark = s.snapshotXmin();
        upserts.forEach(x -> removed.remove(x.id()));
        return new SessionDelta(upserts, removed, now, false);
    }

    /** Compares every key of these buckets with the server's: what is gone is removed, what differs is read again. */
    private void compareKeys(ActiveSetSnapshot s, Set<Integer> which, List<Session> upserts, Set<UUID> removed) {
        Map<UUID, Long> server = new HashMap<>();
        s.forEachKeyInBuckets(which, k -> server.put(k.id(), k.version()));
        List<UUID> gone = new ArrayList<>();
        known.forEachId(id -> {
            if (which.contains(Fingerprint.bucket(id)) && !server.containsKey(id)) {
                gone.add(id);
            }
        });
        for (UUID id : gone) {
            remove(id);
            removed.add(id);
        }
        List<UUID> differ = server.entrySet().stream().filter(e -> known.xmin(e.getKey()) != e.getValue()).map(Map.Entry::getKey).toList();
        for (Session x : s.activeByIds(differ)) {
            put(x.id(), x.version(), x.expiresAt());
            upserts.add(x);
        }
    }

    private Set<Integer> mismatched(Map<Integer, Fingerprint> server) {
        Set<Integer> out = new HashSet<>();
        for (int b = 0; b < buckets.length; b++) {
            if (!buckets[b].equals(server.getOrDefault(b, Fingerprint.EMPTY))) {
                out.add(b);
            }
        }
        return out;
    }

    /** Sessions whose expires_at is not after {@code now} are no longer active: they leave here, with no read. */
    private Set<UUID> expireUpTo(Instant now) {
        Set<UUID> out = new HashSet<>(known.expiredAt(now));
        out.forEach(this::remove);
        return out;
    }

    private void put(UUID id, long xmin, Instant expires) {
        long previous = known.put(id, xmin, expires);
        if (previous >= 0) {
            account(id, previous, -1);
        }
        account(id, xmin, 1);
    }

    private void remove(UUID id) {
        long previous = known.remove(id);
        if (previous >= 0) {
            account(id, previous, -1);
        }
    }

    private void account(UUID id, long xmin, int sign) {
        total = total.plus(xmin, sign);
        int b = Fingerprint.bucket(id);
        buckets[b] = buckets[b].plus(xmin, sign);
    }
}
