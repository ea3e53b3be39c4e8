package com.sessionconsole.domain;

import java.time.Instant;

/**
 * Active sessions of one user, device or IP. A NULL key is a group of its own. Distinct counts
 * treat NULL as one value, the same way the grouping does.
 */
public record GroupSummary(
        GroupBy groupBy,
        String key,
        long activeSessions,
        long distinctUsers,
        long distinctIps,
        long distinctDevices,
        Instant firstCreated,
        Instant lastCreated,
        Integer lowestTrust) {

    public long distinct(GroupBy dimension) {
        return switch (dimension) {
            case USER -> distinctUsers;
            case IP -> distinctIps;
            case DEVICE -> distinctDevices;
        };
    }
}
