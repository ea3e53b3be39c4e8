package com.sessionconsole.history.ui;

import com.sessionconsole.ui.ChartData;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.TokenMask;
import com.sessionconsole.history.SessionHistory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryChartsTest {
    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private static SessionHistory.Entry entry(long createdAgo, Long endedAgo, String location, int trust) {
        Session s = new Session(UUID.randomUUID(), UUID.randomUUID(), new TokenMask("…"), NOW.plusSeconds(3600), endedAgo == null,
                "d", "10.0.0.1", "a", location, trust, NOW.minusSeconds(createdAgo), NOW, null, 1);
        return new SessionHistory.Entry(s, endedAgo == null ? SessionHistory.Status.ACTIVE : SessionHistory.Status.REVOKED,
                endedAgo == null ? null : NOW.minusSeconds(endedAgo));
    }

    @Test
    void activeOverTimeIsTheStepFunctionOfEachSessionsLife() {
        SessionHistory.Result r = new SessionHistory.Result(GroupBy.USER, "u", NOW, List.of(
                entry(300, null, "Oslo, NO", 55), entry(200, 100L, "Oslo, NO", 5), entry(150, null, "Rome, IT", 100)));
        ChartData d = HistoryViewModel.charts(r);
        // up at each start, down at each end, and the two still active at "now"
        assertThat(d.activeOverTime()).extracting(ChartData.Sample::active).containsExactly(1, 2, 3, 2, 2);
        assertThat(d.activeOverTime().get(d.activeOverTime().size() - 1).at()).isEqualTo(NOW);
        assertThat(d.topLocations()).containsExactly(java.util.Map.entry("Oslo, NO", 2L), java.util.Map.entry("Rome, IT", 1L));
        assertThat(d.trustBuckets()[0]).isEqualTo(1);
        assertThat(d.trustBuckets()[5]).isEqualTo(1);
        assertThat(d.trustBuckets()[10]).isEqualTo(1);
    }
}
