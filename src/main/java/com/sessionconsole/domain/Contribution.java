package com.sessionconsole.domain;

/**
 * What one rule added to an entity's risk (negative for what lowers it, such as a known network), why, with its
 * numbers ("120 users within 12 min, all python-requests"), and what it measured against its threshold.
 */
public record Contribution(FindingRule rule, int points, String detail, Measure measure) {
    public Contribution(FindingRule rule, int points, String detail) {
        this(rule, points, detail, new Measure(Math.max(1, Math.abs(points)), 1, "risk points"));
    }
}
