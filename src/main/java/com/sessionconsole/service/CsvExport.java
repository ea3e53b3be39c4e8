package com.sessionconsole.service;

import com.sessionconsole.domain.GroupSummary;
import com.sessionconsole.domain.Session;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Writes exactly the rows a view shows to CSV, after '#' comment lines that record who exported
 * what, when, from where, with which filter. Tokens appear only masked.
 */
public final class CsvExport {
    public static final List<String> SESSION_HEADER = List.of("id", "user_id", "device_id", "ip_address", "location",
            "user_agent", "trust_level", "created_at", "expires_at", "token_masked");
    public static final List<String> GROUP_HEADER = List.of("key", "active_sessions", "distinct_users", "distinct_ips",
            "distinct_devices", "first_created_at", "last_created_at", "lowest_trust");

    private CsvExport() {
    }

    public record Provenance(String exportedBy, Instant at, String server, String view, String filter) {
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

    public static void sessions(Path file, List<Session> rows, Provenance p) throws IOException {
        sessions(file, rows, p, Progress.NONE);
    }

    public static void sessions(Path file, List<Session> rows, Provenance p, Progress progress) throws IOException {
        write(file, p, rows.size(), SESSION_HEADER, printer -> {
            int done = 0;
            for (Session s : rows) {
                check(progress, ++done, rows.size());
                printer.printRecord(Arrays.asList(s.id(), s.userId(), s.deviceId(), s.ipAddress(), s.location(), s.userAgent(),
                        s.trustLevel(), s.createdAt(), s.expiresAt(), s.token().text()));
            }
        });
    }

    public static void groups(Path file, List<GroupSummary> rows, Provenance p) throws IOException {
        groups(file, rows, p, Progress.NONE);
    }

    public static void groups(Path file, List<GroupSummary> rows, Provenance p, Progress progress) throws IOException {
        write(file, p, rows.size(), GROUP_HEADER, printer -> {
            int done = 0;
            for (GroupSummary g : rows) {
                check(progress, ++done, rows.size());
                printer.printRecord(Arrays.asList(g.key(), g.activeSessions(), g.distinctUsers(), g.distinctIps(),
                        g.distinctDevices(), g.firstCreated(), g.lastCreated(), g.lowestTrust()));
            }
        });
    }

    private interface Body {
        void print(CSVPrinter printer) throws IOException;
    }

    private static void write(Path file, Provenance p, int count, List<String> header, Body body) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(w, format())) {
            printer.printComment("Session Console export of view '" + p.view() + "'");
            printer.printComment("exported_by=" + p.exportedBy() + " at=" + p.at() + " server=" + p.server());
            printer.printComment("filter=" + p.filter() + " rows=" + count);
            printer.printRecord(header);
            body.print(printer);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
