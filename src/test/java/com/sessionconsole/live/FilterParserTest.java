package com.sessionconsole.live;

import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.SessionFilter;
import com.sessionconsole.domain.TokenMask;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class FilterParserTest {
    final FilterParser parser = new FilterParser();
    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    static Session session(String ip, String location, String agent, Integer trust, Instant created) {
        return new Session(UUID.randomUUID(), UUID.randomUUID(), new TokenMask("ab12…ef34"), NOW.plusSeconds(3600), true,
                "dev-1", ip, agent, location, trust, created, created, null, 1);
    }

    private FilterParser.Parsed parse(String text, String ip, String trust, String created, String expires) {
        return parser.parse(new FilterParser.Input(text, ip, trust, created, expires, null, null, null));
    }

    @Property(tries = 1000)
    void anyTypedTextParsesWithoutThrowingAndMatchesLiterally(@ForAll String typed) {
        FilterParser.Parsed p = parse(typed, typed, typed, typed, typed);
        Session s = session("10.0.0.1", "São Paulo, BR", "Mozilla/5.0 (X11)", 50, NOW);
        p.filter().matches(s, NOW); // must not throw
        if (!typed.isBlank() && typed.length() <= FilterParser.MAX_TEXT_LENGTH && typed.indexOf('\0') < 0) {
            assertThat(p.filter().text()).isEqualTo(typed.strip());
        }
    }

    @Example
    void metacharactersAreLiteralText() {
        Session s = session("10.0.0.1", "a.*b (x) [y] ' OR 1=1 --", "agent", 50, NOW);
        assertThat(parse(".*", null, null, null, null).filter().matches(s, NOW)).isTrue();
        assertThat(parse("' OR 1=1 --", null, null, null, null).filter().matches(s, NOW)).isTrue();
        assertThat(parse("[z]", null, null, null, null).filter().matches(s, NOW)).isFalse();
        assertThat(parse("SÃO", null, null, null, null).filter().matches(session("1.1.1.1", "São Paulo", "", 1, NOW), NOW)).isTrue();
        assertThat(parse("Sao", null, null, null, null).filter().matches(session("1.1.1.1", "São Paulo", "", 1, NOW), NOW)).isFalse();
        assertThat(parse("são", null, null, null, null).filter().matches(session("1.1.1.1", "São Paulo", "", 1, NOW), NOW)).isTrue();
    }

    @Example
    void badValuesAreReportedAndLeftOut() {
        FilterParser.Parsed p = parse("x".repeat(10_000), "10.0.0.0/33", "101", "banana", "0m");
        assertThat(p.errors()).containsKeys(FilterParser.Field.TEXT, FilterParser.Field.IP, FilterParser.Field.MAX_TRUST,
                FilterParser.Field.CREATED_WITHIN, FilterParser.Field.EXPIRES_WITHIN);
        assertThat(p.errors().get(FilterParser.Field.MAX_TRUST)).contains("out of range");
        assertThat(p.errors().get(FilterParser.Field.CREATED_WITHIN)).contains("is not a duration");
        assertThat(p.filter()).isEqualTo(SessionFilter.NONE);
        assertThat(parse("a\0b", null, null, null, null).errors()).containsKey(FilterParser.Field.TEXT);
    }

    @Example
    void structuredFiltersCombine() {
        FilterParser.Parsed p = parse(null, "10.0.0.0/8", "40", "2h", "1d");
        assertThat(p.hasErrors()).isFalse();
        SessionFilter f = p.filter();
        assertThat(f.matches(session("10.9.9.9", "x", "y", 40, NOW.minus(Duration.ofMinutes(30))), NOW)).isTrue();
        assertThat(f.matches(session("11.9.9.9", "x", "y", 40, NOW.minus(Duration.ofMinutes(30))), NOW)).isFalse();
        assertThat(f.matches(session("10.9.9.9", "x", "y", 41, NOW.minus(Duration.ofMinutes(30))), NOW)).isFalse();
        assertThat(f.matches(session("10.9.9.9", "x", "y", null, NOW.minus(Duration.ofMinutes(30))), NOW)).isFalse();
        assertThat(f.matches(session("10.9.9.9", "x", "y", 40, NOW.minus(Duration.ofHours(3))), NOW)).isFalse();
        assertThat(f.matches(session(null, "x", "y", 40, NOW), NOW)).isFalse();
        assertThat(f.matches(session("unknown", "x", "y", 40, NOW), NOW)).isFalse();
    }
}
