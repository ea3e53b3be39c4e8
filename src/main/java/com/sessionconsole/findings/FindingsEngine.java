package com.sessionconsole.findings;

import com.sessionconsole.db.SessionDao;
import com.sessionconsole.domain.Contribution;
import com.sessionconsole.domain.Finding;
import com.sessionconsole.domain.FindingRule;
import com.sessionconsole.domain.FindingSettings;
import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.IpAddresses;
import com.sessionconsole.domain.Measure;
import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.UserFootprint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.Collectors;

/**
 * Computes findings: one per risky entity (user, IP, device) with the rules that added to its risk, plus
 * table-wide facts (zombie rows, data quality). The entities are judged over the active snapshot and the sessions
 * created in the look-back window ({@link FindingSettings#newWithin()}) that have ended since, read by one bounded
 * query; a user's new devices and addresses are judged against their history ({@link #HISTORY}), read only for the
 * users with a signal. The database answers are reused for {@link #DB_RULES_MAX_AGE} so that they never run on
 * every tick. Findings that share a cause are one: a user whose only signal is a session from a risky address or
 * device is evidence of that address's finding, not a finding of its own.
 * Not thread-safe: one computation at a time (the window runs them in order on a serial lane of the I/O pool).
 */
public final class FindingsEngine {
    public static final Duration DB_RULES_MAX_AGE = Duration.ofSeconds(60);
    /** How far back a user's history is read to tell a new device or address. */
    public static final Duration HISTORY = Duration.ofDays(30);
    /** At most this many rows of each zombie rule are read as evidence; the finding counts all of them and says so. */
    static final int ZOMBIE_SAMPLE = 1_000;
    /** At most this many ended sessions of the look-back window are read (newest first); the status says when more exist. */
    static final int ENDED_LIMIT = 200_000;
    /** At most this many users' histories are read per refresh, those with the strongest signals first. */
    static final int HISTORY_USERS = 5_000;
    /** A created_at this far ahead of the server clock is a data-quality finding. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Map<FindingRule, String> ZOMBIE_NOUNS = Map.of(FindingRule.ACTIVE_BUT_EXPIRED, "active but expired",
            FindingRule.ACTIVE_BUT_DELETED, "active but deleted", FindingRule.ACTIVE_NULL, "with is_active NULL");

    private final SessionDao dao;
    private final Clock clock;
    private final UUID onlyUser;
    private final NetworkLists lists;
    private Map<FindingRule, SessionDao.Zombies> zombies;
    private List<Session> ended = List.of();
    /** Active sessions on a device and from an address new to their user: candidates for an unfamiliar sign-in. */
    private Set<UUID> unfamiliar = Set.of();
    private Instant dbAt;
    private Duration endedWindow;
    private final Map<UUID, UserFootprint> footprints = new HashMap<>();
    /** When each shared address was first used (null: not before the window's sessions), read with the histories. */
    private final Map<String, Instant> addressAge = new HashMap<>();
    private String limits = "";

    public FindingsEngine(SessionDao dao, Clock clock) {
        this(dao, clock, null, NetworkLists.NONE);
    }

    /**
     * @param onlyUser if not null, the zombie rules count and sample only this user's rows, filtered on the server
     * @param lists    the analyst's known networks and threat-intel lists
     */
    public FindingsEngine(SessionDao dao, Clock clock, UUID onlyUser, NetworkLists lists) {
        this.dao = dao;
        this.clock = clock;
        this.onlyUser = onlyUser;
        this.lists = lists;
    }

    /** What the last computation left out to stay bounded ("" when nothing), for the status line. */
    public String limits() {
        return limits;
    }

    /** In {@link Finding#ORDER}. */
    public List<Finding> compute(List<Session> active, FindingSettings s, Instant serverNow, boolean forceDbRefresh) {
        refreshDatabaseRules(s, serverNow, forceDbRefresh);
        Instant since = serverNow.minus(s.newWithin());
        Population population = new Population(active, ended, since);
        List<String> left = new ArrayList<>();
        if (ended.size() >= ENDED_LIMIT) {
            left.add("only the newest " + ENDED_LIMIT + " ended sessions of the last " + s.newWithin().toHours() + " h were read");
        }

        // the users of shared addresses first: whether the address is new to them tells a spray from an office
        List<UUID> ipUsers = population.byIp.values().stream().filter(x -> AddressRisk.shared(x, s))
                .sorted((x, y) -> Integer.compare(y.size(), x.size()))
                .flatMap(x -> x.stream().map(Session::userId).filter(u -> u != null).distinct().sorted().limit(AddressRisk.NOVELTY_SAMPLE))
                .distinct().toList();
        readHistories(ipUsers, since, left);
        List<String> sharedIps = population.byIp.entrySet().stream().filter(e -> AddressRisk.shared(e.getValue(), s))
                .map(Map.Entry::getKey).filter(ip -> !addressAge.containsKey(ip)).toList();
        if (!sharedIps.isEmpty()) {
            Map<String, Instant> read = dao.addressesFirstSeen(sharedIps, since.minus(HISTORY));
            sharedIps.forEach(ip -> addressAge.put(ip, read.get(ip)));
        }
        List<EntityRisk> entities = new ArrayList<>(AddressRisk.assess(population.byIp, s, lists, footprints::get, addressAge::get, since, false));
        entities.addAll(networks(population, entities, s, since));
        entities.addAll(DeviceRisk.assess(population.byDevice, s));
        Set<String> riskyIps = risky(entities, GroupBy.IP);
        Set<String> riskyDevices = risky(entities, GroupBy.DEVICE);

        Set<UUID> activeUsers = active.stream().map(Session::userId).filter(u -> u != null).collect(Collectors.toSet());
        Set<String> egress = entities.stream().filter(e -> e.egress).map(e -> e.subject).collect(Collectors.toSet());
        Map<UUID, UserRisk.Assessment> users = UserRisk.assess(population.byUser, activeUsers, s, Gazetteer.bundled(), lists, egress);
        List<Session> candidates = active.stream().filter(x -> unfamiliar.contains(x.id())).toList();
        readHistories(candidates.stream().map(Session::userId).distinct().toList(), since, left);
        UnfamiliarSignIn.assess(users, candidates, footprints::get, population.byUser);
        Map<String, Integer> victims = new HashMap<>();
        Map<String, Optional<String>> networkOf = new HashMap<>();
        Function<Session, String> riskyIp = x -> x.ipAddress() == null ? null : riskyIps.contains(x.ipAddress()) ? x.ipAddress()
                : networkOf.computeIfAbsent(x.ipAddress(), NetworkRisk::networkOf).filter(riskyIps::contains).orElse(null);
        Predicate<Session> onRisky = x -> riskyIp.apply(x) != null || riskyDevices.contains(x.deviceId());
        users.values().removeIf(a -> {
            boolean folded = UserRisk.explainedBy(a, onRisky);
            if (folded) {
                Stream.concat(a.risk.evidence.stream(), a.signalSessions.stream()).filter(onRisky)
                        .map(x -> riskyIp.apply(x) != null ? "IP:" + riskyIp.apply(x) : "DEVICE:" + x.deviceId())
                        .distinct().forEach(k -> victims.merge(k, 1, Integer::sum));
            }
            return folded;
        });
        readHistories(users.entrySet().stream().sorted((x, y) -> Integer.compare(y.getValue().risk.risk(), x.getValue().risk.risk()))
                .map(Map.Entry::getKey).toList(), since, left);
        for (UserRisk.Assessment a : users.values()) {
            UserRisk.context(a, footprints.get(UUID.fromString(a.risk.subject)));
            // context alone (a script with low trust) is a finding only with a new device or address: MEDIUM
            if (!a.contextOnly || a.risk.risk() >= FindingRule.MEDIUM_RISK) {
                entities.add(a.risk);
            }
        }
        for (EntityRisk e : entities) {
            Integer n = victims.get(e.kind.name() + ":" + e.subject);
            if (n != null) {
                e.notes.add(e.evidence.stream().map(Session::userId).distinct().count() + " users; " + n
                        + " of them also have other signs, folded in here (not listed on their own)");
            }
        }

        List<Finding> out = new ArrayList<>();
        for (EntityRisk e : entities) {
            Finding f = e.finding(s);
            if (f != null) {
                out.add(f);
            }
        }
        tableWide(out, active, s, serverNow);
        limits = String.join("; ", left);
        out.sort(Finding.ORDER);
        return out;
    }

    /** The networks whose addresses, not findings on their own, are together shared ({@link NetworkRisk}), judged like addresses. */
    private List<EntityRisk> networks(Population population, List<EntityRisk> addresses, FindingSettings s, Instant since) {
        Map<String, List<Session>> pooled = NetworkRisk.pooled(population.byIp, addresses.stream().map(e -> e.subject).collect(Collectors.toSet()), s);
        List<String> unread = pooled.values().stream().flatMap(List::stream).map(Session::ipAddress).distinct()
                .filter(ip -> !addressAge.containsKey(ip)).toList();
        if (!unread.isEmpty()) {
            Map<String, Instant> read = dao.addressesFirstSeen(unread, since.minus(HISTORY));
            unread.forEach(ip -> addressAge.put(ip, read.get(ip)));
        }
        // a network is in use since its first address was
        Function<String, Instant> firstUsed = net -> pooled.get(net).stream().map(x -> addressAge.get(x.ipAddress())).filter(t -> t != null)
                .min(Instant::compareTo).orElse(null);
        // a network is a finding only when it looks like an attack: every busy range of an ISP is a pool of people
        return AddressRisk.assess(pooled, s, lists, u -> null, firstUsed, since, true).stream().filter(e -> e.risk() >= FindingRule.MEDIUM_RISK).toList();
    }

    private static Set<String> risky(List<EntityRisk> entities, GroupBy kind) {
        return entities.stream().filter(e -> e.kind == kind && e.risk() >= FindingRule.MEDIUM_RISK).map(e -> e.subject).collect(Collectors.toSet());
    }

    private void refreshDatabaseRules(FindingSettings s, Instant serverNow, boolean force) {
        Instant now = clock.instant();
        if (force || dbAt == null || Duration.between(dbAt, now).compareTo(DB_RULES_MAX_AGE) > 0 || !s.newWithin().equals(endedWindow)) {
            zombies = s.on(FindingRule.ACTIVE_BUT_EXPIRED) || s.on(FindingRule.ACTIVE_BUT_DELETED) || s.on(FindingRule.ACTIVE_NULL)
                    ? dao.zombieRows(onlyUser, ZOMBIE_SAMPLE) : Map.of();
            ended = dao.recentlyEnded(serverNow.minus(s.newWithin()), ENDED_LIMIT);
            unfamiliar = s.on(FindingRule.UNFAMILIAR_SIGN_IN) ? Set.copyOf(dao.newDeviceAndAddress(serverNow.minus(s.newWithin()),
                    serverNow.minus(s.newWithin()).minus(HISTORY), UnfamiliarSignIn.CANDIDATES)) : Set.of();
            endedWindow = s.newWithin();
            footprints.clear();
            addressAge.clear();
            dbAt = now;
        }
    }

    /** Histories of these users, in this order of priority, up to {@link #HISTORY_USERS} per refresh; one query per batch. */
    private void readHistories(List<UUID> users, Instant since, List<String> left) {
        List<UUID> wanted = users.stream().filter(u -> u != null && !footprints.containsKey(u)).toList();
        if (wanted.size() + footprints.size() > HISTORY_USERS) {
            left.add("the history of " + Math.max(0, HISTORY_USERS - footprints.size()) + " more of " + wanted.size()
                    + " users was read; the others are judged without it");
            wanted = wanted.subList(0, Math.max(0, HISTORY_USERS - footprints.size()));
        }
        if (!wanted.isEmpty()) {
            Map<UUID, UserFootprint> read = dao.footprints(wanted, since.minus(HISTORY));
            footprints.putAll(read);
            // a user with no history row at all has none: remember that too, so that it is not asked again
            wanted.forEach(u -> footprints.putIfAbsent(u, null));
        }
    }

    private void tableWide(List<Finding> out, List<Session> active, FindingSettings s, Instant serverNow) {
        if (s.on(FindingRule.LOW_TRUST)) {
            rows(out, FindingRule.LOW_TRUST, active, x -> x.trustLevel() != null && x.trustLevel() <= s.maxLowTrust(),
                    "active session(s) with trust at or below " + s.maxLowTrust());
        }
        if (s.on(FindingRule.INVALID_IP)) {
            rows(out, FindingRule.INVALID_IP, active, x -> x.ipAddress() != null && !IpAddresses.isIp(x.ipAddress()),
                    "active session(s) whose ip_address is not an IP");
        }
        if (s.on(FindingRule.NON_CANONICAL_IP)) {
            Map<String, Optional<String>> why = new HashMap<>();
            Function<Session, String> reason = x -> x.ipAddress() == null ? null
                    : why.computeIfAbsent(x.ipAddress(), ip -> Optional.ofNullable(AddressClass.nonCanonicalReason(ip))).orElse(null);
            List<Session> odd = active.stream().filter(x -> reason.apply(x) != null).toList();
            if (!odd.isEmpty()) {
                Map<String, Long> reasons = odd.stream().collect(Collectors.groupingBy(x -> reason.apply(x).replaceAll(" \\(.*", ""),
                        LinkedHashMap::new, Collectors.counting()));
                // the example is the first one's address (its reason is already in the count)
                String first = reason.apply(odd.get(0)).replaceAll("^[^(]*\\((.*)\\)$", "$1");
                add(out, FindingRule.NON_CANONICAL_IP, odd, odd.size() + " active session(s) whose ip_address is an IP written another way: "
                        + reasons.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "))
                        + " (e.g. " + first + ")");
            }
        }
        if (s.on(FindingRule.FUTURE_CREATED_AT)) {
            Instant limit = serverNow.plus(CLOCK_SKEW);
            rows(out, FindingRule.FUTURE_CREATED_AT, active, x -> x.createdAt() != null && x.createdAt().isAfter(limit),
                    "active session(s) created more than " + CLOCK_SKEW.toMinutes() + " min after the server's now (clock skew or forged rows)");
        }
        if (s.on(FindingRule.TRUST_OUT_OF_RANGE)) {
            rows(out, FindingRule.TRUST_OUT_OF_RANGE, active, x -> x.trustLevel() != null && (x.trustLevel() < 0 || x.trustLevel() > 100),
                    "active session(s) with trust_level outside 0 to 100");
        }
        if (s.on(FindingRule.UNDECODABLE_ROW)) {
            // one finding per row: the detail names the row's id and each column that failed
            active.stream().filter(x -> x.decodeProblem() != null).forEach(x -> out.add(new Finding(FindingRule.UNDECODABLE_ROW,
                    null, x.id().toString(), x.decodeProblem(), new Measure(1, 1, "undecodable row"), List.of(x))));
        }
        zombies.forEach((rule, z) -> {
            if (s.on(rule) && z.count() > 0) {
                String noun = ZOMBIE_NOUNS.get(rule) + (onlyUser == null ? "" : " of user " + onlyUser);
                out.add(new Finding(rule, null, null, noun + ": " + Finding.sessionsText(z.count(), z.sample().size()),
                        new Measure(z.count(), 1, "row(s) " + noun), z.sample(), z.count()));
            }
        });
    }

    private static void rows(List<Finding> out, FindingRule rule, Collection<Session> active, Predicate<Session> test, String noun) {
        List<Session> matching = active.stream().filter(test).toList();
        if (!matching.isEmpty()) {
            add(out, rule, matching, matching.size() + " " + noun);
        }
    }

    private static void add(List<Finding> out, FindingRule rule, List<Session> rows, String detail) {
        List<Session> shown = rows.size() > EntityRisk.EVIDENCE_LIMIT ? rows.stream().sorted(Session.NEWEST_FIRST)
                .limit(EntityRisk.EVIDENCE_LIMIT).toList() : rows;
        int points = rule.severity().floor();
        out.add(new Finding(rule, null, null, detail, new Measure(rows.size(), 1, "row(s)"), shown, rows.size(), points,
                List.of(new Contribution(rule, points, detail)), "Show the rows (evidence below); they are shown and flagged, never dropped"));
    }
}
