package com.sessionconsole.domain;

import java.time.Instant;
import java.util.Map;

/**
 * What a user's history (a bounded window, ended sessions included) says about them: when their first session
 * in the window was created, and when each IP, device and location text of theirs was first seen. A session is on a new IP for
 * its user when the user had sessions before it but none from that IP.
 */
public record UserFootprint(Instant firstSession, Map<String, Instant> ipFirstSeen, Map<String, Instant> deviceFirstSeen,
                            Map<String, Instant> locationFirstSeen) {
    public UserFootprint {
        ipFirstSeen = Map.copyOf(ipFirstSeen);
        deviceFirstSeen = Map.copyOf(deviceFirstSeen);
        locationFirstSeen = Map.copyOf(locationFirstSeen);
    }

    /** Whether the session is in a country (by {@link Locations#country}) where the user had no session before it, although they had sessions. */
    public boolean isNewCountry(Session s) {
        if (s.location() == null || s.location().isBlank() || s.createdAt() == null || firstSession == null || !firstSession.isBefore(s.createdAt())) {
            return false;
        }
        String country = Locations.country(s.location());
        return locationFirstSeen.entrySet().stream().noneMatch(e -> e.getValue().isBefore(s.createdAt())
                && Locations.country(e.getKey()).equalsIgnoreCase(country));
    }

    /** Whether the session came from an IP (or device) that this user never used before it, although they had sessions before it. */
    public boolean isNew(Session s, GroupBy dimension) {
        String key = s.key(dimension);
        if (key == null || s.createdAt() == null || firstSession == null || !firstSession.isBefore(s.createdAt())) {
            return false;
        }
        Instant first = (dimension == GroupBy.IP ? ipFirstSeen : deviceFirstSeen).get(key);
        return first == null || !first.isBefore(s.createdAt());
    }
}
