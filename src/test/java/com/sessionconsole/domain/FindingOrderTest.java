package com.sessionconsole.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Findings come out in one order, whatever order the rules produced them in (issue #15: the order changed from poll to poll). */
class FindingOrderTest {
    private static Session row(String id) {
        return new Session(UUID.fromString(id), UUID.randomUUID(), new TokenMask("ab…cd"), Instant.EPOCH, true, "d", "10.0.0.1", "a",
                "Berlin, DE", 50, Instant.EPOCH, Instant.EPOCH, null, 1);
    }

    private static Finding f(FindingRule rule, GroupBy kind, String subject, long value, long threshold, Session... evidence) {
        return new Finding(rule, kind, subject, "", new Measure(value, threshold, "x"), List.of(evidence));
    }

    @Test
    void severityThenRuleThenSubjectThenSmallestEvidenceId() {
        Session a = row("00000000-0000-0000-0000-00000000000a");
        Session b = row("00000000-0000-0000-0000-00000000000b");
        List<Finding> expected = List.of(
                f(FindingRule.BURST_IP, GroupBy.IP, "203.0.113.9", 25, 20, a),
                f(FindingRule.USER_MANY_COUNTRIES, GroupBy.USER, "alice", 5, 3, a),
                f(FindingRule.USER_MANY_COUNTRIES, GroupBy.USER, "bob", 12, 3, a),
                f(FindingRule.SHARED_IP, GroupBy.IP, "198.51.100.1", 50, 20, b),
                // scaled down from HIGH: barely over the threshold, so after every HIGH
                f(FindingRule.USER_MANY_COUNTRIES, GroupBy.USER, "carol", 3, 3, a),
                f(FindingRule.NEW_IP_FOR_USER, GroupBy.USER, "alice", 1, 1, b),
                f(FindingRule.NEW_IP_FOR_USER, GroupBy.USER, "bob", 1, 1, a),
                // same rule and subject: the smallest evidence id decides
                f(FindingRule.NEW_IP_FOR_USER, GroupBy.USER, "bob", 1, 1, b),
                f(FindingRule.ACTIVE_NULL, null, null, 2, 1, a));
        Random random = new Random(15);
        for (int i = 0; i < 50; i++) {
            List<Finding> shuffled = new ArrayList<>(expected);
            Collections.shuffle(shuffled, random);
            shuffled.sort(Finding.ORDER);
            assertThat(shuffled).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void theEvidenceCountNoLongerReordersARule() {
        Finding few = f(FindingRule.SHARED_IP, GroupBy.IP, "10.0.0.1", 30, 20, row("00000000-0000-0000-0000-000000000001"));
        Finding many = f(FindingRule.SHARED_IP, GroupBy.IP, "10.0.0.2", 30, 20, row("00000000-0000-0000-0000-000000000002"),
                row("00000000-0000-0000-0000-000000000003"), row("00000000-0000-0000-0000-000000000004"));
        List<Finding> list = new ArrayList<>(List.of(many, few));
        list.sort(Finding.ORDER);
        assertThat(list).containsExactly(few, many);
    }
}
