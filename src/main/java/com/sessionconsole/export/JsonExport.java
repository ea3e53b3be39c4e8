package com.sessionconsole.export;

import com.sessionconsole.domain.GroupSummary;
import com.sessionconsole.domain.Session;
import com.sessionconsole.files.ExportColumns;
import com.sessionconsole.files.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Writes a view's rows as one JSON object: {"provenance": {...}, "rows": [...]}, one row per line so
 * that large exports stream. Field names match the CSV header. Tokens appear only masked. The provenance is
 * always inside (a field gets in no reader's way); {@link ProvenancePlacement#SIDECAR} writes it beside as
 * well, and {@link ProvenancePlacement#NONE} is refused.
 */
public final class JsonExport {
    private JsonExport() {
    }

    public static void sessions(Path file, List<Session> rows, CsvExport.Provenance p, ProvenancePlacement placement,
                                CsvExport.Progress progress) throws IOException {
        sessions(ExportTarget.file(file), rows, p, placement, progress);
    }

    public static void sessions(ExportTarget target, List<Session> rows, CsvExport.Provenance p, ProvenancePlacement placement,
                                CsvExport.Progress progress) throws IOException {
        write(target, p, placement, rows, progress, s -> row(ExportColumns.SESSIONS, ExportColumns.sessionValues(s)));
    }

    public static void groups(Path file, List<GroupSummary> rows, CsvExport.Provenance p, ProvenancePlacement placement,
                              CsvExport.Progress progress) throws IOException {
        groups(ExportTarget.file(file), rows, p, placement, progress);
    }

    public static void groups(ExportTarget target, List<GroupSummary> rows, CsvExport.Provenance p, ProvenancePlacement placement,
                              CsvExport.Progress progress) throws IOException {
        write(target, p, placement, rows, progress, g -> row(ExportColumns.GROUPS, ExportColumns.groupValues(g)));
    }

    /** One object a line, nothing else: the provenance only beside it ({@link ProvenancePlacement#SIDECAR}) or nowhere. */
    public static void sessionLines(ExportTarget target, List<Session> rows, CsvExport.Provenance p, ProvenancePlacement placement,
                                    CsvExport.Progress progress) throws IOException {
        writeLines(target, p, placement, rows, progress, s -> row(ExportColumns.SESSIONS, ExportColumns.sessionValues(s)));
    }

    public static void groupLines(ExportTarget target, List<GroupSummary> rows, CsvExport.Provenance p, ProvenancePlacement placement,
                                  CsvExport.Progress progress) throws IOException {
        writeLines(target, p, placement, rows, progress, g -> row(ExportColumns.GROUPS, ExportColumns.groupValues(g)));
    }

    /** Refuses {@link ProvenancePlacement#HEADER} for one object a line, with what to use instead. */
    public static void checkLinePlacement(ProvenancePlacement placement) {
        if (placement == ProvenancePlacement.HEADER) {
            throw new IllegalArgumentException("ndjson has one row a line and no header: its provenance goes in a sidecar (the default"
                    + " for a file) or nowhere (the default on standard output)");
        }
    }

    private static <T> void writeLines(ExportTarget target, CsvExport.Provenance p, ProvenancePlacement placement, List<T> rows,
                                       CsvExport.Progress progress, Function<T, Map<String, Object>> toRow) throws IOException {
        checkLinePlacement(placement);
        target.write(p.fields(rows.size()), placement == ProvenancePlacement.SIDECAR, w -> {
            int done = 0;
            for (T row : rows) {
                CsvExport.check(progress, ++done, rows.size());
                w.write(Json.write(toRow.apply(row)));
                w.write("\n");
            }
        });
    }

    private static Map<String, Object> row(List<String> header, List<Object> values) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            Object v = values.get(i);
            m.put(header.get(i), v instanceof UUID ? v.toString() : v);
        }
        return m;
    }

    /** Refuses {@link ProvenancePlacement#NONE}, with what to use instead. */
    public static void checkPlacement(ProvenancePlacement placement) {
        if (placement == ProvenancePlacement.NONE) {
            throw new IllegalArgumentException("a JSON export always carries its provenance in its \"provenance\" field; "
                    + "provenance 'none' is for CSV only (use header, or sidecar to also write it beside the file)");
        }
    }

    private static <T> void write(ExportTarget target, CsvExport.Provenance p, ProvenancePlacement placement, List<T> rows,
                                  CsvExport.Progress progress, Function<T, Map<String, Object>> toRow) throws IOException {
        checkPlacement(placement);
        Map<String, Object> prov = p.fields(rows.size());
        target.write(prov, placement == ProvenancePlacement.SIDECAR, w -> {
            w.write("{\"provenance\":" + Json.write(prov) + ",\n\"rows\":[");
            boolean first = true;
            int done = 0;
            for (T row : rows) {
                CsvExport.check(progress, ++done, rows.size());
                w.write(first ? "\n" : ",\n");
                w.write(Json.write(toRow.apply(row)));
                first = false;
            }
            w.write("\n]}\n");
        });
    }
}
