package com.sessionconsole.findings;

import com.sessionconsole.db.SessionDao;
import com.sessionconsole.domain.Finding;
import com.sessionconsole.domain.FindingRule;
import com.sessionconsole.domain.FindingSettings;
import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.Locations;
import com.sessionconsole.domain.IpAddresses;
import com.sessionconsole.domain.Measure;
import com.sessionconsole.domain.Session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Computes findings. Rules about the live set run in memory over the poller's snapshot (no table
 * scan). Rules that need rows outside the active set (zombie rows, first-seen IPs and devices) use
 * indexed queries, and their answers are reused for {@link #DB_RULES_MAX_AGE} so that they never run
 * on every tick. Each finding carries what it measured against its threshold, from which its
 * severity is scaled (see {@link FindingRule}).
 * Not thread-safe: one computation at a time (the window runs them in order on a serial lane of the I/O pool).
 */
public final class FindingsEngine {
    public static final Duration DB_RULES_MAX_AGE = Duration.ofSeconds(60);
    /** At most this many rows of each zombie rule are read as evidence; the finding counts all of them and says so. */
    static final int ZOMBIE_SAMPLE = 1_000;
    private static final Map<FindingRule, String> ZOMBIE_NOUNS = Map.of(FindingRule.ACTIVE_BUT_EXPIRED, "active but expired",
            FindingRule.ACTIVE_BUT_DELETED, "active but deleted", FindingRule.ACTIVE_NULL, "with is_active NULL");

    private final SessionDao dao;
    private final Clock clock;
    private final UUID onlyUser;
    private Map<FindingRule, SessionDao.Zombies> zombies;
    private Instant zombiesAt;
    private final Map<GroupBy, Map<UUID, Boolean>> firstSeenCache = new HashMap<>();

    public FindingsEngine(SessionDao dao, Clock clock) {
        this(dao, clock, null);
    }

    /** @param onlyUser if not null, the zombie rules count and sample only this user's rows, filtered on the server */
    public FindingsEngine(SessionDao dao, Clock clock, UUID onlyUser) {
        this.dao = dao;
        this.clock = clock;
        this.onlyUser = onlyUser;
    }

    /** In {@link Finding#ORDER}. */
    public List<Finding> compute(List<Session> active, FindingSettings s, Instant serverNow, boolean forceDbRefresh) {
        List<Finding> out = new ArrayList<>();
        if (s.on(FindingRule.USER_MANY_IPS)) {
            distinctPer(out, active, GroupBy.USER, Session::ipAddress, s.minIpsPerUser(), FindingRule.USER_MANY_IPS, "distinct IPs");
        }
        if (s.on(FindingRule.USER_MANY_COUNTRIES)) {
            distinctPer(out, active, GroupBy.USER, x -> Locations.country(x.location()), s.minCountriesPerUser(), FindingRule.USER_MANY_COUNTRIES, "countries");
        }
        if (s.on(FindingRule.SHARED_IP)) {
            distinctPer(out, active, GroupBy.IP, x -> String.valueOf(x.userId()), s.minUsersPerIp(), FindingRule.SHARED_IP, "users");
        }
        if (s.on(FindingRule.SHARED_DEVICE)) {
            distinctPer(out, active, GroupBy.DEVICE, x -> String.valueOf(x.userId()), s.minUsersPerDevice(), FindingRule.SHARED_DEVICE, "users");
        }
        if (s.on(FindingRule.LOW_TRUST)) {
            tableWide(out, FindingRule.LOW_TRUST, active.stream().filter(x -> x.trustLevel() != null && x.trustLevel() <= s.maxLowTrust()).toList(),
                    "active session(s) with trust at or below " + s.maxLowTrust());
        }
        if (s.on(FindingRule.INVALID_IP)) {
            tableWide(out, FindingRule.INVALID_IP, active.stream().filter(x -> x.ipAddress() != null && !IpAddresses.isIp(x.ipAddress())).toList(),
                    "active session(s) whose ip_address is not an IP");
        }
        if (s.on(FindingRule.UNDECODABLE_ROW)) {
            // one finding per row: the detail names the row's id and each column that failed
            active.stream().filter(x -> x.decodeProblem() != null).forEach(x -> out.add(new Finding(FindingRule.UNDECODABLE_ROW,
                    null, x.id().toString(), x.decodeProblem(), new Measure(1, 1, "undecodable row"), List.of(x))));
        }
        if (s.on(FindingRule.BURST_IP)) {
            bursts(out, active, GroupBy.IP, s, FindingRule.BURST_IP);
        }
        if (s.on(FindingRule.BURST_USER)) {
            bursts(out, active, GroupBy.USER, s, FindingRule.BURST_USER);
        }
        if (s.on(FindingRule.ACTIVE_BUT_EXPIRED) || s.on(FindingRule.ACTIVE_BUT_DELETED) || s.on(FindingRule.ACTIVE_NULL)) {
            zombieFindings(out, s, forceDbRefresh);
        }
        if (s.on(FindingRule.NEW_IP_FOR_USER)) {
            newForUser(out, active, GroupBy.IP, s, serverNow, FindingRule.NEW_IP_FOR_USER);
        }
        if (s.on(FindingRule.NEW_DEVICE_FOR_USER)) {
            newForUser(out, active, GroupBy.DEVICE, s, serverNow, FindingRule.NEW_DEVICE_FOR_USER);
        }
        out.sort(Finding.ORDER);
        return out;
    }

    private static void distinctPer(List<Finding> out, List<Session> active, GroupBy by, Function<Session, String> counted,
                                    int min, FindingRule rule, String noun) {
        Map<String, List<Session>> groups = new HashMap<>();
        for (Session x : active) {
            groups.computeIfAbsent(x.key(by), k -> new ArrayList<>()).add(x);
        }
        groups.forEach((key, sessions) -> {
            if (key == null) {
                return;
            }
            Set<String> values = new HashSet<>();
            sessions.forEach(x -> values.add(counted.apply(x)));
            if (values.size() >= min) {
                out.add(new Finding(rule, by, key, values.size() + " " + noun + " across " + sessions.size() + " active sessions",
                        new Measure(values.size(), min, noun), sessions));
            }
        });
    }

    private static void tableWide(List<Finding> out, FindingRule rule, List<Session> evidence, String noun) {
        if (!evidence.isEmpty()) {
            out.add(new Finding(rule, null, null, evidence.size() + " " + noun, new Measure(evidence.size(), 1, noun), evidence));
        }
    }

    private static void bursts(List<Finding> out, List<Session> active, GroupBy by, FindingSettings s, FindingRule rule) {
        Map<String, List<Session>> groups = new HashMap<>();
        for (Session x : active) {
            if (x.createdAt() != null && x.key(by) != null) {
                groups.computeIfAbsent(x.key(by), k -> new ArrayList<>()).add(x);
            }
        }
        groups.forEach((key, sessions) -> {
            if (sessions.size() < s.burstSessions()) {
                return;
            }
            sessions.sort(Comparator.comparing(Session::createdAt));
            int best = 0;
            int bestStart = 0;
            int start = 0;
            for (int end = 0; end < sessions.size(); end++) {
                while (Duration.between(sessions.get(start).createdAt(), sessions.get(end).createdAt()).compareTo(s.burstWindow()) > 0) {
                    start++;
                }
                if (end - start + 1 > best) {
                    best = end - start + 1;
                    bestStart = start;
                }
            }
            if (best >= s.burstSessions()) {
                String within = "sessions opened within " + s.burstWindow().toMinutes() + " min";
                out.add(new Finding(rule, by, key, best + " " + within, new Measure(best, s.burstSessions(), within),
                        sessions.subList(bestStart, bestStart + best)));
            }
        });
    }

    private void zombieFindings(List<Finding> out, FindingSettings s, boolean force) {
        Instant now = clock.instant();
        if (force || zombies == null || Duration.between(zombiesAt, now).compareTo(DB_RULES_MAX_AGE) > 0) {
            zombies = dao.zombieRows(onlyUser, ZOMBIE_SAMPLE);
            zombiesAt = now;
        }
        zombies.forEach((rule, z) -> {
            if (s.on(rule) && z.count() > 0) {
                String noun = ZOMBIE_NOUNS.get(rule) + (onlyUser == null ? "" : " of user " + onlyUser);
                out.add(new Finding(rule, null, null, noun + ": " + Finding.sessionsText(z.count(), z.sample().size()),
                        new Measure(z.count(), 1, "row(s) " + noun), z.sample(), z.count()));
            }
        });
    }

    private void newForUser(List<Finding> out, List<Session> active, GroupBy dimension, FindingSettings s, Instant serverNow, FindingRule rule) {
        Instant since = serverNow.minus(s.newWithin());
        List<Session> recent = active.stream().filter(x -> x.createdAt() != null && x.createdAt().isAfter(since)).toList();
        Map<UUID, Boolean> cache = firstSeenCache.computeIfAbsent(dimension, d -> new HashMap<>());
        Set<UUID> recentIds = new HashSet<>();
        recent.forEach(x -> recentIds.add(x.id()));
        cache.keySet().retainAll(recentIds);
        List<Session> unknown = recent.stream().filter(x -> !cache.containsKey(x.id())).toList();
        if (!unknown.isEmpty()) {
            Set<UUID> firsts = dao.firstSeen(unknown, dimension);
            unknown.forEach(x -> cache.put(x.id(), firsts.contains(x.id())));
        }
        Map<String, List<Session>> byUser = new LinkedHashMap<>();
        for (Session x : recent) {
            if (Boolean.TRUE.equals(cache.get(x.id()))) {
                byUser.computeIfAbsent(x.userId().toString(), k -> new ArrayList<>()).add(x);
            }
        }
        String unit = "session(s) in the last " + s.newWithin().toHours() + " h from " + (dimension == GroupBy.IP ? "an IP" : "a device")
                + " this user never used before";
        byUser.forEach((user, sessions) -> out.add(new Finding(rule, GroupBy.USER, user, sessions.size() + " " + unit,
                new Measure(sessions.size(), 1, unit), sessions)));
    }
}
