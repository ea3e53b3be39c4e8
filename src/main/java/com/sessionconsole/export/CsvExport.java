package com.sessionconsole.export;

import com.sessionconsole.domain.GroupSummary;
import com.sessionconsole.domain.Session;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.sessionconsole.domain.Timestamps;

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
 * ({@link ProvenancePlacement}). Tokens appear only masked. Unless {@code raw}, a text cell
 * that a spreadsheet would run as a formula is neutralised (see {@link #cell}).
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

    public static CSVFormat format() {
        return CSVFormat.DEFAULT.builder().setCommentMarker('#').setRecordSeparator('\n').get();
    }

    /**
     * One cell as written: timestamps as PostgreSQL prints them ("infinity" included), and text that starts
     * with = + - @ TAB or CR prefixed with an apostrophe, so that a spreadsheet shows it instead of running
     * it (OWASP "CSV injection"). Numbers are never touched: -5 stays a number.
     */
    public static Object cell(Object value, boolean raw) {
        if (value instanceof Instant t) {
            return Timestamps.iso(t);
        }
        if (!raw && value instanceof String s && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            return "'" + s;
        }
        return value;
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

    private static List<Object> cells(boolean raw, Object... values) {
        Object[] out = new Object[values.length];
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
                printer.printComment("Session Console export of view '" + p.view() + "'");
                printer.printComment("exported_by=" + p.exportedBy() + " at=" + p.at() + " server=" + p.server());
                printer.printComment("filter=" + p.filter() + " rows=" + count);
            }
            printer.printRecord(header);
            body.print(printer);
            printer.flush();
        });
    }
}
