package com.sessionconsole.db;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hosts of a JDBC URL, every one of them: a multi-host URL (primary and standbys) keeps all its hosts, in order. */
class JdbcUrlTest {
    @Test
    void everyHostOfAMultiHostUrlIsKeptWithItsPort() {
        JdbcUrl u = JdbcUrl.parse("jdbc:postgresql://db1:5433,db2,[2001:db8::7]:6432/sessions?targetServerType=primary");
        assertThat(u.hosts()).containsExactly(new JdbcUrl.Host("db1", 5433), new JdbcUrl.Host("db2", 5432),
                new JdbcUrl.Host("[2001:db8::7]", 6432));
        assertThat(u.database()).isEqualTo("sessions");
        assertThat(u.host()).isEqualTo("db1");
        assertThat(u.port()).isEqualTo(5433);
    }

    @Test
    void oneHostAndTheDefaults() {
        assertThat(JdbcUrl.parse("jdbc:postgresql://db1/sessions").hosts()).containsExactly(new JdbcUrl.Host("db1", 5432));
        assertThat(JdbcUrl.parse("jdbc:postgresql:///sessions").hosts()).containsExactly(new JdbcUrl.Host("localhost", 5432));
        assertThat(JdbcUrl.parse("jdbc:postgresql://[::1]:5433/db").hosts()).containsExactly(new JdbcUrl.Host("[::1]", 5433));
    }

    @Test
    void whatIsNotAPostgresqlJdbcUrlIsRefused() {
        assertThatThrownBy(() -> JdbcUrl.parse("jdbc:mysql://db1/sessions")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a PostgreSQL JDBC URL");
        assertThatThrownBy(() -> JdbcUrl.parse("jdbc:postgresql://db1:port/sessions")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JdbcUrl.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
