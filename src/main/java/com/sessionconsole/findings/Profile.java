package com.sessionconsole.findings;

import com.sessionconsole.domain.Session;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * What the sessions of a shared address or device look like: how uniform their agents are, how many are
 * scripted, how many have low trust. People behind a NAT use many browsers and have normal trust; a script
 * logs in with one agent and the application trusts it little.
 */
record Profile(int sessions, int distinctAgents, String topAgent, double topAgentShare, double scriptedShare, double lowTrustShare,
               int maxLowTrust) {
    /** Trust at or below this counts as low in a profile (as the session detail shows it in red). */
    static final int LOW_TRUST = 20;

    static Profile of(Collection<Session> sessions) {
        Map<String, Integer> agents = new HashMap<>();
        int scripted = 0;
        int low = 0;
        int maxLow = 0;
        for (Session s : sessions) {
            agents.merge(String.valueOf(s.userAgent()), 1, Integer::sum);
            if (Agents.isScripted(s.userAgent())) {
                scripted++;
            }
            if (s.trustLevel() != null && s.trustLevel() <= LOW_TRUST) {
                low++;
                maxLow = Math.max(maxLow, s.trustLevel());
            }
        }
        Map.Entry<String, Integer> top = agents.entrySet().stream().max(Map.Entry.comparingByValue()).orElse(null);
        double n = Math.max(1, sessions.size());
        return new Profile(sessions.size(), agents.size(), top == null ? null : top.getKey(), top == null ? 0 : top.getValue() / n,
                scripted / n, low / n, maxLow);
    }

    boolean uniformAgent() {
        return sessions >= 5 && topAgentShare >= 0.8;
    }

    boolean scripted() {
        return scriptedShare >= 0.5;
    }

    boolean lowTrust() {
        return lowTrustShare >= 0.5;
    }

    /** Whether anything about it looks automated rather than like people. */
    boolean looksAutomated() {
        return uniformAgent() || scripted() || lowTrust();
    }

    static String percent(double share) {
        return Math.round(share * 100) + "%";
    }
}
