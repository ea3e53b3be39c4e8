package com.sessionconsole.domain;

import java.util.Arrays;
import java.util.Locale;

/**
 * What the console flags. A finding's severity comes from its risk (see {@link Severity#ofRisk} and
 * docs/findings.md for the points each rule adds). A finding of a single rule that adds no points of its own
 * (a zombie row, an undecodable row) counts the floor of a band: the rule's base severity, scaled with magnitude
 * for the rules that count something against a threshold (at least {@value #RAISE_FACTOR}× the threshold is one
 * step more severe, below 1.25× one step less).
 */
public enum FindingRule {
    BURST_IP(Severity.HIGH, true, "Login burst from one IP", "IP opened many sessions in a short time"),
    BURST_USER(Severity.HIGH, true, "Login burst by one user", "user opened many sessions in a short time"),
    USER_MANY_COUNTRIES(Severity.HIGH, true, "User in many countries", "user active from many countries"),
    USER_MANY_IPS(Severity.MEDIUM, true, "User on many IPs", "user active from many IPs"),
    SHARED_IP(Severity.MEDIUM, true, "IP shared by many users", "IP shared by many users (NAT, proxy or credential stuffing)"),
    NEW_IP_FOR_USER(Severity.MEDIUM, false, "New IP for user", "recent session from an IP never seen before for this user"),
    NEW_DEVICE_FOR_USER(Severity.MEDIUM, false, "New device for user", "recent session from a device never seen before for this user"),
    LOW_TRUST(Severity.MEDIUM, false, "Low trust", "active session with low trust"),
    SHARED_DEVICE(Severity.LOW, true, "Device shared by many users", "device shared by many users"),
    ACTIVE_BUT_EXPIRED(Severity.LOW, false, "Active but expired", "is_active true but expires_at in the past"),
    ACTIVE_BUT_DELETED(Severity.LOW, false, "Active but deleted", "is_active true but deleted_at set"),
    ACTIVE_NULL(Severity.LOW, false, "Active flag NULL", "is_active is NULL"),
    UNDECODABLE_ROW(Severity.MEDIUM, false, "Undecodable row", "a column of the row could not be decoded; shown with what could be read"),
    INVALID_IP(Severity.LOW, false, "Invalid IP address", "ip_address is not a valid IP"),
    IMPOSSIBLE_TRAVEL(Severity.HIGH, false, "Impossible travel", "two consecutive sessions of a user too far apart for the time between them"),
    UNFAMILIAR_SIGN_IN(Severity.MEDIUM, false, "Unfamiliar sign-in", "a session whose device, address and country are all new to its user"),
    COUNTRY_HOP(Severity.MEDIUM, false, "Country change", "consecutive sessions of a user in two countries within hours, distance unknown"),
    DEVICE_FARM(Severity.HIGH, false, "Device farm", "one device id used by many users from many IPs (emulators, a replayed fingerprint)"),
    THREAT_INTEL(Severity.MEDIUM, false, "Threat-intel IP", "IP listed in one of the analyst's threat-intel files"),
    KNOWN_NETWORK(Severity.LOW, false, "Known network", "IP in a network the analyst declared (lowers the risk)"),
    SCRIPTED_AGENT(Severity.LOW, false, "Scripted agent", "user agent of a script, library or headless browser"),
    FUTURE_CREATED_AT(Severity.LOW, false, "Created in the future", "created_at later than the server clock beyond the skew tolerance"),
    TRUST_OUT_OF_RANGE(Severity.LOW, false, "Trust out of range", "trust_level outside the documented 0 to 100"),
    NON_CANONICAL_IP(Severity.LOW, false, "Non-canonical IP text", "ip_address is an IP but not written the canonical way");

    /** A measure at least this many times the threshold raises the severity one step. */
    public static final int RAISE_FACTOR = 2;

    /**
     * Risk bands: an entity's total risk points give its severity (HIGH from {@value #HIGH_RISK}, MEDIUM from
     * {@value #MEDIUM_RISK}, LOW below). The points per rule are in docs/findings.md.
     */
    public static final int HIGH_RISK = 70;
    public static final int MEDIUM_RISK = 35;

    public enum Severity {
        HIGH, MEDIUM, LOW;

        public static Severity ofRisk(int risk) {
            return risk >= HIGH_RISK ? HIGH : risk >= MEDIUM_RISK ? MEDIUM : LOW;
        }

        /** The least risk of this band: what a finding of a rule that is not scored by points counts. */
        public int floor() {
            return switch (this) {
                case HIGH -> HIGH_RISK;
                case MEDIUM -> MEDIUM_RISK;
                case LOW -> 10;
            };
        }

        Severity raised() {
            return this == LOW ? MEDIUM : HIGH;
        }

        Severity lowered() {
            return this == HIGH ? MEDIUM : LOW;
        }
    }

    private final Severity severity;
    private final boolean scaled;
    private final String label;
    private final String description;

    FindingRule(Severity severity, boolean scaled, String label, String description) {
        this.severity = severity;
        this.scaled = scaled;
        this.label = label;
        this.description = description;
    }

    /** The base severity, before scaling. */
    public Severity severity() {
        return severity;
    }

    /** The severity of a finding of this rule that measured {@code m}. */
    public Severity severityAt(Measure m) {
        if (!scaled) {
            return severity;
        }
        if (m.value() >= RAISE_FACTOR * m.threshold()) {
            return severity.raised();
        }
        // below 1.25× the threshold, in integers
        if (4 * m.value() < 5 * m.threshold()) {
            return severity.lowered();
        }
        return severity;
    }

    public boolean scalesWithMagnitude() {
        return scaled;
    }

    /** For people: "New IP for user". */
    public String label() {
        return label;
    }

    /** The name and what it means, without saying the name twice when the description starts with it. */
    public String explained() {
        return description.toLowerCase(Locale.ROOT).startsWith(label.toLowerCase(Locale.ROOT))
                ? label + description.substring(label.length()) : label + ": " + description;
    }

    public String description() {
        return description;
    }

    /** For scripts: "new_ip_for_user". */
    public String cliName() {
        return name().toLowerCase();
    }

    public static FindingRule parse(String text) {
        for (FindingRule r : values()) {
            if (r.cliName().equalsIgnoreCase(text.strip().replace('-', '_'))) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown rule '" + text + "': use one of " + Arrays.stream(values())
                .map(FindingRule::cliName).reduce((a, b) -> a + ", " + b).orElse(""));
    }
}
