package com.sessionconsole.db;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

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
    private CopyRows() {
    }

    interface RowHandler {
        void row(Fields fields);
    }

    /** Runs the COPY on this connection and hands every row to the handler. */
    static void copy(Connection c, String select, RowHandler handler) throws SQLException {
        CopyOut out = c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (" + select + ") TO STDOUT");
        Fields fields = new Fields();
        byte[] row;
        while ((row = out.readFromCopy()) != null) {
            fields.reset(row);
            handler.row(fields);
        }
    }

    /** The fields of one row in COPY's text format: tab-separated, \N for NULL, backslash escapes. */
    static final class Fields {
        private byte[] row;
        private int pos;

        void reset(byte[] bytes) {
            row = bytes;
            pos = 0;
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
            if (!nullField(e)) {
                boolean escaped = false;
                for (int i = pos; i < e; i++) {
                    if (row[i] == '\\') {
                        escaped = true;
                        break;
                    }
                }
                s = escaped ? unescape(pos, e) : new String(row, pos, e - pos, StandardCharsets.UTF_8);
            }
            pos = e + 1;
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
            return new String(buf, 0, n, StandardCharsets.UTF_8);
        }

        Long longValue() {
            int e = end();
            Long v = null;
            if (!nullField(e)) {
                long acc = 0;
                boolean negative = row[pos] == '-';
                for (int i = negative ? pos + 1 : pos; i < e; i++) {
                    acc = acc * 10 + (row[i] - '0');
                }
                v = negative ? -acc : acc;
            }
            pos = e + 1;
            return v;
        }

        Integer intValue() {
            Long v = longValue();
            return v == null ? null : v.intValue();
        }

        Boolean bool() {
            int e = end();
            Boolean v = nullField(e) ? null : row[pos] == 't';
            pos = e + 1;
            return v;
        }

        Instant micros() {
            Long us = longValue();
            return us == null ? null : Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1000L);
        }

        UUID uuid() {
            int e = end();
            UUID v = null;
            if (!nullField(e)) {
                long hi = 0;
                long lo = 0;
                int digits = 0;
                for (int i = pos; i < e; i++) {
                    int d = Character.digit(row[i], 16);
                    if (d < 0) {
                        continue; // the dashes
                    }
                    if (digits < 16) {
                        hi = (hi << 4) | d;
                    } else {
                        lo = (lo << 4) | d;
                    }
                    digits++;
                }
                v = new UUID(hi, lo);
            }
            pos = e + 1;
            return v;
        }
    }
}
