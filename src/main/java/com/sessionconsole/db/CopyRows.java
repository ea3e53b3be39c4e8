package com.sessionconsole.db;

import com.sessionconsole.domain.Timestamps;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * Bulk reads through {@code COPY (SELECT …) TO STDOUT (FORMAT binary)}: the server's cheapest way to hand
 * over rows, decoded here straight from the bytes. Binary is exact for every value a column can hold: a
 * timestamptz is its int64 of microseconds since 2000-01-01, with 'infinity' and '-infinity' as the
 * largest and smallest int64; nothing is formatted as text on the server or parsed here.
 */
final class CopyRows {
    static final String NOT_UTF8 = "not valid UTF-8 (the bad bytes are shown as \\xNN)";
    /** Seconds from 1970-01-01 to PostgreSQL's epoch, 2000-01-01. */
    private static final long PG_EPOCH_SECONDS = 946_684_800L;
    private static final int HEADER_LENGTH = 11 + 4 + 4; // "PGCOPY\n\377\r\n\0", flags, header extension length

    private CopyRows() {
    }

    interface RowHandler {
        void row(Fields fields);
    }

    /**
     * UTF-8 that never fails: each byte that is not part of valid UTF-8 becomes the text {@code \xNN}, so two
     * different bad values stay different (one U+FFFD for all would merge them into one group).
     */
    static String lenientUtf8(byte[] bytes, int from, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, length);
        CharBuffer out = CharBuffer.allocate(length + 16);
        StringBuilder sb = new StringBuilder(length + 16);
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
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

    /** PostgreSQL's int64 timestamp (microseconds since 2000-01-01 UTC; the int64 limits are the infinities). */
    static Instant timestamp(long micros) {
        if (micros == Long.MAX_VALUE) {
            return Timestamps.INFINITY;
        }
        if (micros == Long.MIN_VALUE) {
            return Timestamps.MINUS_INFINITY;
        }
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L) + PG_EPOCH_SECONDS, Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    /**
     * Runs the COPY on this connection and hands every row to the handler. When the handler throws, the
     * COPY is cancelled before the exception propagates, as pgjdbc's own copyOut does: otherwise the
     * connection stays in COPY mode and the rollback that follows can wait forever. The handler's
     * exception is the one that propagates.
     */
    static void copy(Connection c, String select, RowHandler handler) throws SQLException {
        CopyOut out = c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (" + select + ") TO STDOUT (FORMAT binary)");
        try {
            Fields fields = new Fields();
            boolean first = true;
            byte[] message;
            while ((message = out.readFromCopy()) != null) {
                int pos = 0;
                if (first) {
                    pos = HEADER_LENGTH + readInt(message, HEADER_LENGTH - 4);
                    first = false;
                }
                // one row per message, as the server sends them; the trailer is a field count of -1
                while (pos + 2 <= message.length) {
                    int count = (short) (((message[pos] & 0xff) << 8) | (message[pos + 1] & 0xff));
                    if (count < 0) {
                        break;
                    }
                    fields.reset(message, pos + 2);
                    handler.row(fields);
                    pos = fields.endOfRow(count);
                }
            }
        } catch (SQLException | RuntimeException e) {
            cancel(out, e);
            throw e;
        }
    }

    /** Ends a COPY that is still running; the server answers the cancel with an error of its own, which must not hide the cause. */
    private static void cancel(CopyOut out, Exception cause) {
        if (out.isActive()) {
            try {
                out.cancelCopy();
            } catch (SQLException e) {
                cause.addSuppressed(e);
            }
        }
    }

    static int readInt(byte[] b, int p) {
        return ((b[p] & 0xff) << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
    }

    static long readLong(byte[] b, int p) {
        return ((long) readInt(b, p) << 32) | (readInt(b, p + 4) & 0xffffffffL);
    }

    /**
     * The fields of one row in COPY's binary format: each an int32 length (-1 for NULL) and its bytes.
     * A field that cannot be decoded never throws: it reads as null (text: what could be read) and
     * {@link #takeProblem()} says what was wrong with it.
     */
    static final class Fields {
        private final CharsetDecoder strictUtf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private byte[] row;
        private int start;
        private int pos;
        private String problem;

        void reset(byte[] bytes, int from) {
            row = bytes;
            start = from;
            pos = from;
            problem = null;
        }

        /** Where the next row starts, whatever the handler read of this one. */
        int endOfRow(int fieldCount) {
            int p = start;
            for (int i = 0; i < fieldCount; i++) {
                int len = readInt(row, p);
                p += 4 + Math.max(0, len);
            }
            return p;
        }

        /** What was wrong with the field read last, or null; cleared by this call. */
        String takeProblem() {
            String p = problem;
            problem = null;
            return p;
        }

        /** The raw bytes of the row, for a stable placeholder id when even the id could not be read. */
        byte[] raw() {
            return Arrays.copyOfRange(row, start, Math.min(row.length, start + 512));
        }

        /** The length of the next field (-1 for NULL), moving past its length word. */
        private int next() {
            int len = readInt(row, pos);
            pos += 4;
            return len;
        }

        private boolean expect(int len, int size, String type) {
            if (len == size) {
                return true;
            }
            problem = "a " + len + "-byte value where " + type + " takes " + size;
            pos += Math.max(0, len);
            return false;
        }

        String text() {
            int len = next();
            if (len < 0) {
                return null;
            }
            String s = utf8(row, pos, len);
            pos += len;
            return s;
        }

        /** Decodes UTF-8; bytes that are not UTF-8 (a SQL_ASCII database) are shown as \xNN and reported. */
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

        Long longValue() {
            int len = next();
            if (len < 0 || !expect(len, 8, "a bigint")) {
                return null;
            }
            long v = readLong(row, pos);
            pos += 8;
            return v;
        }

        Integer intValue() {
            int len = next();
            if (len < 0 || !expect(len, 4, "an integer")) {
                return null;
            }
            int v = readInt(row, pos);
            pos += 4;
            return v;
        }

        Boolean bool() {
            int len = next();
            if (len < 0 || !expect(len, 1, "a boolean")) {
                return null;
            }
            return row[pos++] != 0;
        }

        Instant timestamp() {
            int len = next();
            if (len < 0 || !expect(len, 8, "a timestamptz")) {
                return null;
            }
            long micros = readLong(row, pos);
            pos += 8;
            return CopyRows.timestamp(micros);
        }

        UUID uuid() {
            int len = next();
            if (len < 0 || !expect(len, 16, "a uuid")) {
                return null;
            }
            UUID v = new UUID(readLong(row, pos), readLong(row, pos + 8));
            pos += 16;
            return v;
        }
    }
}
