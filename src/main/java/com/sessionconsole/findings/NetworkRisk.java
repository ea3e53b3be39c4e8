package com.sessionconsole.findings;

import com.sessionconsole.domain.FindingSettings;
import com.sessionconsole.domain.IpAddresses;
import com.sessionconsole.domain.Session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Shared addresses judged at network level (IPv4 /24, IPv6 /64): credential stuffing spread over a range so that no
 * address has enough users on its own. The addresses of a network that are not judged alone are pooled; when they
 * together pass the shared-address thresholds, the network is judged like one address ({@link AddressRisk}), so an
 * address that is a finding of its own is never counted again in its network.
 */
final class NetworkRisk {
    static final int V4_PREFIX = 24;
    static final int V6_PREFIX = 64;

    private NetworkRisk() {
    }

    /** "5.188.62.0/24" for 5.188.62.17, "2001:db8:1:2::/64" for an IPv6 address; empty for text that is not an IP. */
    static Optional<String> networkOf(String ip) {
        return IpAddresses.parse(ip).map(a -> IpAddresses.network(a, a.length == 4 ? V4_PREFIX : V6_PREFIX));
    }

    /**
     * The sessions of each network with at least two addresses not judged alone and, together, enough users to be
     * shared; keyed by the network's text.
     */
    static Map<String, List<Session>> pooled(Map<String, List<Session>> byIp, Set<String> judgedAlone, FindingSettings s) {
        Map<String, List<Session>> sessions = new HashMap<>();
        Map<String, Set<String>> addresses = new HashMap<>();
        byIp.forEach((ip, list) -> {
            if (!judgedAlone.contains(ip)) {
                networkOf(ip).ifPresent(net -> {
                    sessions.computeIfAbsent(net, k -> new ArrayList<>()).addAll(list);
                    addresses.computeIfAbsent(net, k -> new HashSet<>()).add(ip);
                });
            }
        });
        sessions.entrySet().removeIf(e -> addresses.get(e.getKey()).size() < 2 || !AddressRisk.shared(e.getValue(), s));
        return sessions;
    }
}
