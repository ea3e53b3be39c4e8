package com.sessionconsole.db;

import com.sessionconsole.domain.Timestamps;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Collects the columns of one row that could not be decoded, so that the row is still shown with what
 * could be read, and the problem names the row's id and each column.
 */
final class RowProblems {
    private final boolean rawText;
    private StringBuilder problems;

    /** @param rawText text columns arrive as bytea (a SQL_ASCII database) */
    RowProblems(boolean rawText) {
        this.rawText = rawText;
    }

    interface Read<T> {
        T get() throws SQLException;
    }

    /** The value just read from a COPY row, noting the problem the decoder reported for it, if any. */
    <T> T check(String column, T value, CopyRows.Fields fields) {
        String problem = fields.takeProblem();
        if (problem != null) {
            add(column, problem);
        }
        return value;
    }

    <T> T read(String column, Read<T> read) {
        try {
            return read.get();
        } catch (SQLException | RuntimeException e) {
            add(column, e.getMessage());
            return null;
        }
    }

    /** Text through JDBC; bytes that are not UTF-8 (a SQL_ASCII database) read lossily and are reported. */
    String text(ResultSet rs, String column) {
        if (!rawText) {
            return read(column, () -> rs.getString(column));
        }
        byte[] raw = read(column, () -> rs.getBytes(column));
        if (raw == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            add(column, CopyRows.NOT_UTF8);
            return CopyRows.lenientUtf8(raw, 0, raw.length);
        }
    }

    Instant timestamp(ResultSet rs, String column) {
        return read(column, () -> instant(rs.getObject(column, OffsetDateTime.class)));
    }

    /** pgjdbc reads 'infinity' and '-infinity' as OffsetDateTime.MAX and MIN. */
    static Instant instant(OffsetDateTime t) {
        if (t == null) {
            return null;
        }
        if (t.equals(OffsetDateTime.MAX)) {
            return Timestamps.INFINITY;
        }
        return t.equals(OffsetDateTime.MIN) ? Timestamps.MINUS_INFINITY : t.toInstant();
    }

    private void add(String column, String problem) {
        if (problems == null) {
            problems = new StringBuilder();
        } else {
            problems.append("; ");
        }
        problems.append(column).append(": ").append(problem);
    }

    /** "row ID: column: problem; …", or null when every column decoded. */
    String describe(UUID id) {
        return problems == null ? null : "row " + id + ": " + problems;
    }
}
