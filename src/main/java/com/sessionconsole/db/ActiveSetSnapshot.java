package com.sessionconsole.db;

import com.sessionconsole.domain.Session;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Reads of the active set that all see one snapshot (one REPEATABLE READ transaction), valid only inside
 * {@link SessionDao#inSnapshot}. A poll tick asks for the cheap fingerprint first and for rows only when
 * it has to.
 */
public interface ActiveSetSnapshot {
    /** Rows of one bucket are those whose id ends in that byte: {@code id.getLeastSignificantBits() & 0xff}. */
    int BUCKETS = 256;

    /**
     * What one scan says about the active set: how many rows, the sum of their xmin, and a second, nonlinear
     * sum of xmin ({@code xmin * (xmin mod 1048573 + 1)}, mod 2^64). An insert, update, revoke or delete
     * changes it; for changes to cancel out in all three at once their xmin would have to balance in two
     * independent sums. Integer arithmetic only, so the scan costs little more than a count.
     */
    record Fingerprint(long count, long xminSum, long weightedSum) {
        public static final Fingerprint EMPTY = new Fingerprint(0, 0, 0);
        /** A prime below 2^20: the weight stays below 2^20, the product below 2^52, no overflow in SQL. */
        static final long MODULUS = 1_048_573;

        public Fingerprint plus(long xmin, int sign) {
            return new Fingerprint(count + sign, xminSum + sign * xmin, weightedSum + sign * xmin * weight(xmin));
        }

        /** The weight of a row in {@link #weightedSum}. */
        public static long weight(long xmin) {
            return xmin % MODULUS + 1;
        }

        public static int bucket(UUID id) {
            return (int) (id.getLeastSignificantBits() & 0xff);
        }
    }

    /** The server's now() in this snapshot: the active set is what is active at this instant. */
    Instant now();

    /** The xmin of this snapshot: every transaction with a lower id had finished when it was taken. */
    long snapshotXmin();

    Fingerprint fingerprint();

    /**
     * The fingerprint and the ids of the active rows written by a transaction not older than {@code watermark} (see
     * {@link #forEachChangedSince}), from one scan.
     */
    FingerprintAndChanges fingerprintAndChangesSince(long watermark);

    record FingerprintAndChanges(Fingerprint fingerprint, List<UUID> changed) {
        public FingerprintAndChanges {
            changed = List.copyOf(changed);
        }
    }

    /** The fingerprint of each bucket that holds active rows. */
    Map<Integer, Fingerprint> buckets();

    /** Every active row, in full (the first load). */
    void forEachActive(Consumer<Session> sink);

    /**
     * The active rows written by a transaction not older than {@code watermark} (a previous snapshot's
     * xmin): every row inserted or updated since that snapshot, and some it already saw. Compared with
     * {@code age()}, so the 32-bit xmin wrapping around does not matter.
     */
    void forEachChangedSince(long watermark, Consumer<Session> sink);

    /** The keys of the active rows in these buckets. */
    void forEachKeyInBuckets(Set<Integer> buckets, Consumer<SessionDao.ActiveKey> sink);

    /** These sessions, those of them that are active in this snapshot. */
    List<Session> activeByIds(Collection<UUID> ids);
}
