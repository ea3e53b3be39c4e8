package com.sessionconsole.ui;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the small charts show, as plain data: active sessions over time (sampled once per poll since
 * the window opened), the top locations and the trust distribution of the rows in view.
 */
public record ChartData(List<Sample> activeOverTime, Map<String, Long> topLocations, long[] trustBuckets) {
    public static final ChartData EMPTY = new ChartData(List.of(), Map.of(), new long[11]);

    public record Sample(Instant at, int active) {
    }
}
