package com.sessionconsole.domain;

import java.time.Instant;

/**
 * What the console remembers of a finding across restarts: when it was first and last seen, its state, and
 * enough of its last appearance to list it after it resolved.
 */
public record Triage(String key, Instant firstSeen, Instant lastSeen, FindingState state, String rule, String severity, int risk,
                     String subjectKind, String subject, String detail) {

    public Triage withState(FindingState next) {
        return new Triage(key, firstSeen, lastSeen, next, rule, severity, risk, subjectKind, subject, detail);
    }
}
