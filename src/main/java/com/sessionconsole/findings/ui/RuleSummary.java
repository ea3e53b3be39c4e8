package com.sessionconsole.findings.ui;

import com.sessionconsole.domain.FindingRule;

/** One rule's entry in the summary strip: how many findings it has now, and how they are shown. */
public record RuleSummary(FindingRule rule, int count, RuleDisplay display) {
    public String text() {
        return switch (display) {
            case LIST -> rule.label() + " (" + count + ")";
            case GROUP -> rule.label() + " (" + count + ", collapsed)";
            case MUTE -> rule.label() + " — muted: " + count;
        };
    }
}
