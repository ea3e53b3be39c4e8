package com.sessionconsole.ui;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class OddValuesTest {
    @Test
    void everyFlaggedIpSaysWhy() {
        assertThat(OddValues.ipNote("10.8.8.4")).isNull();
        assertThat(OddValues.ipNote("2001:db8::1")).isNull();
        assertThat(OddValues.ipNote(null)).isNull();
        assertThat(OddValues.ipNote(" 10.8.8.4 ")).startsWith("Blanks around the address").contains("\" 10.8.8.4 \"").contains("reads it as 10.8.8.4");
        assertThat(OddValues.ipNote("10.0.0.300")).contains("300 is above 255");
        assertThat(OddValues.ipNote("010.8.8.5")).contains("leading zero");
        assertThat(OddValues.ipNote("10.8.8")).contains("3 parts");
        assertThat(OddValues.ipNote("10.0.0.0/8")).contains("network");
        assertThat(OddValues.ipNote("unknown")).contains("\"u\"");
        assertThat(OddValues.ipNote("   ")).contains("empty");
        assertThat(OddValues.ipNote("1:2:3")).contains("not a valid IPv4 or IPv6");
    }

    @Test
    void blanksAndQuotesInAnIpAreSeen() {
        assertThat(OddValues.ipShown("10.8.8.4")).isEqualTo("10.8.8.4");
        assertThat(OddValues.ipShown(" 10.8.8.4 ")).isEqualTo("\" 10.8.8.4 \"");
        assertThat(OddValues.ipShown("\" 10.8.8.4 \"")).as("a stored quote cannot pass for a padded value").isEqualTo("\"\\x22 10.8.8.4 \\x22\"");
        assertThat(OddValues.ipShown("")).isEqualTo("\"\"");
    }

    @Test
    void trustOutsideZeroToHundredAndFutureCreationAreFlagged() {
        assertThat(OddValues.trustOutOfRange(Integer.MAX_VALUE)).isTrue();
        assertThat(OddValues.trustOutOfRange(-1)).isTrue();
        assertThat(OddValues.trustOutOfRange(100)).isFalse();
        assertThat(OddValues.trustOutOfRange(null)).isFalse();
        Instant now = Instant.parse("2026-12-02T08:00:00Z");
        assertThat(OddValues.createdInFuture(now.plusSeconds(7200), now)).isTrue();
        assertThat(OddValues.createdInFuture(now.plusSeconds(30), now)).as("a little clock skew").isFalse();
        assertThat(OddValues.createdInFuture(null, now)).isFalse();
        assertThat(SessionTable.widestTrust(java.util.List.of(5, 100, Integer.MAX_VALUE), t -> t)).isEqualTo(12);
    }
}
