package com.sessionconsole.live;

import com.sessionconsole.domain.CodePointOrder;
import com.sessionconsole.domain.Locations;
import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.SummaryKey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Active sessions grouped by any {@link SummaryKey}, with the distinct counts an incident question needs. For user,
 * device and IP the first eight columns are {@link GroupIndex}'s (a test holds them equal); NULL is a key and a value of
 * its own, as there. Sorted as {@link GroupIndex#ORDER}: most sessions first, then by key in code point order, NULL first.
 */
public final class SummaryTable {
    public static final List<String> HEADER = List.of("key", "active_sessions", "distinct_users", "distinct_ips", "distinct_devices",
            "first_created_at", "last_created_at", "lowest_trust", "distinct_locations", "distinct_countries");

    public record Row(String key, long activeSessions, long distinctUsers, long distinctIps, long distinctDevices,
                      Instant firstCreated, Instant lastCreated, Integer lowestTrust, long distinctLocations, long distinctCountries) {
        public List<Object> values() {
            return java.util.Arrays.asList(key, activeSessions, distinctUsers, distinctIps, distinctDevices, firstCreated, lastCreated,
                    lowestTrust, distinctLocations, distinctCountries);
        }
    }

    private static final Comparator<Row> ORDER = Comparator.comparingLong(Row::activeSessions).reversed()
            .thenComparing(Row::key, Comparator.nullsFirst(CodePointOrder.INSTANCE));

    private SummaryTable() {
    }

    public static List<Row> of(SummaryKey by, SummaryKey.Prefixes prefixes, Iterable<Session> sessions) {
        Map<String, Group> groups = new HashMap<>();
        for (Session s : sessions) {
            groups.computeIfAbsent(by.key(s, prefixes), k -> new Group()).add(s);
        }
        List<Row> rows = new ArrayList<>(groups.size());
        groups.forEach((key, g) -> rows.add(g.row(key)));
        rows.sort(ORDER);
        return rows;
    }

    private static final class Group {
        long count;
        final Set<Object> users = new HashSet<>();
        final Set<String> ips = new HashSet<>();
        final Set<String> devices = new HashSet<>();
        final Set<String> locations = new HashSet<>();
        final Set<String> countries = new HashSet<>();
        Instant first;
        Instant last;
        Integer lowest;

        void add(Session s) {
            count++;
            users.add(s.userId());
            ips.add(s.ipAddress());
            devices.add(s.deviceId());
            locations.add(s.location());
            countries.add(Locations.country(s.location()));
            Instant c = s.createdAt();
            if (c != null) {
                first = first == null || c.isBefore(first) ? c : first;
                last = last == null || c.isAfter(last) ? c : last;
            }
            if (s.trustLevel() != null && (lowest == null || s.trustLevel() < lowest)) {
                lowest = s.trustLevel();
            }
        }

        Row row(String key) {
            return new Row(key, count, users.size(), ips.size(), devices.size(), first, last, lowest, locations.size(), countries.size());
        }
    }
}
