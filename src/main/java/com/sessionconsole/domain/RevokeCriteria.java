package com.sessionconsole.domain;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What to revoke: a set of ids, or every active session of one user, device or IP.
 * {@code expectedIds} are the ids the analyst saw and confirmed; those that the database no
 * longer finds active are reported back as already inactive.
 */
public record RevokeCriteria(GroupBy groupBy, String key, Set<UUID> expectedIds) {

    public RevokeCriteria {
        expectedIds = Set.copyOf(Objects.requireNonNull(expectedIds));
    }

    public static RevokeCriteria ids(Set<UUID> ids) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no session ids to revoke");
        }
        return new RevokeCriteria(null, null, ids);
    }

    public static RevokeCriteria group(GroupBy by, String key, Set<UUID> expectedIds) {
        return new RevokeCriteria(Objects.requireNonNull(by), key, expectedIds);
    }

    public boolean byIds() {
        return groupBy == null;
    }

    public String describe() {
        if (byIds()) {
            return expectedIds.size() + " selected session(s)";
        }
        return "all sessions of " + groupBy.label() + " " + (key == null ? "(empty)" : key);
    }
}
