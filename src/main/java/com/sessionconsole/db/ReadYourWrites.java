package com.sessionconsole.db;

import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Sessions this console revoked on the primary that the read replica may not show as revoked yet. Each
 * revoke is kept with the primary's WAL position after its commit, until a read on the replica sees a
 * replay position at or past it; until then those ids count as revoked on every read, so a revoked
 * session never reappears, however far the replica lags.
 */
final class ReadYourWrites {
    private final Map<Long, Set<UUID>> pendingByLsn = new LinkedHashMap<>();

    synchronized void revoked(Set<UUID> ids, String commitLsn) {
        if (!ids.isEmpty()) {
            pendingByLsn.computeIfAbsent(parse(commitLsn), k -> new HashSet<>()).addAll(ids);
        }
    }

    /**
     * Forgets the revokes that a read which started at this replay position already reflects, and returns
     * the ids still to hide. A null position is a read server not in recovery (promoted, or never a standby):
     * nothing says it has these commits, so they stay hidden.
     */
    synchronized Set<UUID> hiddenFor(String replayLsn) {
        Set<UUID> hidden = new HashSet<>();
        if (replayLsn == null) {
            pendingByLsn.values().forEach(hidden::addAll);
            return hidden;
        }
        long replayed = parse(replayLsn);
        for (Iterator<Map.Entry<Long, Set<UUID>>> it = pendingByLsn.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, Set<UUID>> e = it.next();
            if (Long.compareUnsigned(e.getKey(), replayed) <= 0) {
                it.remove();
            } else {
                hidden.addAll(e.getValue());
            }
        }
        return hidden;
    }

    synchronized boolean isEmpty() {
        return pendingByLsn.isEmpty();
    }

    /** "16/B374D848" as a 64-bit position. */
    static long parse(String lsn) {
        int slash = lsn.indexOf('/');
        return (Long.parseLong(lsn.substring(0, slash), 16) << 32) | Long.parseLong(lsn.substring(slash + 1), 16);
    }
}
