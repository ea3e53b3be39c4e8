package com.sessionconsole.live;

import com.sessionconsole.demo.SessionGenerator;
import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.GroupSummary;
import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.SummaryKey;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** summary --by user|device|ip gives the numbers the window's By user / device / IP views show, on the demo's odd rows too. */
class SummaryTableTest {
    @Test
    void userDeviceAndIpSummariesEqualTheWindowsGroupIndex() {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        List<Session> sessions = new ArrayList<>();
        new SessionGenerator(7, 5000, 4000, now).rows().forEachRemaining(n -> sessions.add(new Session(n.id(), n.userId(), null,
                n.expiresAt(), n.active(), n.deviceId(), n.ipAddress(), n.userAgent(), n.location(), n.trustLevel(), n.createdAt(),
                n.updatedAt(), n.deletedAt(), 0)));
        for (GroupBy by : GroupBy.values()) {
            List<List<Object>> window = GroupIndex.of(by, sessions).summaries().stream().map(SummaryTableTest::firstEight).toList();
            List<List<Object>> cli = SummaryTable.of(SummaryKey.valueOf(by.name()), SummaryKey.Prefixes.DEFAULT, sessions).stream()
                    .map(r -> r.values().subList(0, 8)).toList();
            assertThat(cli).as(by.name()).hasSizeGreaterThan(10).isEqualTo(window);
        }
    }

    private static List<Object> firstEight(GroupSummary g) {
        return Arrays.asList(g.key(), g.activeSessions(), g.distinctUsers(), g.distinctIps(), g.distinctDevices(), g.firstCreated(),
                g.lastCreated(), g.lowestTrust());
    }

    @Test
    void aSubnetIsTheNetworkOfTheAddressAndOtherTextIsAGroupOfItsOwn() {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        List<Session> sessions = new ArrayList<>();
        for (String ip : List.of("10.1.2.3", " 10.1.2.200 ", "::ffff:10.1.2.9", "10.1.3.1", "2001:db8:1:2:ffff::1", "2001:DB8:1:2::7",
                "010.1.2.3", "not an ip")) {
            sessions.add(new Session(java.util.UUID.randomUUID(), java.util.UUID.randomUUID(), null, now, true, "d", ip, null, null, 1,
                    now, now, null, 0));
        }
        List<String> keys = SummaryTable.of(SummaryKey.SUBNET, SummaryKey.Prefixes.DEFAULT, sessions).stream()
                .map(r -> r.key() + "=" + r.activeSessions()).toList();
        assertThat(keys).containsExactly("10.1.2.0/24=3", SummaryKey.NOT_AN_ADDRESS + "=2", "2001:db8:1:2::/64=2", "10.1.3.0/24=1");
        assertThat(SummaryTable.of(SummaryKey.SUBNET, new SummaryKey.Prefixes(16, 32), sessions).stream().map(SummaryTable.Row::key).toList())
                .contains("10.1.0.0/16", "2001:db8::/32");
    }
}
