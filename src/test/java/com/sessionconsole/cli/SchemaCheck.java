package com.sessionconsole.cli;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a JSON object against the parts of JSON Schema our documents use: required, properties with type (one or a list,
 * with "null"), format uuid / date-time on strings, items of arrays, objects inside, additionalProperties false.
 */
final class SchemaCheck {
    private SchemaCheck() {
    }

    static void validate(Map<?, ?> schema, Map<?, ?> object) {
        Map<?, ?> properties = (Map<?, ?>) schema.get("properties");
        for (Object required : (List<?>) schema.get("required")) {
            assertThat(object.containsKey(required)).as("required " + required + " in " + object).isTrue();
        }
        if (Boolean.FALSE.equals(schema.get("additionalProperties"))) {
            object.keySet().forEach(k -> assertThat(properties.containsKey(k)).as("field " + k + " is in the schema").isTrue());
        }
        object.forEach((name, value) -> {
            Map<?, ?> p = (Map<?, ?>) properties.get(name);
            if (p != null) {
                value(name + "", p, value);
            }
        });
    }

    private static void value(String name, Map<?, ?> p, Object value) {
        Object type = p.get("type");
        List<?> types = type instanceof List<?> l ? l : List.of(type);
        String actual = value == null ? "null" : value instanceof String ? "string" : value instanceof Boolean ? "boolean"
                : value instanceof Integer || value instanceof Long ? "integer" : value instanceof List ? "array" : value instanceof Map ? "object" : "number";
        assertThat(types.contains(actual)).as(name + " = " + value + " is one of " + types).isTrue();
        if (value instanceof String s && "uuid".equals(p.get("format"))) {
            assertThat(s).as(name).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        }
        if (value instanceof String s && "date-time".equals(p.get("format"))) {
            assertThat(s).as(name).matches("-?\\d{4,6}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z|infinity|-infinity");
        }
        if (value instanceof Map<?, ?> object && p.get("properties") != null) {
            validate(p, object);
        }
        if (value instanceof List<?> items && p.get("items") instanceof Map<?, ?> item) {
            items.forEach(i -> value(name + "[]", item, i));
        }
    }
}
