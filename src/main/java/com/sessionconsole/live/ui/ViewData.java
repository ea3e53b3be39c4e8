package com.sessionconsole.live.ui;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.GroupSummary;
import com.sessionconsole.domain.Session;
import com.sessionconsole.ui.ChartData;
import com.sessionconsole.ui.SessionTable;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the tables show after one recompute, built off the FX thread and applied in one go.
 * {@code counted} names the group dimensions whose summaries were built (the others are still being counted);
 * {@code widestAddress} is the length of the longest address shown (see {@link SessionTable#widestAddress}), and
 * {@code widestTrust} of the widest trust level ({@link SessionTable#widestTrust});
 * {@code nextChange} is when time alone next changes what is shown (an expiry, a filter's edge).
 */
record ViewData(List<Session> sessions, Map<GroupBy, List<GroupSummary>> groups, Set<GroupBy> counted,
                Map<GroupBy, List<Session>> details, int totalActive, int widestAddress, int widestTrust, ChartData charts, Instant nextChange) {
}
