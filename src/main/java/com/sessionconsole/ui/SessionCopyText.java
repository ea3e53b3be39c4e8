package com.sessionconsole.ui;

import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.Timestamps;
import com.sessionconsole.domain.VisibleText;
import com.sessionconsole.export.CsvExport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Sessions as text for the clipboard: the export's columns, every value whole (ids, IPs, user agents), the
 * token only as its mask. Stored text is attacker-written, so controls and bidi marks are escaped (a tab or
 * newline in a value cannot split a row) and a value a spreadsheet would run as a formula is neutralised,
 * as in an export.
 */
public final class SessionCopyText {
    private SessionCopyText() {
    }

    /** Tab-separated rows; a header row only when there is more than one row. */
    public static String tsv(List<Session> rows) {
        StringBuilder sb = new StringBuilder();
        if (rows.size() > 1) {
            sb.append(String.join("\t", CsvExport.SESSION_HEADER)).append('\n');
        }
        for (Session s : rows) {
            sb.append(String.join("\t", cells(s))).append('\n');
        }
        return sb.toString();
    }

    /** Comma-separated rows with a header, quoted as RFC 4180 says. */
    public static String csv(List<Session> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
            printer.printRecord(CsvExport.SESSION_HEADER);
            for (Session s : rows) {
                printer.printRecord(cells(s));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** One value as it is copied: escaped, neutralised, the empty string for NULL. */
    public static String value(Object value) {
        if (value == null) {
            return "";
        }
        // a time is text here too: PostgreSQL's '-infinity' pasted into a spreadsheet would be read as the formula =-infinity
        Object cell = value instanceof String s ? VisibleText.of(s) : value instanceof java.time.Instant t ? Timestamps.iso(t) : value;
        return String.valueOf(CsvExport.cell(cell, false));
    }

    private static List<String> cells(Session s) {
        List<String> out = new ArrayList<>();
        for (Object v : new Object[]{s.id(), s.userId(), s.deviceId(), s.ipAddress(), s.location(), s.userAgent(), s.trustLevel(),
                s.createdAt(), s.expiresAt(), s.token().text()}) {
            out.add(value(v));
        }
        return out;
    }
}
