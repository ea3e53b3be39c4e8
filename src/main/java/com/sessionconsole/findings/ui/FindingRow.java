package com.sessionconsole.findings.ui;

import com.sessionconsole.domain.Finding;
import com.sessionconsole.domain.FindingRule;
import com.sessionconsole.domain.FindingRule.Severity;
import com.sessionconsole.domain.Session;

import java.util.Comparator;
import java.util.List;

/**
 * A row of the findings table: one finding, or a rule's findings collapsed into one row.
 * Not a record on purpose: each refresh makes new rows, and the view re-selects the new instance
 * of the selected row, which an equals-based property would not report when nothing else changed.
 */
public final class FindingRow {
    private final FindingRule rule;
    private final Finding finding;
    private final List<Finding> members;

    private FindingRow(FindingRule rule, Finding finding, List<Finding> members) {
        this.rule = rule;
        this.finding = finding;
        this.members = List.copyOf(members);
    }

    static FindingRow of(Finding f) {
        return new FindingRow(f.rule(), f, List.of(f));
    }

    static FindingRow group(FindingRule rule, List<Finding> members) {
        return new FindingRow(rule, null, members);
    }

    public FindingRule rule() {
        return rule;
    }

    /** The finding of a single row; null for a group. */
    public Finding finding() {
        return finding;
    }

    public boolean isGroup() {
        return finding == null;
    }

    public int size() {
        return members.size();
    }

    /** A group is as severe as its most severe finding. */
    public Severity severity() {
        return members.stream().map(Finding::severity).min(Comparator.naturalOrder()).orElse(rule.severity());
    }

    public List<Session> evidence() {
        return isGroup() ? members.stream().flatMap(f -> f.evidence().stream()).distinct().toList() : finding.evidence();
    }

    /** How many sessions the row is about, counted on the server: more than {@link #evidence()} holds when a finding is sampled. */
    public long sessionCount() {
        // only a sampled finding has sessions beyond its evidence, and those belong to it alone
        return evidence().size() + members.stream().mapToLong(f -> f.sessionCount() - f.evidence().size()).sum();
    }

    /** "14421 sessions (showing 1000)", or "3 sessions" when the evidence is all of them. */
    public String sessionsText() {
        return Finding.sessionsText(sessionCount(), evidence().size());
    }

    /** Which row this is across refreshes: the finding's key, or the rule for a group. */
    Object key() {
        return isGroup() ? rule : finding.key();
    }

    /** The "why flagged" tooltip. */
    public String why() {
        if (isGroup()) {
            return members.size() + " findings of \"" + rule.label() + "\" collapsed into one row; list them from the rule's button above.";
        }
        Severity s = finding.severity();
        String scale = s == rule.severity() ? "the rule's own"
                : s.compareTo(rule.severity()) < 0 ? "raised from " + rule.severity() + ": at least " + FindingRule.RAISE_FACTOR + "× the threshold"
                : "lowered from " + rule.severity() + ": less than 1.25× the threshold";
        return rule.explained() + "\nWhy flagged: " + finding.measure().why() + "\nSeverity " + s + " (" + scale + ")";
    }
}
