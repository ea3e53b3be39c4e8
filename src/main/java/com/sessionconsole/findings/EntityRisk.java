package com.sessionconsole.findings;

import com.sessionconsole.domain.Contribution;
import com.sessionconsole.domain.Finding;
import com.sessionconsole.domain.FindingRule;
import com.sessionconsole.domain.FindingSettings;
import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.Session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects the contributions to one entity's risk and its evidence, then makes its finding. */
final class EntityRisk {
    /** At most this many sessions are kept as a finding's evidence; the finding counts all of them and says so. */
    static final int EVIDENCE_LIMIT = 1_000;

    final GroupBy kind;
    final String subject;
    final List<Contribution> contributions = new ArrayList<>();
    final Set<Session> evidence = new LinkedHashSet<>();
    final List<String> notes = new ArrayList<>();
    /** An address shared by many users for days with people's agents (a VPN or office egress): set by {@link AddressRisk}. */
    boolean egress;
    long sessionCount;
    String nextStep;

    EntityRisk(GroupBy kind, String subject) {
        this.kind = kind;
        this.subject = subject;
    }

    void add(Contribution c) {
        contributions.add(c);
    }

    int risk() {
        return Math.max(0, contributions.stream().mapToInt(Contribution::points).sum());
    }

    boolean hasAny(Set<FindingRule> rules) {
        return contributions.stream().anyMatch(c -> rules.contains(c.rule()));
    }

    /** Caps the risk at {@code max} with a contribution that says why (e.g. "looks like NAT"). */
    void capAt(int max, FindingRule rule, String why) {
        int over = risk() - max;
        if (over > 0) {
            contributions.add(new Contribution(rule, -over, why));
        }
    }

    /** The finding, or null when nothing (enabled) is left of it. */
    Finding finding(FindingSettings settings) {
        contributions.removeIf(c -> !settings.on(c.rule()));
        Contribution top = contributions.stream().max(Comparator.comparingInt(Contribution::points)).orElse(null);
        if (top == null || top.points() <= 0 || risk() <= 0) {
            return null;
        }
        List<Contribution> ordered = contributions.stream().sorted(Comparator.comparingInt(Contribution::points).reversed()).toList();
        List<Session> shown = evidence.stream().sorted(Session.NEWEST_FIRST).limit(EVIDENCE_LIMIT).toList();
        StringBuilder why = new StringBuilder();
        for (Contribution c : ordered) {
            why.append(why.isEmpty() ? "" : "; ").append(c.detail());
        }
        notes.forEach(n -> why.append("; ").append(n));
        return new Finding(top.rule(), kind, subject, why.toString(), top.measure(), shown, Math.max(sessionCount, shown.size()), risk(),
                ordered, nextStep);
    }
}
