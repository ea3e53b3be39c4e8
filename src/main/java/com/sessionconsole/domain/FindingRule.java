package com.sessionconsole.domain;

/** What the console flags, and how loudly. */
public enum FindingRule {
    BURST_IP(Severity.HIGH, "IP opened many sessions in a short time"),
    BURST_USER(Severity.HIGH, "user opened many sessions in a short time"),
    USER_MANY_COUNTRIES(Severity.HIGH, "user active from many countries"),
    USER_MANY_IPS(Severity.MEDIUM, "user active from many IPs"),
    SHARED_IP(Severity.MEDIUM, "IP shared by many users (NAT, proxy or credential stuffing)"),
    NEW_IP_FOR_USER(Severity.MEDIUM, "recent session from an IP never seen before for this user"),
    NEW_DEVICE_FOR_USER(Severity.MEDIUM, "recent session from a device never seen before for this user"),
    LOW_TRUST(Severity.MEDIUM, "active session with low trust"),
    SHARED_DEVICE(Severity.LOW, "device shared by many users"),
    ACTIVE_BUT_EXPIRED(Severity.LOW, "is_active true but expires_at in the past"),
    ACTIVE_BUT_DELETED(Severity.LOW, "is_active true but deleted_at set"),
    ACTIVE_NULL(Severity.LOW, "is_active is NULL"),
    UNDECODABLE_ROW(Severity.MEDIUM, "a column of the row could not be decoded; shown with what could be read"),
    INVALID_IP(Severity.LOW, "ip_address is not a valid IP");

    public enum Severity { HIGH, MEDIUM, LOW }

    private final Severity severity;
    private final String description;

    FindingRule(Severity severity, String description) {
        this.severity = severity;
        this.description = description;
    }

    public Severity severity() {
        return severity;
    }

    public String description() {
        return description;
    }

    public String cliName() {
        return name().toLowerCase();
    }

    public static FindingRule parse(String text) {
        for (FindingRule r : values()) {
            if (r.cliName().equalsIgnoreCase(text.strip().replace('-', '_'))) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown rule '" + text + "': use one of " + java.util.Arrays.stream(values())
                .map(FindingRule::cliName).reduce((a, b) -> a + ", " + b).orElse(""));
    }
}
