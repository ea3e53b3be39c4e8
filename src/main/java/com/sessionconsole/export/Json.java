package com.sessionconsole.export;

import com.sessionconsole.domain.Timestamps;
import com.sessionconsole.domain.VisibleText;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** A minimal JSON writer for audit lines and CLI output: strings escaped, maps and collections nested. */
public final class Json {
    private Json() {
    }

    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        append(sb, value);
        return sb.toString();
    }

    private static void append(StringBuilder sb, Object value) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof Number || value instanceof Boolean) {
            sb.append(value);
        } else if (value instanceof Map<?, ?> map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                string(sb, String.valueOf(e.getKey()));
                sb.append(':');
                append(sb, e.getValue());
            }
            sb.append('}');
        } else if (value instanceof Collection<?> list) {
            sb.append('[');
            boolean first = true;
            for (Object o : list) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                append(sb, o);
            }
            sb.append(']');
        } else if (value instanceof Instant i) {
            string(sb, Timestamps.iso(i));
        } else {
            string(sb, value.toString());
        }
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            int n = Character.charCount(c);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    // controls, bidi marks and invisible characters as JSON escapes: the same value, harmless on a terminal
                    if (VisibleText.isHostile(c)) {
                        for (char unit : Character.toChars(c)) {
                            sb.append(String.format("\\u%04x", (int) unit));
                        }
                    } else {
                        sb.append(s, i, i + n);
                    }
                }
            }
            i += n;
        }
        sb.append('"');
    }

    /** Parses JSON text into maps, lists, strings, numbers (as BigDecimal), booleans and null. */
    public static Object parse(String text) {
        Parser p = new Parser(text);
        Object value = p.value();
        p.skipSpace();
        if (p.pos != text.length()) {
            throw new IllegalArgumentException("unexpected text after JSON value at " + p.pos);
        }
        return value;
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        Object value() {
            skipSpace();
            if (pos >= s.length()) {
                throw new IllegalArgumentException("unexpected end of JSON");
            }
            char c = s.charAt(pos);
            switch (c) {
                case '{': return object();
                case '[': return array();
                case '"': return string();
                case 't': expect("true"); return Boolean.TRUE;
                case 'f': expect("false"); return Boolean.FALSE;
                case 'n': expect("null"); return null;
                default: return number();
            }
        }

        private Map<String, Object> object() {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            pos++;
            skipSpace();
            if (s.charAt(pos) == '}') {
                pos++;
                return m;
            }
            while (true) {
                skipSpace();
                String key = string();
                skipSpace();
                expect(":");
                m.put(key, value());
                skipSpace();
                if (s.charAt(pos) == ',') {
                    pos++;
                } else {
                    expect("}");
                    return m;
                }
            }
        }

        private List<Object> array() {
            List<Object> list = new java.util.ArrayList<>();
            pos++;
            skipSpace();
            if (s.charAt(pos) == ']') {
                pos++;
                return list;
            }
            while (true) {
                list.add(value());
                skipSpace();
                if (s.charAt(pos) == ',') {
                    pos++;
                } else {
                    expect("]");
                    return list;
                }
            }
        }

        private String string() {
            expect("\"");
            StringBuilder sb = new StringBuilder();
            while (true) {
                char c = s.charAt(pos++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\') {
                    char e = s.charAt(pos++);
                    switch (e) {
                        case 'n' -> sb.append('\n');
                        case 'r' -> sb.append('\r');
                        case 't' -> sb.append('\t');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'u' -> {
                            sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                            pos += 4;
                        }
                        default -> sb.append(e);
                    }
                } else {
                    sb.append(c);
                }
            }
        }

        private Object number() {
            int start = pos;
            while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
            if (start == pos) {
                throw new IllegalArgumentException("unexpected character '" + s.charAt(pos) + "' at " + pos);
            }
            return new java.math.BigDecimal(s.substring(start, pos));
        }

        private void expect(String token) {
            if (!s.startsWith(token, pos)) {
                throw new IllegalArgumentException("expected " + token + " at " + pos);
            }
            pos += token.length();
        }
    }
}
