package com.sessionconsole.files;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.sessionconsole.domain.Timestamps;
import com.sessionconsole.domain.VisibleText;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The console's JSON, through Jackson: CLI output, exports and audit lines (public formats). Strings keep
 * their value but every control, bidi mark and invisible character is written as a \\u escape, so JSON
 * printed on a terminal cannot move the cursor or reorder text. Instants are ISO-8601 UTC, with
 * "infinity" and "-infinity" as PostgreSQL writes them. Parsing is strict: a repeated key or trailing
 * text is an error, never a silent choice.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .addModule(new SimpleModule("session-console").addSerializer(Instant.class, new InstantSerializer()))
            .build();

    static {
        MAPPER.getFactory().setCharacterEscapes(new HostileEscapes());
    }

    private Json() {
    }

    /** The fields of a record as {@link #write} names them, in its order: for a caller that adds one more. */
    public static Map<String, Object> toMap(Object value) {
        return MAPPER.convertValue(value, new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    /** Maps, collections, records, numbers, booleans, instants and strings, written on one line. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * A generator that writes the same JSON as {@link #write} straight onto {@code out} as it goes, so that a long
     * output is never held whole; {@link JsonGenerator#writeObject} takes the same values. Closing it flushes
     * {@code out} but does not close it.
     */
    public static JsonGenerator generator(Writer out) throws IOException {
        return MAPPER.getFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /** Parses JSON text into maps, lists, strings, numbers, booleans and null. */
    public static Object parse(String text) {
        try {
            return MAPPER.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static final class InstantSerializer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(Timestamps.iso(value));
        }
    }

    /** Escapes what {@link VisibleText#isHostile} names, as JSON \\u escapes (surrogate pairs for the supplementary planes). */
    private static final class HostileEscapes extends CharacterEscapes {
        private final int[] ascii;

        HostileEscapes() {
            ascii = standardAsciiEscapesForJSON();
            ascii[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            // Jackson hands over UTF-16 units; a lone surrogate of a hostile supplementary character (a tag) is escaped too
            boolean hostile = Character.isSurrogate((char) ch) || VisibleText.isHostile(ch);
            return hostile ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }
}
