package com.sessionconsole.live;

import com.sessionconsole.domain.Timestamps;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The poller's compact table against a HashMap, through growth, tombstones and the infinities. */
class KeyTableTest {
    private record Row(long xmin, Instant expires) {
    }

    @Property(tries = 30)
    void behavesLikeAMap(@ForAll long seed) {
        Random rnd = new Random(seed);
        KeyTable table = new KeyTable(rnd.nextInt(4));
        Map<UUID, Row> oracle = new HashMap<>();
        List<UUID> ids = new ArrayList<>();
        Instant base = Instant.parse("2026-11-27T00:00:00Z");
        for (int step = 0; step < 3000; step++) {
            int op = rnd.nextInt(10);
            if (op < 6 || ids.isEmpty()) {
                UUID id = rnd.nextInt(4) == 0 && !ids.isEmpty() ? ids.get(rnd.nextInt(ids.size())) : UUID.randomUUID();
                Instant expires = switch (rnd.nextInt(20)) {
                    case 0 -> Timestamps.INFINITY;
                    case 1 -> Timestamps.MINUS_INFINITY;
                    default -> base.plusSeconds(rnd.nextInt(7200) - 3600);
                };
                long xmin = rnd.nextInt(Integer.MAX_VALUE);
                Row before = oracle.put(id, new Row(xmin, expires));
                assertThat(table.put(id, xmin, expires)).isEqualTo(before == null ? -1 : before.xmin());
                ids.add(id);
            } else if (op < 9) {
                UUID id = ids.get(rnd.nextInt(ids.size()));
                Row before = oracle.remove(id);
                assertThat(table.remove(id)).isEqualTo(before == null ? -1 : before.xmin());
            } else {
                UUID id = ids.get(rnd.nextInt(ids.size()));
                assertThat(table.xmin(id)).isEqualTo(oracle.containsKey(id) ? oracle.get(id).xmin() : -1);
            }
            assertThat(table.size()).isEqualTo(oracle.size());
        }
        Set<UUID> expired = new HashSet<>();
        oracle.forEach((id, row) -> {
            if (!row.expires().isAfter(base)) {
                expired.add(id);
            }
        });
        assertThat(new HashSet<>(table.expiredAt(base))).isEqualTo(expired);
        Set<UUID> all = new HashSet<>();
        table.forEachId(all::add);
        assertThat(all).isEqualTo(oracle.keySet());
    }
}
