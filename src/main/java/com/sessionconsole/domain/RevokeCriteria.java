package com.sessionconsole.domain;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What to revoke: exactly the {@code expectedIds} the analyst saw and confirmed, and for a revoke by key,
 * only those of them that still belong to that user, device or IP. Never more: sessions of the key that
 * appear later are reported, not revoked.
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
        return "the " + expectedIds.size() + " confirmed session(s) of " + groupBy.label() + " " + (key == null ? "(empty)" : key);
    }
}
