package com.sessionconsole.findings;

import com.sessionconsole.domain.Contribution;
import com.sessionconsole.domain.FindingRule;
import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.Locations;
import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.UserFootprint;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Unfamiliar sign-in properties (as Entra ID Protection has them): a session whose device, address and country are
 * all new against its user's history is a sign on its own, as a stolen password used from elsewhere looks. It adds
 * {@value #POINTS}, and the context adds the new device and address (+10, +5): MEDIUM; low trust or a scripted agent
 * make it HIGH. A new phone at home (a new device only) or a trip with the usual laptop (the device is known) is none.
 */
final class UnfamiliarSignIn {
    static final int POINTS = 45;
    /** At most this many candidate sessions (a new device and a new address, newest first) are read per refresh. */
    static final int CANDIDATES = 1_000;

    private UnfamiliarSignIn() {
    }

    /**
     * Adds the sign to the users of these sessions (a new assessment for a user without another signal).
     *
     * @param history a user's footprint, null when it was not read
     */
    static void assess(Map<UUID, UserRisk.Assessment> users, List<Session> candidates, Function<UUID, UserFootprint> history,
                       Map<UUID, List<Session>> byUser) {
        for (Session x : candidates) {
            UserFootprint f = x.userId() == null ? null : history.apply(x.userId());
            if (f == null || !f.isNew(x, GroupBy.DEVICE) || !f.isNew(x, GroupBy.IP) || !f.isNewCountry(x)) {
                continue;
            }
            UserRisk.Assessment a = users.computeIfAbsent(x.userId(), u -> UserRisk.assessment(u, byUser.getOrDefault(u, List.of(x))));
            if (a.causes.containsKey(FindingRule.UNFAMILIAR_SIGN_IN)) {
                continue;
            }
            String before = f.locationFirstSeen().entrySet().stream().filter(e -> e.getValue().isBefore(x.createdAt()))
                    .map(e -> Locations.country(e.getKey())).distinct().sorted().limit(3).collect(Collectors.joining(", "));
            a.risk.add(new Contribution(FindingRule.UNFAMILIAR_SIGN_IN, POINTS, "a session on a device, from an address and in a country ("
                    + Locations.country(x.location()) + ") all new to the user (history in " + before + ")"));
            a.contextOnly = false;
            a.signalSessions.add(x);
            a.causes.put(FindingRule.UNFAMILIAR_SIGN_IN, List.of(x));
        }
    }
}
