package com.sessionconsole.db;

import com.sessionconsole.db.ActiveSetSnapshot.Fingerprint;
import com.sessionconsole.domain.Narrowing;
import com.sessionconsole.domain.NewSession;
import com.sessionconsole.support.Rows;
import com.sessionconsole.support.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tick's one scan computes each row's xmin from {@code age(xmin)} instead of converting it to text: its fingerprint must
 * equal the one built from the xmin the other reads return, and it must name exactly the rows written since a watermark.
 */
class FusedFingerprintTest {
    TestDatabase db = TestDatabase.get();
    HikariDataSource pool;
    PgSessionDao dao;
    SessionWriter writer;

    @BeforeEach
    void setUp() {
        writer = db.resetTable();
        pool = DataSourceFactory.open(db.settings(), db.url(), "fingerprint-test", false);
        dao = new PgSessionDao(pool, pool, db.url(), false);
    }

    @AfterEach
    void tearDown() {
        pool.close();
    }

    @Test
    void theScanAgreesWithTheKeysAndNamesWhatChangedSinceTheWatermark() {
        Instant now = dao.serverTime();
        List<NewSession> rows = new ArrayList<>();
        IntStream.range(0, 300).forEach(i -> rows.add(Rows.active(UUID.randomUUID(), now).build()));
        writer.insert(rows);
        db.exec("UPDATE public.user_sessions SET is_active = false WHERE id IN (SELECT id FROM public.user_sessions ORDER BY id LIMIT 20)");
        long watermark = dao.inSnapshot(Narrowing.NONE, ActiveSetSnapshot::snapshotXmin);

        db.exec("UPDATE public.user_sessions SET trust_level = 7 WHERE id IN (SELECT id FROM public.user_sessions WHERE is_active = true "
                + "ORDER BY id DESC LIMIT 5)");
        Set<UUID> written = new HashSet<>();
        db.query("SELECT id FROM public.user_sessions WHERE trust_level = 7").forEach(r -> written.add(UUID.fromString(r.get(0))));
        assertThat(written).hasSize(5);

        dao.inSnapshot(Narrowing.NONE, s -> {
            Fingerprint fromKeys = Fingerprint.EMPTY;
            List<SessionDao.ActiveKey> keys = new ArrayList<>();
            s.forEachKeyInBuckets(allBuckets(), keys::add);
            for (SessionDao.ActiveKey k : keys) {
                fromKeys = fromKeys.plus(k.version(), 1);
            }
            ActiveSetSnapshot.FingerprintAndChanges scan = s.fingerprintAndChangesSince(watermark);
            assertThat(keys).hasSize(280);
            assertThat(scan.fingerprint()).isEqualTo(fromKeys).isEqualTo(s.fingerprint());
            assertThat(new HashSet<>(scan.changed())).isEqualTo(written);
            return null;
        });
    }

    private static Set<Integer> allBuckets() {
        Set<Integer> all = new HashSet<>();
        IntStream.range(0, ActiveSetSnapshot.BUCKETS).forEach(all::add);
        return all;
    }
}
