package com.sessionconsole.files;

import com.sessionconsole.domain.Timestamps;
import com.sessionconsole.domain.VisibleText;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * The spreadsheet-safe cell rule and the CSV dialect that every CSV the console writes shares: exports, the CLI's
 * {@code --format csv} and the clipboard.
 */
public final class SpreadsheetCells {
    private SpreadsheetCells() {
    }

    /**
     * The console's one CSV dialect. Every cell that is not NULL is quoted: a cell holding ',' ';' TAB CR LF or a
     * quote stays one cell whichever delimiter a spreadsheet splits on (';' in much of Europe), and the empty
     * text ({@code ""}) differs from NULL (an empty field). '#' starts a comment line; records end in LF.
     */
    public static CSVFormat format() {
        return CSVFormat.DEFAULT.builder().setCommentMarker('#').setRecordSeparator('\n').setQuoteMode(QuoteMode.ALL_NON_NULL).get();
    }

    /** Prints the header line: the column names are plain identifiers, written bare so that the first line reads as the column list. */
    public static void printHeader(CSVPrinter printer, List<String> names) throws IOException {
        printer.getOut().append(String.join(",", names)).append('\n');
    }

    /** A value's text in CSV: timestamps as PostgreSQL prints them ("infinity", "-infinity"), the rest as itself; NULL stays null. */
    public static String text(Object value) {
        return value instanceof Instant t ? Timestamps.iso(t) : value == null ? null : value.toString();
    }

    /**
     * Wherever a spreadsheet could start a cell inside the text, a formula character (= + - @ TAB CR) gets a leading
     * apostrophe, whatever the value's type (the number -5, the time -infinity), so that it is shown, not run (OWASP
     * "CSV injection"). A spreadsheet can start a cell at the text's start, and, when it splits on another delimiter
     * than the file's or reads quotes only at a cell's start, after any ',' ';' TAB CR or LF inside it; blanks and
     * quotes before the character are skipped (an import may trim blanks, and a quote there only opens or closes quoting). An apostrophe in those places gets one too, so
     * that removing the apostrophe after each of those places always gives the value back.
     */
    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        StringBuilder sb = null;
        boolean cellStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (cellStart && "=+-@\t\r'".indexOf(c) >= 0) {
                if (sb == null) {
                    sb = new StringBuilder(text.length() + 4).append(text, 0, i);
                }
                sb.append('\'');
            }
            if (sb != null) {
                sb.append(c);
            }
            cellStart = ",;\t\r\n".indexOf(c) >= 0 || (cellStart && (isBlank(c) || c == '"'));
        }
        return sb == null ? text : sb.toString();
    }

    /** Anything an import may trim before a cell's text: Unicode white space (no-break and ideographic spaces too) and the C0 separators. */
    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    /**
     * A provenance line's text: a spreadsheet reads a '#' line as cells too, so nothing in it may end a cell
     * (',' ';' TAB and line breaks) or open a quoted one ('"'); they are written as escapes, as are controls. The
     * line stays one cell that starts with '#', which no spreadsheet runs.
     */
    public static String comment(String text) {
        StringBuilder sb = new StringBuilder();
        VisibleText.of(text).chars().forEach(c -> {
            switch (c) {
                case ',', ';', '"', '\t' -> sb.append(String.format("\\x%02x", c));
                default -> sb.append((char) c);
            }
        });
        return sb.toString();
    }
}
