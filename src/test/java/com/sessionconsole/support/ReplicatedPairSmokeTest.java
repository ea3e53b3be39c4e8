package com.sessionconsole.support;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicatedPairSmokeTest {
    @Test
    void aRowWrittenOnThePrimaryIsReadOnTheStandby() throws Exception {
        try (ReplicatedPair pair = ReplicatedPair.start()) {
            try (var c = pair.primary().adminDataSource().getConnection(); var st = c.createStatement()) {
                st.execute("CREATE TABLE t (x int)");
                st.execute("INSERT INTO t VALUES (42)");
            }
            pair.awaitCaughtUp(Duration.ofSeconds(10));
            try (var c = pair.standby().adminDataSource().getConnection(); var st = c.createStatement();
                 var rs = st.executeQuery("SELECT x, pg_is_in_recovery() FROM t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
                assertThat(rs.getBoolean(2)).isTrue();
            }
        }
    }
}
