package com.sessionconsole.domain;

import com.sessionconsole.domain.FindingRule.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Severity scales with how far a finding is over its threshold, as FindingRule's comment says. */
class FindingSeverityTest {
    private static Severity at(FindingRule rule, long value, long threshold) {
        return rule.severityAt(new Measure(value, threshold, "x"));
    }

    @Test
    void threeCountriesIsNotTen() {
        assertThat(at(FindingRule.USER_MANY_COUNTRIES, 3, 3)).isEqualTo(Severity.MEDIUM);
        assertThat(at(FindingRule.USER_MANY_COUNTRIES, 4, 3)).isEqualTo(Severity.HIGH);
        assertThat(at(FindingRule.USER_MANY_COUNTRIES, 10, 3)).isEqualTo(Severity.HIGH);
    }

    @Test
    void aMediumRuleIsLoweredBelowOneAndAQuarterAndRaisedFromTwiceTheThreshold() {
        assertThat(at(FindingRule.SHARED_IP, 20, 20)).isEqualTo(Severity.LOW);
        assertThat(at(FindingRule.SHARED_IP, 24, 20)).isEqualTo(Severity.LOW);
        assertThat(at(FindingRule.SHARED_IP, 25, 20)).isEqualTo(Severity.MEDIUM);
        assertThat(at(FindingRule.SHARED_IP, 39, 20)).isEqualTo(Severity.MEDIUM);
        assertThat(at(FindingRule.SHARED_IP, 40, 20)).isEqualTo(Severity.HIGH);
    }

    @Test
    void aLowRuleCanBeRaisedButNotLoweredFurther() {
        assertThat(at(FindingRule.SHARED_DEVICE, 5, 5)).isEqualTo(Severity.LOW);
        assertThat(at(FindingRule.SHARED_DEVICE, 7, 5)).isEqualTo(Severity.LOW);
        assertThat(at(FindingRule.SHARED_DEVICE, 10, 5)).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void rulesThatFireOnAnyRowKeepTheirBaseSeverity() {
        for (FindingRule rule : FindingRule.values()) {
            if (!rule.scalesWithMagnitude()) {
                assertThat(at(rule, 1, 1)).as(rule.name()).isEqualTo(rule.severity());
                assertThat(at(rule, 500, 1)).as(rule.name()).isEqualTo(rule.severity());
            }
        }
        assertThat(FindingRule.NEW_IP_FOR_USER.scalesWithMagnitude()).isFalse();
    }

    @Test
    void aFindingsSeverityIsItsRuleScaledByItsMeasure() {
        Finding tenCountries = new Finding(FindingRule.USER_MANY_COUNTRIES, GroupBy.USER, "u", "", new Measure(10, 3, "countries"),
                java.util.List.of());
        Finding threeCountries = new Finding(FindingRule.USER_MANY_COUNTRIES, GroupBy.USER, "u", "", new Measure(3, 3, "countries"),
                java.util.List.of());
        assertThat(tenCountries.severity()).isEqualTo(Severity.HIGH);
        assertThat(threeCountries.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(threeCountries.measure().why()).isEqualTo("3 countries; threshold 3");
    }

    @Test
    void everyRuleHasAReadableNameWithoutUnderscores() {
        for (FindingRule rule : FindingRule.values()) {
            assertThat(rule.label()).as(rule.name()).doesNotContain("_").isNotEqualToIgnoringCase(rule.cliName());
        }
        assertThat(FindingRule.NEW_IP_FOR_USER.label()).isEqualTo("New IP for user");
    }
}
