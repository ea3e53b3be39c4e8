package com.sessionconsole.findings;

import com.sessionconsole.domain.Contribution;
import com.sessionconsole.domain.FindingRule;
import com.sessionconsole.domain.FindingSettings;
import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.Measure;
import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.UserFootprint;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The risk of each IP, judged by what its sessions look like (points in docs/findings.md). Many users on one
 * address is only a start (15): one agent for them all (+25 with another sign, +10 alone), a scripted agent (+15),
 * low trust (+25), users who never came from it before (+25, not for carrier or private ranges, which rotate, nor for an
 * address in use since before the look-back window)
 * and a burst (+15, +25 at twice the threshold) make it an attack; people's agents and normal trust make it a NAT,
 * capped at {@value #NAT_CAP} whatever its size. A threat-intel listing adds 50; an address in the analyst's
 * known networks keeps a quarter of its risk.
 */
final class AddressRisk {
    static final int NAT_CAP = 25;
    /** Trust at or below this is under what people usually have (50 and up): most of a spray's users there add 10. */
    static final int WEAK_TRUST = 40;
    /** Whether an address is new to its users is judged on at most this many of them (the first by id). */
    static final int NOVELTY_SAMPLE = 200;

    private AddressRisk() {
    }

    /** The IPs with enough users to be judged by them: whose users' histories are worth reading. */
    static boolean shared(List<Session> sessions, FindingSettings s) {
        return sessions.stream().map(Session::userId).distinct().limit(s.minUsersPerIp()).count() >= s.minUsersPerIp();
    }

    /**
     * @param history   a user's footprint, null when it was not read
     * @param firstUsed when an address was first used (null: unknown, or not before {@code window})
     * @param window    the start of the look-back window: an address in use before it is not new, whoever its users are
     * @param networks  whether the keys are networks ({@link NetworkRisk}) pooling several addresses, judged by their first address's
     *                  class and lists; users new to a network count for nothing there, as its addresses rotate among its customers
     */
    static List<EntityRisk> assess(Map<String, List<Session>> byIp, FindingSettings s, NetworkLists lists, Function<UUID, UserFootprint> history,
                                   Function<String, Instant> firstUsed, Instant window, boolean networks) {
        List<EntityRisk> out = new ArrayList<>();
        byIp.forEach((ip, sessions) -> {
            String probe = networks ? sessions.get(0).ipAddress() : ip;
            Optional<NetworkLists.Entry> listed = lists.listed(probe);
            Set<UUID> users = new HashSet<>();
            sessions.forEach(x -> users.add(x.userId()));
            List<Session> timed = sessions.stream().filter(x -> Population.timed(x)).sorted(Comparator.comparing(Session::createdAt)).toList();
            Burst burst = Burst.largest(timed, s.burstWindow());
            boolean shared = users.size() >= s.minUsersPerIp();
            boolean bursty = burst.size() >= s.burstSessions();
            if (!shared && !bursty && listed.isEmpty()) {
                return;
            }
            EntityRisk e = new EntityRisk(GroupBy.IP, ip);
            Profile p = Profile.of(sessions);
            AddressClass cls = AddressClass.of(probe);
            Duration spread = timed.isEmpty() ? Duration.ZERO : Duration.between(timed.get(0).createdAt(), timed.get(timed.size() - 1).createdAt());
            boolean attack = p.looksAutomated();
            if (shared) {
                int points = 15;
                StringBuilder d = new StringBuilder(users.size() + " users from " + ip + (networks ? " on "
                        + sessions.stream().map(Session::ipAddress).distinct().count() + " addresses" : "") + " (" + sessions.size() + " sessions over "
                        + Burst.text(spread) + ")");
                Novelty novelty = networks ? new Novelty(0, 0) : novelty(ip, sessions, history);
                // users who log in one after another on one device are at a kiosk, which is new to each of them
                boolean oneDevice = sessions.stream().filter(x -> x.deviceId() != null).collect(Collectors.groupingBy(Session::deviceId,
                        Collectors.counting())).values().stream().anyMatch(n -> 5 * n >= 4 * sessions.size());
                // an address in use for days (an office NAT whose people each come once) is not new, even to new users
                Instant since = firstUsed.apply(ip);
                boolean established = since != null && since.isBefore(window);
                boolean counted = !oneDevice && !established && novelty.judged() >= s.minUsersPerIp()
                        && 5 * novelty.fresh() >= 4 * novelty.judged();
                boolean concentrated = spread.compareTo(Duration.ofHours(1)) <= 0;
                if (p.uniformAgent()) {
                    points += p.scripted() || p.lowTrust() || concentrated || counted && !cls.isInfrastructure() ? 25 : 10;
                    d.append(", ").append(Profile.percent(p.topAgentShare())).append(" one agent (").append(Agents.shortName(p.topAgent())).append(")");
                } else {
                    d.append(", ").append(p.distinctAgents()).append(" distinct agents");
                }
                if (p.scripted()) {
                    points += 15;
                    d.append(", ").append(Profile.percent(p.scriptedShare())).append(" scripted");
                }
                if (p.lowTrust()) {
                    points += 25;
                    d.append(", trust at most ").append(Profile.LOW_TRUST).append(" for ").append(Profile.percent(p.lowTrustShare()));
                } else if (counted && !cls.isInfrastructure() && weakTrustShare(sessions) >= 0.8) {
                    // a spray with a browser agent: users new to the address and trust under people's usual (50 and up)
                    points += 10;
                    d.append(", trust at most ").append(WEAK_TRUST).append(" for ").append(Profile.percent(weakTrustShare(sessions)));
                }
                if (oneDevice) {
                    d.append(", all on one device (a kiosk or shared desk)");
                }
                if (established) {
                    d.append(", in use since ").append(since.truncatedTo(ChronoUnit.MINUTES));
                }
                if (novelty.judged() > 0) {
                    d.append(", ").append(novelty.fresh()).append(" of ").append(novelty.judged()).append(" users had never used it before");
                    if (counted && !cls.isInfrastructure()) {
                        points += 25;
                        attack = true;
                    }
                }
                if ((attack || p.looksAutomated()) && users.size() > s.minUsersPerIp()) {
                    points += (int) Math.min(15, Math.round(5 * Math.log((double) users.size() / s.minUsersPerIp()) / Math.log(2)));
                }
                e.add(new Contribution(FindingRule.SHARED_IP, points, d.toString(), new Measure(users.size(), s.minUsersPerIp(), "users")));
            }
            if (bursty) {
                int points = burst.size() >= 2 * s.burstSessions() ? 25 : 15;
                e.add(new Contribution(FindingRule.BURST_IP, points, burst.size() + " sessions within " + Burst.text(burst.span())
                        + " (ended ones included)", new Measure(burst.size(), s.burstSessions(), "sessions within " + s.burstWindow().toMinutes() + " min")));
            }
            listed.ifPresent(l -> e.add(new Contribution(FindingRule.THREAT_INTEL, 50, "listed in " + l.label() + " (" + l.cidr().text() + ")")));
            if (!attack && listed.isEmpty()) {
                e.capAt(NAT_CAP, FindingRule.SHARED_IP, "looks like NAT: people's agents and normal trust, spread over " + Burst.text(spread)
                        + " (capped at " + NAT_CAP + ")");
                if (cls.isInfrastructure()) {
                    e.add(new Contribution(FindingRule.SHARED_IP, -Math.min(10, e.risk() - 5), "address class " + cls.label()));
                }
            } else if (cls != AddressClass.PUBLIC) {
                e.notes.add("address class " + cls.label());
            }
            lists.known(probe).ifPresent(k -> e.add(new Contribution(FindingRule.KNOWN_NETWORK, -(e.risk() * 3 / 4),
                    "known network '" + k.label() + "' (" + k.cidr().text() + "): a quarter of the risk kept")));
            // many users, for days, with people's agents: an egress (VPN, office); a trip from it says nothing of where its user is
            e.egress = shared && !attack && listed.isEmpty() && p.distinctAgents() >= 3
                    && (firstUsed.apply(ip) != null && firstUsed.apply(ip).isBefore(window) || spread.compareTo(Duration.ofDays(1)) >= 0);
            e.evidence.addAll(sessions);
            e.sessionCount = sessions.size();
            e.nextStep = "Show in sessions to see its users; if they are not one office or carrier, revoke its active sessions (Revoke evidence) "
                    + "and check each user's history";
            out.add(e);
        });
        return out;
    }

    private static double weakTrustShare(List<Session> sessions) {
        return sessions.stream().filter(x -> x.trustLevel() != null && x.trustLevel() <= WEAK_TRUST).count() / (double) Math.max(1, sessions.size());
    }

    /** Of the users whose history was read (a sample of {@link #NOVELTY_SAMPLE}), how many came from this address for the first time. */
    record Novelty(int judged, int fresh) {
    }

    private static Novelty novelty(String ip, List<Session> sessions, Function<UUID, UserFootprint> history) {
        Map<UUID, Session> firstByUser = new HashMap<>();
        for (Session x : sessions) {
            if (Population.timed(x) && x.userId() != null) {
                firstByUser.merge(x.userId(), x, (a, b) -> a.createdAt().isBefore(b.createdAt()) ? a : b);
            }
        }
        int judged = 0;
        int fresh = 0;
        for (Map.Entry<UUID, Session> e : firstByUser.entrySet()) {
            UserFootprint f = e.getKey() == null ? null : history.apply(e.getKey());
            if (f != null && f.firstSession() != null && f.firstSession().isBefore(e.getValue().createdAt())) {
                judged++;
                if (f.isNew(e.getValue(), GroupBy.IP)) {
                    fresh++;
                }
            }
        }
        return new Novelty(judged, fresh);
    }
}
