package com.sessionconsole.findings;

import com.sessionconsole.domain.Locations;
import com.sessionconsole.domain.Contribution;
import com.sessionconsole.domain.FindingRule;
import com.sessionconsole.domain.FindingSettings;
import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.Measure;
import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.UserFootprint;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The risk of each user, from consecutive sessions (travel), bursts (ended sessions included) and spread over
 * many addresses or countries; then, for the users with a signal, the context of the sessions that raised it:
 * a scripted agent, low trust, a device or address the user never used before (judged against their history).
 * Points are in docs/findings.md.
 */
final class UserRisk {
    /** Faster than an airliner (about 900 km/h cruising) with some margin. */
    static final double MAX_KMH = 1_000;
    /** Ten times an airliner: a trip this fast adds 10 points. */
    static final double BLATANT_KMH = 10_000;
    /** Below this distance, places from location text are too rough to call a trip impossible. */
    static final double MIN_IMPOSSIBLE_KM = 700;
    /** A city that is not in the gazetteer stands at its country's mean position: this much is taken off such a distance. */
    static final double APPROXIMATE_MARGIN_KM = 500;
    /** A change of country whose distance is unknown is flagged only within this time. */
    static final Duration HOP_WITHIN = Duration.ofHours(6);
    /** The rules that are a signal on their own; the others only add context to them. */
    static final Set<FindingRule> SIGNALS = Set.of(FindingRule.IMPOSSIBLE_TRAVEL, FindingRule.COUNTRY_HOP, FindingRule.BURST_USER,
            FindingRule.USER_MANY_IPS, FindingRule.USER_MANY_COUNTRIES, FindingRule.UNFAMILIAR_SIGN_IN);

    /** A user's risk while it is assessed, and the sessions that raised it (whose context counts). */
    static final class Assessment {
        final EntityRisk risk;
        final Set<Session> signalSessions = new LinkedHashSet<>();
        /** Whether only the context of suspicious sessions is against the user (no trip, burst or spread). */
        boolean contextOnly;
        /** The sessions behind each signal: a trip's two, a burst's, all for spread. */
        final Map<FindingRule, List<Session>> causes = new EnumMap<>(FindingRule.class);
        /** The two ends of the trip (impossible travel or country hop), whose unfamiliar end gets the context. */
        Session[] trip;

        Assessment(UUID user) {
            risk = new EntityRisk(GroupBy.USER, user.toString());
        }
    }

    private UserRisk() {
    }

    static Map<UUID, Assessment> assess(Map<UUID, List<Session>> byUser, Set<UUID> activeUsers, FindingSettings s, Gazetteer places,
                                        NetworkLists lists, Set<String> egress) {
        Map<UUID, Assessment> out = new HashMap<>();
        // a table has few distinct location texts: each is looked up once
        Map<String, Optional<Gazetteer.Place>> located = new HashMap<>();
        byUser.forEach((user, sessions) -> {
            Assessment a = assessment(user, sessions);
            List<Session> timed = sessions.stream().filter(Population::timed).sorted(Comparator.comparing(Session::createdAt)).toList();
            travel(a, timed, located, places, lists, egress);
            Burst burst = Burst.largest(timed, s.burstWindow());
            if (burst.size() >= s.burstSessions()) {
                Set<String> ips = new HashSet<>();
                burst.sessions().forEach(x -> ips.add(x.ipAddress()));
                int points = 65 + (burst.size() >= 2 * s.burstSessions() ? 15 : 0) + (ips.size() >= 5 ? 20 : 0);
                a.risk.add(new Contribution(FindingRule.BURST_USER, points, burst.size() + " sessions within " + Burst.text(burst.span())
                        + " from " + ips.size() + " address(es) (ended ones included)",
                        new Measure(burst.size(), s.burstSessions(), "sessions within " + s.burstWindow().toMinutes() + " min")));
                a.signalSessions.addAll(burst.sessions());
                a.causes.put(FindingRule.BURST_USER, burst.sessions());
            }
            if (activeUsers.contains(user)) {
                spread(a, sessions, s);
            }
            if (a.risk.hasAny(SIGNALS) || sessions.stream().anyMatch(UserRisk::suspicious)) {
                if (!a.risk.hasAny(SIGNALS)) {
                    sessions.stream().filter(UserRisk::suspicious).forEach(a.signalSessions::add);
                    a.contextOnly = true;
                }
                out.put(user, a);
            }
        });
        return out;
    }

    /** A user's assessment, with nothing against them yet. */
    static Assessment assessment(UUID user, List<Session> sessions) {
        Assessment a = new Assessment(user);
        a.risk.sessionCount = sessions.size();
        a.risk.nextStep = "Open the user's history (Show history) and ask the user; revoke the sessions they do not recognise (Revoke evidence)";
        return a;
    }

    /**
     * Whether everything against the user is explained by risky addresses or devices (a victim of their finding): a trip
     * with one end there, a spread over places or addresses with one of them there, a burst all there, or, with no signal
     * of its own, every suspicious session there.
     */
    static boolean explainedBy(Assessment a, Predicate<Session> onRisky) {
        if (a.causes.isEmpty()) {
            return !a.signalSessions.isEmpty() && a.signalSessions.stream().allMatch(onRisky);
        }
        return a.causes.entrySet().stream().allMatch(e -> e.getKey() == FindingRule.BURST_USER
                ? e.getValue().stream().allMatch(onRisky) : e.getValue().stream().anyMatch(onRisky));
    }

    /**
     * A session that makes its user worth judging without another signal: a script with low trust. Either alone is
     * common (mobile apps on HTTP libraries, new accounts) and would bury the findings; with a new device and address
     * it reaches MEDIUM (15 + 10 + 10 + 5).
     */
    static boolean suspicious(Session s) {
        return Agents.isScripted(s.userAgent()) && lowTrust(s);
    }

    private static boolean lowTrust(Session s) {
        return s.trustLevel() != null && s.trustLevel() >= 0 && s.trustLevel() <= Profile.LOW_TRUST;
    }

    private static void travel(Assessment a, List<Session> timed, Map<String, Optional<Gazetteer.Place>> cache, Gazetteer places,
                               NetworkLists lists, Set<String> egress) {
        double fastest = -1;
        Session[] worst = null;
        double worstKm = 0;
        Session[] hop = null;
        Session previous = null;
        for (Session s : timed) {
            if (s.location() == null || s.location().isBlank()) {
                continue;
            }
            if (previous != null && !previous.location().equals(s.location())) {
                Optional<Gazetteer.Place> p1 = cache.computeIfAbsent(previous.location(), places::locate);
                Optional<Gazetteer.Place> p2 = cache.computeIfAbsent(s.location(), places::locate);
                Duration dt = Duration.between(previous.createdAt(), s.createdAt());
                if (p1.isPresent() && p2.isPresent()) {
                    boolean approximate = p1.get().approximate() || p2.get().approximate();
                    // two guesses inside one country say nothing
                    if (!(approximate && p1.get().country().equals(p2.get().country()))) {
                        double km = p1.get().kmTo(p2.get()) - (approximate ? APPROXIMATE_MARGIN_KM : 0);
                        double hours = dt.toMillis() / 3_600_000.0;
                        double kmh = hours <= 0 ? Double.POSITIVE_INFINITY : km / hours;
                        if (km >= MIN_IMPOSSIBLE_KM && kmh > MAX_KMH && (kmh > fastest || kmh == fastest && km > worstKm)) {
                            fastest = kmh;
                            worst = new Session[]{previous, s};
                            worstKm = km;
                        }
                    }
                } else if (dt.compareTo(HOP_WITHIN) <= 0 && !Locations.country(previous.location()).equalsIgnoreCase(Locations.country(s.location()))) {
                    hop = new Session[]{previous, s};
                }
            }
            previous = s;
        }
        if (worst != null) {
            // a trip across continents in under an hour is not a location error: it ranks above the slower ones
            int points = (worstKm >= 2_000 ? 70 : 55) + (fastest >= BLATANT_KMH ? 10 : 0);
            String speed = Double.isInfinite(fastest) ? "at the same time" : "in " + Burst.text(Duration.between(worst[0].createdAt(),
                    worst[1].createdAt())) + " (" + Math.round(fastest) + " km/h; an airliner does under " + Math.round(MAX_KMH) + ")";
            a.risk.add(new Contribution(FindingRule.IMPOSSIBLE_TRAVEL, points, worst[0].location() + " to " + worst[1].location() + ": "
                    + Math.round(worstKm) + " km " + speed, new Measure(Double.isInfinite(fastest) ? 999_999 : Math.round(fastest),
                    Math.round(MAX_KMH), "km/h")));
            a.trip = worst;
            a.causes.put(FindingRule.IMPOSSIBLE_TRAVEL, List.of(worst));
            a.risk.evidence.add(worst[0]);
            a.risk.evidence.add(worst[1]);
            lowerForKnownNetwork(a, lists, worst);
            lowerForEgress(a, egress, worst);
        } else if (hop != null) {
            a.risk.add(new Contribution(FindingRule.COUNTRY_HOP, 35, hop[0].location() + " to " + hop[1].location() + " in "
                    + Burst.text(Duration.between(hop[0].createdAt(), hop[1].createdAt())) + "; distance unknown (no coordinates for one of them)"));
            a.trip = hop;
            a.causes.put(FindingRule.COUNTRY_HOP, List.of(hop));
            a.risk.evidence.add(hop[0]);
            a.risk.evidence.add(hop[1]);
            lowerForKnownNetwork(a, lists, hop);
            lowerForEgress(a, egress, hop);
        }
    }

    private static void lowerForKnownNetwork(Assessment a, NetworkLists lists, Session[] trip) {
        for (Session s : trip) {
            Optional<NetworkLists.Entry> k = lists.known(s.ipAddress());
            if (k.isPresent()) {
                a.risk.add(new Contribution(FindingRule.KNOWN_NETWORK, -(a.risk.risk() * 3 / 4), "from known network '" + k.get().label()
                        + "' (" + k.get().cidr().text() + "), where places are not where the user is: a quarter of the risk kept"));
                return;
            }
        }
    }

    /** A trip with one end at an egress (a VPN: many users for days, people's agents) is not impossible travel on its own. */
    private static void lowerForEgress(Assessment a, Set<String> egress, Session[] trip) {
        for (Session s : trip) {
            if (s.ipAddress() != null && egress.contains(s.ipAddress())) {
                a.risk.add(new Contribution(FindingRule.IMPOSSIBLE_TRAVEL, -(a.risk.risk() * 3 / 4), "one end (" + s.location() + ", "
                        + s.ipAddress() + ") is an egress shared by many users for days (a VPN or office), not where the user is: a quarter of the risk kept"));
                return;
            }
        }
    }

    private static void spread(Assessment a, List<Session> sessions, FindingSettings s) {
        Set<String> ips = new HashSet<>();
        Set<String> countries = new HashSet<>();
        for (Session x : sessions) {
            if (x.ipAddress() != null) {
                ips.add(x.ipAddress());
            }
            if (x.location() != null) {
                countries.add(Locations.country(x.location()));
            }
        }
        if (ips.size() >= s.minIpsPerUser()) {
            a.risk.add(new Contribution(FindingRule.USER_MANY_IPS, Math.min(25, 10 + ips.size() - s.minIpsPerUser()),
                    ips.size() + " distinct IPs across " + sessions.size() + " sessions", new Measure(ips.size(), s.minIpsPerUser(), "distinct IPs")));
            a.risk.evidence.addAll(sessions);
            a.causes.put(FindingRule.USER_MANY_IPS, sessions);
        }
        if (countries.size() >= s.minCountriesPerUser()) {
            a.risk.add(new Contribution(FindingRule.USER_MANY_COUNTRIES, Math.min(30, 10 + 5 * (countries.size() - s.minCountriesPerUser())),
                    countries.size() + " countries across " + sessions.size() + " sessions", new Measure(countries.size(),
                    s.minCountriesPerUser(), "countries")));
            a.risk.evidence.addAll(sessions);
            a.causes.put(FindingRule.USER_MANY_COUNTRIES, sessions);
        }
    }

    /** Adds what the sessions that raised the risk have about them: a scripted agent, low trust, a new device or address. */
    static void context(Assessment a, UserFootprint history) {
        if (a.trip != null) {
            // the attacker's session may be either end: the one unfamiliar to the user carries the context
            // (an end that is an unfamiliar sign-in on its own counts one more; a tie goes to the later one)
            int first = unfamiliarity(a.trip[0], history) + (a.signalSessions.contains(a.trip[0]) ? 1 : 0);
            int second = unfamiliarity(a.trip[1], history) + (a.signalSessions.contains(a.trip[1]) ? 1 : 0);
            Session end = first > second ? a.trip[0] : a.trip[1];
            a.signalSessions.add(end);
            if (unfamiliarity(end, history) > 0) {
                a.risk.notes.add("the trip's context is its " + (end == a.trip[0] ? "earlier" : "later") + " session (" + end.location()
                        + "), the unfamiliar end");
            }
        }
        List<Session> signal = List.copyOf(a.signalSessions);
        long scripted = signal.stream().filter(x -> Agents.isScripted(x.userAgent())).count();
        if (scripted > 0) {
            String agent = signal.stream().filter(x -> Agents.isScripted(x.userAgent())).findFirst().map(x -> Agents.shortName(x.userAgent())).orElse("");
            a.risk.add(new Contribution(FindingRule.SCRIPTED_AGENT, 15, scripted + " of them with a scripted agent (" + agent + ")"));
        }
        long low = signal.stream().filter(UserRisk::lowTrust).count();
        if (low > 0) {
            a.risk.add(new Contribution(FindingRule.LOW_TRUST, 10, low + " with trust at most " + Profile.LOW_TRUST));
        }
        if (history != null) {
            long newDevices = signal.stream().filter(x -> history.isNew(x, GroupBy.DEVICE)).count();
            if (newDevices > 0) {
                a.risk.add(new Contribution(FindingRule.NEW_DEVICE_FOR_USER, 10, newDevices + " on a device the user never used before"));
            }
            long newIps = signal.stream().filter(x -> history.isNew(x, GroupBy.IP)).count();
            if (newIps > 0) {
                a.risk.add(new Contribution(FindingRule.NEW_IP_FOR_USER, 5, newIps + " from an address the user never used before"));
            }
        }
        a.risk.evidence.addAll(signal);
    }

    private static int unfamiliarity(Session s, UserFootprint history) {
        // a scripted agent is no sign of a stranger: people's phone apps use HTTP libraries
        return (lowTrust(s) ? 1 : 0)
                + (history != null && history.isNew(s, GroupBy.DEVICE) ? 1 : 0) + (history != null && history.isNew(s, GroupBy.IP) ? 1 : 0);
    }
}
