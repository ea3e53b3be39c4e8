package com.sessionconsole.ui;

import com.sessionconsole.domain.Timestamps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** Absolute times always name their zone, and the analyst's preference (local or UTC) decides which. */
class TimeTextZoneTest {
    private final ZoneId before = TimeText.zone();

    @AfterEach
    void restore() {
        TimeText.useZone(before);
    }

    @Test
    void absoluteTimesFollowTheChosenZoneAndSayWhichItIs() {
        Instant t = Instant.parse("2026-01-15T12:00:00Z");
        TimeText.useZone(ZoneId.of("UTC"));
        assertThat(TimeText.absolute(t)).isEqualTo("2026-01-15 12:00:00 UTC");
        assertThat(TimeText.compact(t)).isEqualTo("2026-01-15 12:00 UTC");
        assertThat(TimeText.clock(t)).isEqualTo("12:00:00 UTC");
        TimeText.useZone(ZoneId.of("Europe/Berlin"));
        assertThat(TimeText.absolute(t)).isEqualTo("2026-01-15 13:00:00 CET");
        assertThat(TimeText.absolute(Instant.parse("2026-07-15T12:00:00Z"))).isEqualTo("2026-07-15 14:00:00 CEST");
        assertThat(TimeText.absolute(Timestamps.INFINITY)).isEqualTo("never");
    }
}
