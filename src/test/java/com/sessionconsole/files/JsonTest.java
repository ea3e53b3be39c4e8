package com.sessionconsole.files;

import com.sessionconsole.domain.Timestamps;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The public JSON format (CLI output, exports, audit lines), written and read through Jackson. */
class JsonTest {

    @Test
    void hostileTextIsEscapedInValuesAndKeysAndKeepsItsValue() {
        String value = "evil\u202e\u0007\u001b[2J\u200b\uDB40\uDC01end\u00e9 \uD83D\uDE00";
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("k\u202ey", value);
        String json = Json.write(m);
        assertThat(json).isEqualTo("{\"k\\u202ey\":\"evil\\u202e\\u0007\\u001B[2J\\u200b\\udb40\\udc01end\u00e9 \\ud83d\\ude00\"}");
        assertThat(json.codePoints()).noneMatch(c -> c < 0x20 || c == 0x7f || Character.getType(c) == Character.FORMAT);
        assertThat(Json.parse(json)).isEqualTo(Map.of("k\u202ey", value));
    }

    @Test
    void instantsAreIsoAndTheInfinitiesAreWrittenAsPostgreSqlWritesThem() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", Instant.parse("2026-11-27T06:00:00.123456Z"));
        m.put("never", Timestamps.INFINITY);
        m.put("always", Timestamps.MINUS_INFINITY);
        assertThat(Json.write(m)).isEqualTo("{\"at\":\"2026-11-27T06:00:00.123456Z\",\"never\":\"infinity\",\"always\":\"-infinity\"}");
    }

    @Test
    void parsingIsStrict() {
        assertThatThrownBy(() -> Json.parse("{\"revoked\":[],\"revoked\":[\"x\"]}")).hasMessageContaining("Duplicate field");
        assertThatThrownBy(() -> Json.parse("{\"a\":1} {\"b\":2}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.parse("{\"a\":NaN}")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Json.parse("[1, 2.5, true, null, \"x\"]")).isEqualTo(java.util.Arrays.asList(1, new java.math.BigDecimal("2.5"), true, null, "x"));
    }

    @Test
    void recordsAreWrittenByTheirComponents() {
        record Row(String ip, List<Integer> ports) {
        }
        assertThat(Json.write(new Row("10.0.0.1", List.of(22, 443)))).isEqualTo("{\"ip\":\"10.0.0.1\",\"ports\":[22,443]}");
    }
}
