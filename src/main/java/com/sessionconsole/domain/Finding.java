package com.sessionconsole.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One thing that looks wrong: the rule, what it is about ({@code subjectKind} null for table-wide
 * findings such as zombie rows), a one-line explanation, what the rule measured against its threshold,
 * and the rows that show it. {@code sessionCount} is how many sessions the finding is about, counted on
 * the server; the evidence may be a sample of them (see {@link #sampled()}).
 */
public record Finding(FindingRule rule, GroupBy subjectKind, String subject, String detail, Measure measure, List<Session> evidence,
                      long sessionCount) {
    /**
     * Most severe first, then by rule, then by subject (code point order), then by the smallest evidence id:
     * the same findings come out in the same order on every poll, whatever order they were computed in.
     */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity).thenComparing(Finding::rule)
            .thenComparing(Finding::subject, Comparator.nullsFirst(CodePointOrder.INSTANCE))
            .thenComparing(Finding::subjectKind, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::smallestEvidenceId, Comparator.nullsFirst(Comparator.naturalOrder()));

    /** Which finding this is across polls: its evidence and measure change, this does not. */
    public record Key(FindingRule rule, GroupBy subjectKind, String subject) {
    }

    public Finding {
        Objects.requireNonNull(rule);
        Objects.requireNonNull(measure);
        evidence = List.copyOf(evidence);
        if (sessionCount < evidence.size()) {
            throw new IllegalArgumentException(evidence.size() + " evidence rows for a finding about " + sessionCount + " sessions");
        }
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

    /** The rule's severity scaled by how far the measure is over its threshold (see {@link FindingRule}). */
    public FindingRule.Severity severity() {
        return rule.severityAt(measure);
    }

    public Key key() {
        return new Key(rule, subjectKind, subject);
    }

    private UUID smallestEvidenceId() {
        return evidence.stream().map(Session::id).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
    }
}
