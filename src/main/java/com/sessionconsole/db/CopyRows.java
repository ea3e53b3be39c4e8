package com.sessionconsole.db;

import com.sessionconsole.domain.Timestamps;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * Bulk reads through {@code COPY (SELECT …) TO STDOUT}: the server's cheapest way to hand over rows,
 * decoded here straight from the text format's bytes. Used for the active set, where a row-by-row
 * JDBC read costs several times what the database needs.
 */
final class CopyRows {
    static final String NOT_UTF8 = "not valid UTF-8 (the bad bytes are shown as \\xNN)";

    /**
     * UTF-8 that never fails: each byte that is not part of valid UTF-8 becomes the text {@code \xNN}, so two
     * different bad values stay different (one U+FFFD for all would merge them into one group).
     */
    static String lenientUtf8(byte[] bytes, int from, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, length);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(length + 16);
        StringBuilder sb = new StringBuilder(length + 16);
        while (true) {
            java.nio.charset.CoderResult r = decoder.decode(in, out, true);
            out.flip();
            sb.append(out);
            out.clear();
            if (r.isError()) {
                for (int k = 0; k < r.length(); k++) {
                    sb.append(String.format("\\x%02x", in.get() & 0xff));
                }
            } else if (r.isUnderflow()) {
                return sb.toString();
            }
        }
    }

    private CopyRows() {
    }

    interface RowHandler {
        void row(Fields fields);
    }

    /**
     * Runs the COPY on this connection and hands every row to the handler. When the handler throws, the
     * COPY is cancelled before the exception propagates, as pgjdbc's own copyOut does: otherwise the
     * connection stays in COPY mode and the rollback that follows can wait forever.
     */
    static void copy(Connection c, String select, RowHandler handler) throws SQLException {
        CopyOut out = c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (" + select + ") TO STDOUT");
        try {
            Fields fields = new Fields();
            byte[] row;
            while ((row = out.readFromCopy()) != null) {
                fields.reset(row);
                handler.row(fields);
            }
        } finally {
            if (out.isActive()) {
                out.cancelCopy();
            }
        }
    }

    /**
     * The fields of one row in COPY's text format: tab-separated, \N for NULL, backslash escapes.
     * A field that cannot be decoded never throws: it reads as null (text: what could be read) and
     * {@link #takeProblem()} says what was wrong with it.
     */
    static final class Fields {
        private final CharsetDecoder strictUtf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private byte[] row;
        private int pos;
        private String problem;
        private boolean hexText;

        /** Text fields arrive as bytea in hex ("\\x6869" in COPY's text format): a SQL_ASCII database. */
        void hexText(boolean on) {
            hexText = on;
        }

        void reset(byte[] bytes) {
            row = bytes;
            pos = 0;
            problem = null;
        }

        /** What was wrong with the field read last, or null; cleared by this call. */
        String takeProblem() {
            String p = problem;
            problem = null;
            return p;
        }

        /** The raw bytes of the row, for a stable placeholder id when even the id could not be read. */
        byte[] raw() {
            return row.clone();
        }

        private int end() {
            int e = pos;
            while (e < row.length && row[e] != '\t' && row[e] != '\n') {
                e++;
            }
            return e;
        }

        private boolean nullField(int e) {
            return e - pos == 2 && row[pos] == '\\' && row[pos + 1] == 'N';
        }

        String text() {
            int e = end();
            String s = null;
            if (!nullField(e) && hexText) {
                s = fromHex(e);
            } else if (!nullField(e)) {
                boolean escaped = false;
                for (int i = pos; i < e; i++) {
                    if (row[i] == '\\') {
                        escaped = true;
                        break;
                    }
                }
                s = escaped ? unescape(pos, e) : utf8(row, pos, e - pos);
            }
            pos = e + 1;
            return s;
        }

        /** A bytea field in COPY text format: a backslash escaped as two, then 'x' and two hex digits per byte. */
        private String fromHex(int e) {
            int from = pos + 3;
            if (e - pos < 3 || row[pos] != '\\' || row[pos + 1] != '\\' || row[pos + 2] != 'x' || (e - from) % 2 != 0) {
                problem = "not a hex-encoded value";
                return null;
            }
            byte[] bytes = new byte[(e - from) / 2];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) ((Character.digit(row[from + 2 * i], 16) << 4) | Character.digit(row[from + 2 * i + 1], 16));
            }
            return utf8(bytes, 0, bytes.length);
        }

        /** Decodes UTF-8; bytes that are not UTF-8 (a SQL_ASCII database) read as U+FFFD and are reported. */
        private String utf8(byte[] bytes, int from, int length) {
            String s = new String(bytes, from, length, StandardCharsets.UTF_8);
            if (s.indexOf('\uFFFD') >= 0) {
                try {
                    strictUtf8.reset().decode(ByteBuffer.wrap(bytes, from, length));
                } catch (CharacterCodingException e) {
                    problem = NOT_UTF8;
                    return lenientUtf8(bytes, from, length);
                }
            }
            return s;
        }

        private String unescape(int from, int to) {
            byte[] buf = new byte[to - from];
            int n = 0;
            for (int i = from; i < to; i++) {
                byte b = row[i];
                if (b == '\\' && i + 1 < to) {
                    byte x = row[++i];
                    buf[n++] = switch (x) {
                        case 'n' -> '\n';
                        case 'r' -> '\r';
                        case 't' -> '\t';
                        case 'b' -> '\b';
                        case 'f' -> '\f';
                        case 'v' -> 0x0b;
                        default -> x;
                    };
                } else {
                    buf[n++] = b;
                }
            }
            return utf8(buf, 0, n);
        }

        Long longValue() {
            int e = end();
            Long v = null;
            if (!nullField(e)) {
                boolean negative = row[pos] == '-';
                int from = negative ? pos + 1 : pos;
                if (from == e || e - from > 19) {
                    problem = "'" + utf8(row, pos, e - pos) + "' is not an integer";
                } else {
                    long acc = 0;
                    for (int i = from; i < e && problem == null; i++) {
                        int d = row[i] - '0';
                        if (d < 0 || d > 9) {
                            problem = "'" + utf8(row, pos, e - pos) + "' is not an integer";
                        }
                        acc = acc * 10 + d;
                    }
                    v = problem != null ? null : negative ? -acc : acc;
                }
            }
            pos = e + 1;
            return v;
        }

        Integer intValue() {
            Long v = longValue();
            if (v != null && (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE)) {
                problem = v + " does not fit an integer";
                return null;
            }
            return v == null ? null : v.intValue();
        }

        Boolean bool() {
            int e = end();
            Boolean v = null;
            if (!nullField(e)) {
                if (e - pos == 1 && (row[pos] == 't' || row[pos] == 'f')) {
                    v = row[pos] == 't';
                } else {
                    problem = "'" + utf8(row, pos, e - pos) + "' is not a boolean";
                }
            }
            pos = e + 1;
            return v;
        }

        /**
         * A timestamp sent as {@code extract(epoch FROM col)}: seconds with up to six decimals, or
         * ±Infinity. Decoded from the bytes on the common path; anything else goes through the exact parser.
         */
        Instant epoch() {
            int e = end();
            Instant v = null;
            if (!nullField(e)) {
                v = plainDecimal(e);
                if (v == null) {
                    try {
                        v = Timestamps.fromEpochText(utf8(row, pos, e - pos));
                    } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException ex) {
                        problem = ex.getMessage();
                    }
                }
            }
            pos = e + 1;
            return v;
        }

        /** "-?digits(.digits{0,9})?" with at most 15 integer digits, or null when the field is anything else. */
        private Instant plainDecimal(int e) {
            int i = pos;
            boolean negative = row[i] == '-';
            if (negative) {
                i++;
            }
            long seconds = 0;
            int intDigits = 0;
            while (i < e && row[i] >= '0' && row[i] <= '9') {
                seconds = seconds * 10 + (row[i++] - '0');
                intDigits++;
            }
            if (intDigits == 0 || intDigits > 15) {
                return null;
            }
            long nanos = 0;
            if (i < e) {
                if (row[i++] != '.') {
                    return null;
                }
                int fracDigits = 0;
                while (i < e && row[i] >= '0' && row[i] <= '9' && fracDigits < 9) {
                    nanos = nanos * 10 + (row[i++] - '0');
                    fracDigits++;
                }
                if (i != e || fracDigits == 0) {
                    return null;
                }
                for (int k = fracDigits; k < 9; k++) {
                    nanos *= 10;
                }
            }
            return negative ? Instant.ofEpochSecond(-seconds, -nanos) : Instant.ofEpochSecond(seconds, nanos);
        }

        UUID uuid() {
            int e = end();
            UUID v = null;
            if (!nullField(e)) {
                v = parseUuid(e);
                if (v == null) {
                    problem = "'" + utf8(row, pos, e - pos) + "' is not a UUID";
                }
            }
            pos = e + 1;
            return v;
        }

        private UUID parseUuid(int e) {
            if (e - pos != 36) {
                return null;
            }
            long hi = 0;
            long lo = 0;
            int digits = 0;
            for (int i = pos; i < e; i++) {
                int k = i - pos;
                if (k == 8 || k == 13 || k == 18 || k == 23) {
                    if (row[i] != '-') {
                        return null;
                    }
                    continue;
                }
                int d = Character.digit(row[i], 16);
                if (d < 0) {
                    return null;
                }
                if (digits < 16) {
                    hi = (hi << 4) | d;
                } else {
                    lo = (lo << 4) | d;
                }
                digits++;
            }
            return new UUID(hi, lo);
        }
    }
}
