package com.sessionconsole.domain;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/** Which rules run, and their thresholds; {@code newWithin} is the look-back window (ended sessions created within it count). */
public record FindingSettings(Set<FindingRule> enabled, int minIpsPerUser, int minCountriesPerUser, int minUsersPerIp,
                              int minUsersPerDevice, int maxLowTrust, Duration newWithin, int burstSessions, Duration burstWindow) {

    public static final FindingSettings DEFAULTS = new FindingSettings(EnumSet.allOf(FindingRule.class), 8, 3, 20, 5, 10,
            Duration.ofHours(24), 20, Duration.ofMinutes(10));

    public FindingSettings {
        enabled = Set.copyOf(enabled);
    }

    public boolean on(FindingRule rule) {
        return enabled.contains(rule);
    }

    public FindingSettings with(FindingRule rule, boolean on) {
        EnumSet<FindingRule> next = enabled.isEmpty() ? EnumSet.noneOf(FindingRule.class) : EnumSet.copyOf(enabled);
        if (on) {
            next.add(rule);
        } else {
            next.remove(rule);
        }
        return new FindingSettings(next, minIpsPerUser, minCountriesPerUser, minUsersPerIp, minUsersPerDevice, maxLowTrust,
                newWithin, burstSessions, burstWindow);
    }

    public FindingSettings only(FindingRule rule) {
        return new FindingSettings(EnumSet.of(rule), minIpsPerUser, minCountriesPerUser, minUsersPerIp, minUsersPerDevice,
                maxLowTrust, newWithin, burstSessions, burstWindow);
    }
}
