package com.sessionconsole.live;

import com.sessionconsole.db.SessionDao;
import com.sessionconsole.domain.Session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Each tick reads only (id, xmin, expires_at) of the active set, diffs it against the previous tick,
 * and fetches full rows only for ids that are new or whose xmin changed. xmin changes with every
 * committed update, so no change is missed, whatever the writers' clocks or transaction lengths; hard
 * deletes and expiries simply drop out of the key set.
 */
public final class KeyDiffPollStrategy implements PollStrategy {
    private final SessionDao dao;
    private Map<UUID, Long> known;

    public KeyDiffPollStrategy(SessionDao dao) {
        this.dao = dao;
    }

    @Override
    public SessionDelta poll() {
        return known == null ? fullLoad() : diff();
    }

    @Override
    public void reset() {
        known = null;
    }

    @Override
    public java.util.Optional<com.sessionconsole.domain.ReplicaLag> replicaLag() {
        return dao.replicaLag();
    }

    private SessionDelta fullLoad() {
        List<Session> rows = new ArrayList<>();
        Instant now = dao.forEachActive(rows::add);
        Map<UUID, Long> versions = new HashMap<>(rows.size() * 2);
        rows.forEach(s -> versions.put(s.id(), s.version()));
        known = versions;
        return new SessionDelta(rows, Set.of(), now, true);
    }

    private SessionDelta diff() {
        Map<UUID, Long> current = new HashMap<>(known.size() * 2 + 16);
        List<UUID> toFetch = new ArrayList<>();
        Instant now = dao.forEachActiveKey(key -> {
            current.put(key.id(), key.version());
            Long previous = known.get(key.id());
            if (previous == null || previous != key.version()) {
                toFetch.add(key.id());
            }
        });
        Set<UUID> removed = new HashSet<>();
        for (UUID id : known.keySet()) {
            if (!current.containsKey(id)) {
                removed.add(id);
            }
        }
        List<Session> fetched = toFetch.isEmpty() ? List.of() : dao.activeSessionsByIds(toFetch);
        Set<UUID> arrived = new HashSet<>(fetched.size() * 2);
        for (Session s : fetched) {
            arrived.add(s.id());
            current.put(s.id(), s.version());
        }
        // Rows that ended between the key read and the fetch: drop them now, look again next tick.
        for (UUID id : toFetch) {
            if (!arrived.contains(id)) {
                current.remove(id);
                if (known.containsKey(id)) {
                    removed.add(id);
                }
            }
        }
        known = current;
        return new SessionDelta(fetched, removed, now, false);
    }
}
