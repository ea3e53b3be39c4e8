package com.sessionconsole.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One thing that looks wrong: the rule, what it is about ({@code subjectKind} null for table-wide
 * findings such as zombie rows), a one-line explanation, what the rule measured against its threshold,
 * and the rows that show it.
 */
public record Finding(FindingRule rule, GroupBy subjectKind, String subject, String detail, Measure measure, List<Session> evidence) {
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
