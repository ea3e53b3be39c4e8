package com.sessionconsole.findings.ui;

import com.sessionconsole.domain.Finding;
import com.sessionconsole.domain.FindingRule;
import com.sessionconsole.domain.Triage;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns the engine's findings into table rows and strip entries under the analyst's per-rule choices. */
final class FindingRows {
    private FindingRows() {
    }

    /**
     * In the findings' order; a collapsed rule's group row takes the place of its first (most severe)
     * finding, and a muted rule has no row.
     */
    static List<FindingRow> rows(List<Finding> sorted, Map<FindingRule, RuleDisplay> displays) {
        return rows(sorted, displays, Map.of(), List.of());
    }

    /**
     * The same with each finding's triage (by {@link Finding.Key#text()}), and the resolved findings after the others
     * (they are no longer computed, so no rule collapses or mutes them).
     */
    static List<FindingRow> rows(List<Finding> sorted, Map<FindingRule, RuleDisplay> displays, Map<String, Triage> triage, List<Finding> resolved) {
        Map<FindingRule, List<Finding>> groups = new EnumMap<>(FindingRule.class);
        for (Finding f : sorted) {
            if (display(displays, f.rule()) == RuleDisplay.GROUP) {
                groups.computeIfAbsent(f.rule(), r -> new ArrayList<>()).add(f);
            }
        }
        List<FindingRow> out = new ArrayList<>();
        Set<FindingRule> placed = EnumSet.noneOf(FindingRule.class);
        for (Finding f : sorted) {
            switch (display(displays, f.rule())) {
                case LIST -> out.add(FindingRow.of(f, triage.get(f.key().text())));
                case GROUP -> {
                    if (placed.add(f.rule())) {
                        out.add(FindingRow.group(f.rule(), groups.get(f.rule())));
                    }
                }
                case MUTE -> {
                }
            }
        }
        resolved.forEach(f -> out.add(FindingRow.of(f, triage.get(f.key().text()))));
        return out;
    }

    /** Every rule that has findings or is not shown as a plain list (so a muted rule can be unmuted at 0), in rule order. */
    static List<RuleSummary> summaries(List<Finding> findings, Map<FindingRule, RuleDisplay> displays) {
        Map<FindingRule, Integer> counts = new EnumMap<>(FindingRule.class);
        findings.forEach(f -> counts.merge(f.rule(), 1, Integer::sum));
        List<RuleSummary> out = new ArrayList<>();
        for (FindingRule r : FindingRule.values()) {
            int n = counts.getOrDefault(r, 0);
            if (n > 0 || display(displays, r) != RuleDisplay.LIST) {
                out.add(new RuleSummary(r, n, display(displays, r)));
            }
        }
        return out;
    }

    static RuleDisplay display(Map<FindingRule, RuleDisplay> displays, FindingRule rule) {
        return displays.getOrDefault(rule, RuleDisplay.LIST);
    }
}
