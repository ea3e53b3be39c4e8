package com.sessionconsole.domain;

import java.util.List;

/**
 * One thing that looks wrong: the rule, what it is about ({@code subjectKind} null for table-wide
 * findings such as zombie rows), a one-line explanation, and the rows that show it.
 */
public record Finding(FindingRule rule, GroupBy subjectKind, String subject, String detail, List<Session> evidence) {
    public Finding {
        evidence = List.copyOf(evidence);
    }

    public FindingRule.Severity severity() {
        return rule.severity();
    }
}
