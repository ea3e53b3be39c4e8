package com.sessionconsole.findings;

import com.sessionconsole.domain.IpAddresses;
import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.Timestamps;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The sessions the findings judge: the active set and the sessions created in the look-back window that have
 * ended since (so a burst or a trip does not vanish when its sessions end), each once, grouped by user, IP and device.
 */
final class Population {
    final List<Session> all;
    final Map<String, List<Session>> byIp = new HashMap<>();
    final Map<String, List<Session>> byDevice = new HashMap<>();
    final Map<UUID, List<Session>> byUser = new HashMap<>();

    Population(Collection<Session> active, Collection<Session> ended, Instant since) {
        Map<UUID, Session> unique = new LinkedHashMap<>();
        active.forEach(s -> unique.put(s.id(), s));
        // an ended session counts only inside the window; the active ones count whenever they were created
        ended.stream().filter(s -> timed(s) && !s.createdAt().isBefore(since)).forEach(s -> unique.putIfAbsent(s.id(), s));
        all = new ArrayList<>(unique.values());
        // a table has far fewer distinct addresses than sessions: each text is parsed once
        Map<String, Boolean> isIp = new HashMap<>();
        for (Session s : all) {
            if (s.ipAddress() != null && isIp.computeIfAbsent(s.ipAddress(), IpAddresses::isIp)) {
                byIp.computeIfAbsent(s.ipAddress(), k -> new ArrayList<>()).add(s);
            }
            if (s.deviceId() != null && !s.deviceId().isBlank()) {
                byDevice.computeIfAbsent(s.deviceId(), k -> new ArrayList<>()).add(s);
            }
            if (s.userId() != null) {
                byUser.computeIfAbsent(s.userId(), k -> new ArrayList<>()).add(s);
            }
        }
    }

    /** Whether the session has a usable creation time. */
    static boolean timed(Session s) {
        return s.createdAt() != null && Timestamps.isFinite(s.createdAt());
    }
}
