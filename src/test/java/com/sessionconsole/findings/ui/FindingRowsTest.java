package com.sessionconsole.findings.ui;

import com.sessionconsole.domain.Contribution;
import com.sessionconsole.domain.Finding;
import com.sessionconsole.domain.FindingRule;
import com.sessionconsole.domain.FindingRule.Severity;
import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.Measure;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Collapsing and muting a rule: what the table shows and what the strip counts. */
class FindingRowsTest {
    private static Finding f(FindingRule rule, String subject, long value, long threshold) {
        return new Finding(rule, GroupBy.USER, subject, "", new Measure(value, threshold, "x"), List.of());
    }

    private final List<Finding> sorted = Stream.of(
            f(FindingRule.USER_MANY_COUNTRIES, "a", 6, 3),
            f(FindingRule.SHARED_IP, "b", 45, 20),
            f(FindingRule.NEW_IP_FOR_USER, "c", 1, 1),
            f(FindingRule.NEW_IP_FOR_USER, "d", 2, 1),
            f(FindingRule.SHARED_IP, "e", 20, 20),
            f(FindingRule.SHARED_DEVICE, "f", 5, 5)).sorted(Finding.ORDER).toList();

    private static Map<FindingRule, RuleDisplay> displays(FindingRule rule, RuleDisplay d) {
        Map<FindingRule, RuleDisplay> m = new EnumMap<>(FindingRule.class);
        m.put(rule, d);
        return m;
    }

    @Test
    void aCollapsedRuleIsOneRowWhereItsMostSevereFindingWas() {
        List<FindingRow> rows = FindingRows.rows(sorted, displays(FindingRule.SHARED_IP, RuleDisplay.GROUP));
        assertThat(rows).extracting(FindingRow::rule).containsExactly(FindingRule.USER_MANY_COUNTRIES, FindingRule.SHARED_IP,
                FindingRule.NEW_IP_FOR_USER, FindingRule.NEW_IP_FOR_USER, FindingRule.SHARED_DEVICE);
        FindingRow group = rows.get(1);
        assertThat(group.isGroup()).isTrue();
        assertThat(group.size()).isEqualTo(2);
        assertThat(group.severity()).isEqualTo(Severity.HIGH);
        assertThat(group.why()).contains("2 findings of \"IP shared by many users\"");
    }

    @Test
    void aMutedRuleHasNoRowsButKeepsItsCountAndAStripEntryAtZero() {
        List<FindingRow> rows = FindingRows.rows(sorted, displays(FindingRule.NEW_IP_FOR_USER, RuleDisplay.MUTE));
        assertThat(rows).extracting(FindingRow::rule).doesNotContain(FindingRule.NEW_IP_FOR_USER).hasSize(4);
        assertThat(FindingRows.summaries(sorted, displays(FindingRule.NEW_IP_FOR_USER, RuleDisplay.MUTE)))
                .extracting(RuleSummary::text).containsExactly("User in many countries (1)", "IP shared by many users (2)",
                        "New IP for user — muted: 2", "Device shared by many users (1)");
        assertThat(FindingRows.summaries(List.of(), displays(FindingRule.NEW_IP_FOR_USER, RuleDisplay.MUTE)))
                .extracting(RuleSummary::text).containsExactly("New IP for user — muted: 0");
    }

    @Test
    void theWhyTooltipGivesTheRiskBandEachRulesPointsAndTheNextStep() {
        Finding ip = new Finding(FindingRule.SHARED_IP, GroupBy.IP, "45.155.205.233", "120 users", new Measure(120, 20, "users"), List.of(), 0,
                85, List.of(new Contribution(FindingRule.SHARED_IP, 60, "120 users from 45.155.205.233 within 12 min"),
                new Contribution(FindingRule.BURST_IP, 25, "101 sessions within 10 min"), new Contribution(FindingRule.KNOWN_NETWORK, -0, "x")),
                "Revoke its sessions");
        String why = FindingRows.rows(List.of(ip), Map.of()).get(0).why();
        assertThat(why).startsWith("Risk 85 → HIGH (HIGH from 70, MEDIUM from 35)")
                .contains("\n+60  IP shared by many users: 120 users from 45.155.205.233 within 12 min")
                .contains("\n+25  Login burst from one IP: 101 sessions within 10 min").endsWith("\nNext: Revoke its sessions");
    }

    @Test
    void theChoicesRoundTripThroughThePreferenceTextAndADamagedEntryIsSkipped() {
        Map<FindingRule, RuleDisplay> m = displays(FindingRule.NEW_IP_FOR_USER, RuleDisplay.MUTE);
        m.put(FindingRule.SHARED_IP, RuleDisplay.GROUP);
        m.put(FindingRule.LOW_TRUST, RuleDisplay.LIST);
        String text = RuleDisplay.format(m);
        assertThat(text).isEqualTo("shared_ip=group,new_ip_for_user=mute");
        m.remove(FindingRule.LOW_TRUST);
        assertThat(RuleDisplay.parse(text)).isEqualTo(m);
        assertThat(RuleDisplay.parse("no_such_rule=mute,shared_ip=loud,burst_ip,,new_device_for_user=group"))
                .isEqualTo(displays(FindingRule.NEW_DEVICE_FOR_USER, RuleDisplay.GROUP));
    }
}
