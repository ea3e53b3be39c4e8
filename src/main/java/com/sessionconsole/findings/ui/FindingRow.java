package com.sessionconsole.findings.ui;

import com.sessionconsole.domain.Contribution;
import com.sessionconsole.domain.Finding;
import com.sessionconsole.domain.FindingRule;
import com.sessionconsole.domain.FindingRule.Severity;
import com.sessionconsole.domain.FindingState;
import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.Triage;

import java.time.temporal.ChronoUnit;
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
    private final Triage triage;

    private FindingRow(FindingRule rule, Finding finding, List<Finding> members, Triage triage) {
        this.rule = rule;
        this.finding = finding;
        this.members = List.copyOf(members);
        this.triage = triage;
    }

    static FindingRow of(Finding f, Triage triage) {
        return new FindingRow(f.rule(), f, List.of(f), triage);
    }

    static FindingRow group(FindingRule rule, List<Finding> members) {
        return new FindingRow(rule, null, members, null);
    }

    /** First and last seen and the state; null for a group, or when triage is not kept. */
    public Triage triage() {
        return triage;
    }

    /** NEW when triage is not kept; empty for a group. */
    public String stateText() {
        return isGroup() ? "" : triage == null ? FindingState.NEW.cliName() : triage.state().cliName();
    }

    public boolean isResolved() {
        return triage != null && triage.state() == FindingState.RESOLVED;
    }

    /** The highest risk of the row's findings. */
    public int risk() {
        return members.stream().mapToInt(Finding::risk).max().orElse(0);
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

    /** The "why flagged" tooltip and evidence header: the risk, each rule's points and numbers, and the next step. */
    public String why() {
        if (isGroup()) {
            return members.size() + " findings of \"" + rule.label() + "\" collapsed into one row; list them from the rule's button above.";
        }
        StringBuilder sb = new StringBuilder("Risk " + finding.risk() + " → " + finding.severity() + " (HIGH from " + FindingRule.HIGH_RISK
                + ", MEDIUM from " + FindingRule.MEDIUM_RISK + ")");
        for (Contribution c : finding.contributions()) {
            sb.append("\n").append(c.points() >= 0 ? "+" : "").append(c.points()).append("  ").append(c.rule().label()).append(": ")
                    .append(c.detail());
        }
        if (finding.contributions().isEmpty()) {
            sb.append("\n").append(rule.explained()).append(": ").append(finding.measure().why());
        }
        if (finding.nextStep() != null) {
            sb.append("\nNext: ").append(finding.nextStep());
        }
        if (triage != null) {
            sb.append("\n").append(triage.state().cliName()).append("; first seen ").append(triage.firstSeen().truncatedTo(ChronoUnit.SECONDS))
                    .append(", last seen ").append(triage.lastSeen().truncatedTo(ChronoUnit.SECONDS));
        }
        return sb.toString();
    }
}
