package com.sessionconsole.ui;

import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.VisibleText;
import com.sessionconsole.files.ExportColumns;
import com.sessionconsole.files.SpreadsheetCells;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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
            sb.append(String.join("\t", ExportColumns.SESSIONS)).append('\n');
        }
        for (Session s : rows) {
            sb.append(String.join("\t", cells(s))).append('\n');
        }
        return sb.toString();
    }

    /** Comma-separated rows with a header, quoted as RFC 4180 says. */
    public static String csv(List<Session> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, SpreadsheetCells.format())) {
            SpreadsheetCells.printHeader(printer, ExportColumns.SESSIONS);
            for (Session s : rows) {
                // NULL stays an empty field, apart from the quoted empty text
                printer.printRecord(ExportColumns.sessionValues(s).stream().map(v -> v == null ? null : value(v)).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** One value as it is copied: escaped, then neutralised as every CSV cell is; the empty string for NULL. */
    public static String value(Object value) {
        return value == null ? "" : SpreadsheetCells.neutralise(VisibleText.of(SpreadsheetCells.text(value)));
    }

    /**
     * A table cell's data as copied. Text cells already hold their escaped text, which is copied as shown (escaping
     * it again would double every backslash of its escapes), then neutralised; other cells as {@link #value}.
     */
    public static String shownCell(Object cellData) {
        return cellData instanceof String shown ? SpreadsheetCells.neutralise(shown) : value(cellData);
    }

    private static List<String> cells(Session s) {
        return ExportColumns.sessionValues(s).stream().map(SessionCopyText::value).toList();
    }
}
