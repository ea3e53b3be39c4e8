package com.sessionconsole.export;

import com.sessionconsole.domain.GroupSummary;
import com.sessionconsole.domain.Session;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

import com.sessionconsole.domain.Timestamps;
import com.sessionconsole.domain.VisibleText;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes exactly the rows a view shows to CSV, with a record of who exported what, when, from where, with
 * which filter: as '#' comment lines above the header, in a sidecar file, or not at all
 * ({@link ProvenancePlacement}). Tokens appear only masked. Unless {@code raw}, a cell that a spreadsheet
 * would run as a formula is neutralised (see {@link #neutralise}). Every CSV the console writes (exports, the
 * CLI's {@code --format csv}, the clipboard) uses {@link #format} and {@link #neutralise}.
 */
public final class CsvExport {
    public static final List<String> SESSION_HEADER = List.of("id", "user_id", "device_id", "ip_address", "location",
            "user_agent", "trust_level", "created_at", "expires_at", "token_masked");
    public static final List<String> GROUP_HEADER = List.of("key", "active_sessions", "distinct_users", "distinct_ips",
            "distinct_devices", "first_created_at", "last_created_at", "lowest_trust");

    private CsvExport() {
    }

    public record Provenance(String exportedBy, Instant at, String server, String view, String filter) {
        /** The provenance as JSON fields, in the JSON export and the sidecar. */
        public Map<String, Object> fields(int rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("exported_by", exportedBy);
            m.put("at", at);
            m.put("server", server);
            m.put("view", view);
            m.put("filter", filter);
            m.put("rows", rows);
            return m;
        }
    }

    /** Told how many rows are written; answers whether to stop. A stopped export leaves no file behind. */
    public interface Progress {
        Progress NONE = (done, total) -> false;

        boolean rowsWritten(int done, int total);
    }

    static void check(Progress progress, int done, int total) {
        if ((done % 1000 == 0 || done == total) && progress.rowsWritten(done, total)) {
            throw new java.util.concurrent.CancellationException("export cancelled after " + done + " of " + total + " rows");
        }
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
            cellStart = ",;\t\r\n".indexOf(c) >= 0 || (cellStart && (c == ' ' || c == '"'));
        }
        return sb == null ? text : sb.toString();
    }

    /**
     * A provenance line's text: a spreadsheet reads a '#' line as cells too, so nothing in it may end a cell
     * (',' ';' TAB and line breaks) or open a quoted one ('"'); they are written as escapes, as are controls. The
     * line stays one cell that starts with '#', which no spreadsheet runs.
     */
    static String comment(String text) {
        StringBuilder sb = new StringBuilder();
        VisibleText.of(text).chars().forEach(c -> {
            switch (c) {
                case ',', ';', '"', '\t' -> sb.append(String.format("\\x%02x", c));
                default -> sb.append((char) c);
            }
        });
        return sb.toString();
    }

    /** One value as an exported cell: its text, neutralised unless {@code raw}. */
    private static String cell(Object value, boolean raw) {
        return raw ? text(value) : neutralise(text(value));
    }

    public static void sessions(Path file, List<Session> rows, Provenance p, ProvenancePlacement placement, boolean raw,
                                Progress progress) throws IOException {
        write(file, p, placement, rows.size(), SESSION_HEADER, printer -> {
            int done = 0;
            for (Session s : rows) {
                check(progress, ++done, rows.size());
                printer.printRecord(cells(raw, s.id(), s.userId(), s.deviceId(), s.ipAddress(), s.location(), s.userAgent(),
                        s.trustLevel(), s.createdAt(), s.expiresAt(), s.token().text()));
            }
        });
    }

    public static void groups(Path file, List<GroupSummary> rows, Provenance p, ProvenancePlacement placement, boolean raw,
                              Progress progress) throws IOException {
        write(file, p, placement, rows.size(), GROUP_HEADER, printer -> {
            int done = 0;
            for (GroupSummary g : rows) {
                check(progress, ++done, rows.size());
                printer.printRecord(cells(raw, g.key(), g.activeSessions(), g.distinctUsers(), g.distinctIps(),
                        g.distinctDevices(), g.firstCreated(), g.lastCreated(), g.lowestTrust()));
            }
        });
    }

    private static List<String> cells(boolean raw, Object... values) {
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = cell(values[i], raw);
        }
        return Arrays.asList(out);
    }

    private interface Body {
        void print(CSVPrinter printer) throws IOException;
    }

    private static void write(Path file, Provenance p, ProvenancePlacement placement, int count, List<String> header, Body body)
            throws IOException {
        ExportFile.write(file, p.fields(count), placement == ProvenancePlacement.SIDECAR, w -> {
            CSVPrinter printer = new CSVPrinter(w, format());
            if (placement == ProvenancePlacement.HEADER) {
                printer.printComment(comment("Session Console export of view '" + p.view() + "'"));
                printer.printComment(comment("exported_by=" + p.exportedBy() + " at=" + p.at() + " server=" + p.server()));
                printer.printComment(comment("filter=" + p.filter() + " rows=" + count));
            }
            printHeader(printer, header);
            body.print(printer);
            printer.flush();
        });
    }
}
