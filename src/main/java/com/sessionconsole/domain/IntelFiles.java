package com.sessionconsole.domain;

import java.nio.file.Path;
import java.util.List;

/**
 * The analyst's offline lists for the findings: known networks (CIDR and a label such as "office NAT", which
 * lower the risk of what comes from them) and threat-intel lists (IPs or CIDRs, e.g. a downloaded Tor exit list,
 * which raise it). See docs/findings.md for the formats.
 */
public record IntelFiles(List<Path> knownNetworks, List<Path> threatIntel) {
    public static final IntelFiles NONE = new IntelFiles(List.of(), List.of());

    public IntelFiles {
        knownNetworks = List.copyOf(knownNetworks);
        threatIntel = List.copyOf(threatIntel);
    }

    /** These lists, then the other's: flags add to the config file's lists. */
    public IntelFiles plus(IntelFiles other) {
        return new IntelFiles(java.util.stream.Stream.concat(knownNetworks.stream(), other.knownNetworks.stream()).distinct().toList(),
                java.util.stream.Stream.concat(threatIntel.stream(), other.threatIntel.stream()).distinct().toList());
    }
}
