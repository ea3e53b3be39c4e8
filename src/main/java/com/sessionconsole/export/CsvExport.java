package com.sessionconsole.export;

import com.sessionconsole.domain.GroupSummary;
import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.VisibleText;
import com.sessionconsole.files.ExportColumns;
import com.sessionconsole.files.SpreadsheetCells;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * Writes exactly the rows a view shows to CSV, with a record of who exported what, when, from where, with
 * which filter: as '#' comment lines above the header, in a sidecar file, or not at all
 * ({@link ProvenancePlacement}). Tokens appear only masked. Unless {@code raw}, controls are escaped and a cell that a
 * spreadsheet would run as a formula is neutralised (see {@link SpreadsheetCells#neutralise}).
 */
public final class CsvExport {
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
            throw new CancellationException("export cancelled after " + done + " of " + total + " rows");
        }
    }

    /**
     * One value as an exported cell. Unless {@code raw}: controls, line breaks and bidi marks as escapes (as in every CSV the
     * console writes, so that a value cannot start a forged line or reorder what a viewer shows), then neutralised. Raw: the
     * text exactly as stored; the CSV quoting is the only change.
     */
    private static String cell(Object value, boolean raw) {
        return raw ? SpreadsheetCells.text(value) : SpreadsheetCells.neutralise(VisibleText.of(SpreadsheetCells.text(value)));
    }

    public static void sessions(Path file, List<Session> rows, Provenance p, ProvenancePlacement placement, boolean raw,
                                Progress progress) throws IOException {
        sessions(ExportTarget.file(file), rows, p, placement, raw, progress);
    }

    public static void sessions(ExportTarget target, List<Session> rows, Provenance p, ProvenancePlacement placement, boolean raw,
                                Progress progress) throws IOException {
        write(target, p, placement, rows.size(), ExportColumns.SESSIONS, printer -> {
            int done = 0;
            for (Session s : rows) {
                check(progress, ++done, rows.size());
                printer.printRecord(cells(raw, ExportColumns.sessionValues(s)));
            }
        });
    }

    public static void groups(Path file, List<GroupSummary> rows, Provenance p, ProvenancePlacement placement, boolean raw,
                              Progress progress) throws IOException {
        groups(ExportTarget.file(file), rows, p, placement, raw, progress);
    }

    public static void groups(ExportTarget target, List<GroupSummary> rows, Provenance p, ProvenancePlacement placement, boolean raw,
                              Progress progress) throws IOException {
        write(target, p, placement, rows.size(), ExportColumns.GROUPS, printer -> {
            int done = 0;
            for (GroupSummary g : rows) {
                check(progress, ++done, rows.size());
                printer.printRecord(cells(raw, ExportColumns.groupValues(g)));
            }
        });
    }

    private static List<String> cells(boolean raw, List<Object> values) {
        return values.stream().map(v -> cell(v, raw)).toList();
    }

    private interface Body {
        void print(CSVPrinter printer) throws IOException;
    }

    private static void write(ExportTarget target, Provenance p, ProvenancePlacement placement, int count, List<String> header, Body body)
            throws IOException {
        target.write(p.fields(count), placement == ProvenancePlacement.SIDECAR, w -> {
            CSVPrinter printer = new CSVPrinter(w, SpreadsheetCells.format());
            if (placement == ProvenancePlacement.HEADER) {
                printer.printComment(SpreadsheetCells.comment("Session Console export of view '" + p.view() + "'"));
                printer.printComment(SpreadsheetCells.comment("exported_by=" + p.exportedBy() + " at=" + p.at() + " server=" + p.server()));
                printer.printComment(SpreadsheetCells.comment("filter=" + p.filter() + " rows=" + count));
            }
            SpreadsheetCells.printHeader(printer, header);
            body.print(printer);
            printer.flush();
        });
    }
}
