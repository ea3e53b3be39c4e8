package com.sessionconsole.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One thing to look at: an entity (a user, an IP, a device) and its total risk, or a table-wide fact
 * ({@code subjectKind} null, e.g. zombie rows). {@code rule} is the rule that contributed the most;
 * {@code contributions} are every rule that added to the risk, with its points and numbers; {@code detail} is
 * the one-sentence "why" with the numbers, {@code nextStep} what to do about it. {@code sessionCount} is how
 * many sessions the finding is about, counted on the server; the evidence may be a sample of them
 * (see {@link #sampled()}). The severity comes from the risk (see {@link FindingRule.Severity#ofRisk}).
 */
public record Finding(FindingRule rule, GroupBy subjectKind, String subject, String detail, Measure measure, List<Session> evidence,
                      long sessionCount, int risk, List<Contribution> contributions, String nextStep) {
    /**
     * Highest risk first, then by rule, then by subject (code point order), then by the smallest evidence id:
     * the same findings come out in the same order on every poll, whatever order they were computed in.
     */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::risk, Comparator.reverseOrder())
            .thenComparing(Finding::rule)
            .thenComparing(Finding::subject, Comparator.nullsFirst(CodePointOrder.INSTANCE))
            .thenComparing(Finding::subjectKind, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::smallestEvidenceId, Comparator.nullsFirst(Comparator.naturalOrder()));

    /**
     * Which finding this is across polls: its evidence, measure and top rule change, this does not. An entity's
     * finding is keyed by the entity alone ({@code rule} null); a table-wide one by its rule.
     */
    public record Key(FindingRule rule, GroupBy subjectKind, String subject) {
        /** "ip:203.0.113.5", "user:…", "table:active_but_expired": how the triage file names it. */
        public String text() {
            return subjectKind == null ? "table:" + rule.cliName() : subjectKind.name().toLowerCase() + ":" + subject;
        }
    }

    public Finding {
        Objects.requireNonNull(rule);
        Objects.requireNonNull(measure);
        evidence = List.copyOf(evidence);
        contributions = List.copyOf(contributions);
        if (sessionCount < evidence.size()) {
            throw new IllegalArgumentException(evidence.size() + " evidence rows for a finding about " + sessionCount + " sessions");
        }
    }

    /** A finding of one rule, as risky as the floor of the rule's band at that measure. */
    public Finding(FindingRule rule, GroupBy subjectKind, String subject, String detail, Measure measure, List<Session> evidence,
                   long sessionCount) {
        this(rule, subjectKind, subject, detail, measure, evidence, sessionCount, rule.severityAt(measure).floor(),
                List.of(new Contribution(rule, rule.severityAt(measure).floor(), detail)), null);
    }

    /** A finding whose evidence is every session it is about. */
    public Finding(FindingRule rule, GroupBy subjectKind, String subject, String detail, Measure measure, List<Session> evidence) {
        this(rule, subjectKind, subject, detail, measure, evidence, evidence.size());
    }

    /** Whether the evidence is only some of the sessions the finding is about. */
    public boolean sampled() {
        return sessionCount > evidence.size();
    }

    /** "14421 sessions (showing 1000)" for a sample, "3 sessions" otherwise. */
    public static String sessionsText(long count, long shown) {
        return count + " sessions" + (shown < count ? " (showing " + shown + ")" : "");
    }

    /** From the risk bands. */
    public FindingRule.Severity severity() {
        return FindingRule.Severity.ofRisk(risk);
    }

    public Key key() {
        return subjectKind == null ? new Key(rule, null, null) : new Key(null, subjectKind, subject);
    }

    /** Whether a rule contributed to this finding. */
    public boolean has(FindingRule r) {
        return rule == r || contributions.stream().anyMatch(c -> c.rule() == r);
    }

    private UUID smallestEvidenceId() {
        return evidence.stream().map(Session::id).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
    }
}
