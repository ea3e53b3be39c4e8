package com.sessionconsole.cli;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.SessionFilter;
import com.sessionconsole.export.CsvExport;
import com.sessionconsole.export.ExportFile;
import com.sessionconsole.export.ExportTarget;
import com.sessionconsole.export.JsonExport;
import com.sessionconsole.export.ProvenancePlacement;
import com.sessionconsole.live.FilterParser;
import com.sessionconsole.live.GroupIndex;
import com.sessionconsole.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

@Command(name = "export", footer = {"Examples:",
        "  session-console export --view sessions --ip 10.0.0.0/8 --out sessions.csv",
        "  session-console export --view ips --format json --out -",
        "  session-console export --view sessions --trust-max 20 --provenance sidecar --out low-trust.csv", ""},
        description = {"Write the rows of a view to a file, with who exported what, when, from where and with which filter.",
        "Filters: the options below (--ip, --trust-max, …, as on every command), or the older --filter \"ip=10.0.0.0/8,trust=20,"
                + "created=2h,expires=1d,text=…,user=…,device=…,location=…\" (trust: at or below; created/expires: within; user, device"
                + " and location match part of the value, as in the window's filter bar), not both. Tokens are masked."})
final class ExportCommand extends WorkspaceCommand {
    enum View { sessions, users, devices, ips }

    enum FileFormat { csv, json, ndjson }

    @Option(names = "--view", required = true, description = "sessions, users, devices or ips")
    View view;

    @Option(names = "--filter", paramLabel = "NAME=VALUE,…", description = "narrow the rows, as the filter bar does")
    String filter;

    @picocli.CommandLine.Mixin
    FilterOptions filters;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the file to write (replaced if it exists); - writes to standard output")
    Path out;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT", description = "csv, json or ndjson (default: ${DEFAULT-VALUE})")
    FileFormat format;

    @Option(names = "--raw", description = "CSV: write every cell exactly as stored, quoted and nothing else (for scripts; with --out - only into a"
            + " pipe or file, not a terminal). By default controls, line breaks and bidi marks are escapes (\\x0a) and a cell"
            + " starting with = + - @ TAB CR or ' (numbers and times too: -5, -infinity) gets a leading ' so that a spreadsheet"
            + " shows it instead of running it as a formula.")
    boolean raw;

    @Option(names = "--provenance", paramLabel = "header|sidecar|none", converter = ProvenancePlacementConverter.class,
            description = "where the provenance goes: header ('#' lines above the CSV rows; the default), sidecar (FILE.provenance.json"
                    + " beside the file, so that a spreadsheet reads the CSV as plain rows) or none. JSON always carries it inside;"
                    + " sidecar writes it beside as well, and none is refused. ndjson has no header: sidecar is its default for a"
                    + " file, none on standard output.")
    ProvenancePlacement provenance;

    /** Standard output without the terminal sanitizer: --raw --out - is for a pipe and writes every cell exactly as stored. */
    private final Supplier<PrintWriter> exactStdout;

    ExportCommand(WorkspaceOpener opener, Supplier<PrintWriter> exactStdout) {
        super(opener);
        this.exactStdout = exactStdout;
    }

    static SessionFilter parseFilter(String text) {
        if (text == null) {
            return SessionFilter.NONE;
        }
        GivenValue.requireNotBlank("--filter", text);
        Map<String, String> parts = new HashMap<>();
        String[] given = text.split(",");
        if (given.length == 0) {
            throw new IllegalArgumentException("--filter: '" + text + "' names no filter; give NAME=VALUE,…");
        }
        for (String part : given) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--filter: '" + part + "' is not NAME=VALUE");
            }
            String name = part.substring(0, eq).strip().toLowerCase();
            if (!List.of("text", "ip", "trust", "created", "expires", "user", "device", "location").contains(name)) {
                throw new IllegalArgumentException("--filter: unknown name '" + name + "'; use text, ip, trust, created, expires, user, device or location");
            }
            GivenValue.requireNotBlank("--filter " + name, part.substring(eq + 1));
            parts.put(name, part.substring(eq + 1));
        }
        FilterParser.Parsed parsed = new FilterParser().parse(new FilterParser.Input(parts.get("text"), parts.get("ip"), parts.get("trust"),
                parts.get("created"), parts.get("expires"), parts.get("user"), parts.get("device"), parts.get("location")));
        if (parsed.hasErrors()) {
            throw new IllegalArgumentException("--filter: " + String.join("; ", parsed.errors().values()));
        }
        return parsed.filter();
    }

    private FilterOptions.SessionMatch match;

    private boolean toStdout() {
        return out.toString().equals("-");
    }

    @Override
    public Integer call() throws Exception {
        match = filters.toMatch(spec.commandLine().getErr());
        if (filter != null && !match.isEmpty()) {
            throw new IllegalArgumentException("give the filters either as options (--ip, --trust-max, …) or as --filter, not both");
        }
        parseFilter(filter);
        if (provenance == null) {
            provenance = format != FileFormat.ndjson ? ProvenancePlacement.HEADER : toStdout() ? ProvenancePlacement.NONE : ProvenancePlacement.SIDECAR;
        }
        if (format == FileFormat.ndjson) {
            JsonExport.checkLinePlacement(provenance);
        }
        if (raw && format == FileFormat.csv && toStdout() && System.console() != null) {
            throw new IllegalArgumentException("--raw --out - writes control characters exactly as stored, which a terminal would run:"
                    + " send it to a file or a pipe, or leave out --raw");
        }
        if (toStdout() && provenance == ProvenancePlacement.SIDECAR) {
            throw new IllegalArgumentException("--provenance sidecar needs a file beside the export; with --out - use header or none");
        }
        if (format == FileFormat.json) {
            JsonExport.checkPlacement(provenance);
        }
        return super.call();
    }

    @Override
    int run(Workspace ws, PrintWriter stdout) throws Exception {
        SessionFilter f = parseFilter(filter);
        List<Session> rows = new ArrayList<>();
        Instant now = ws.dao().forEachActive(s -> rows.add(s));
        rows.removeIf(s -> !f.matches(s, now) || !match.matches(s, now));
        CsvExport.Provenance p = new CsvExport.Provenance(System.getProperty("user.name"), Instant.now(), ws.label(), view.name(),
                filter != null ? f.describe() : match.describe());
        ExportTarget target = !toStdout() ? ExportTarget.file(out)
                : ExportTarget.stream(raw && format == FileFormat.csv ? exactStdout.get() : stdout);
        int count;
        if (view == View.sessions) {
            rows.sort(Session.NEWEST_FIRST);
            count = rows.size();
            if (format == FileFormat.csv) {
                CsvExport.sessions(target, rows, p, provenance, raw, CsvExport.Progress.NONE);
            } else if (format == FileFormat.ndjson) {
                JsonExport.sessionLines(target, rows, p, provenance, CsvExport.Progress.NONE);
            } else {
                JsonExport.sessions(target, rows, p, provenance, CsvExport.Progress.NONE);
            }
        } else {
            GroupBy by = switch (view) {
                case users -> GroupBy.USER;
                case devices -> GroupBy.DEVICE;
                default -> GroupBy.IP;
            };
            var groups = GroupIndex.of(by, rows).summaries();
            count = groups.size();
            if (format == FileFormat.csv) {
                CsvExport.groups(target, groups, p, provenance, raw, CsvExport.Progress.NONE);
            } else if (format == FileFormat.ndjson) {
                JsonExport.groupLines(target, groups, p, provenance, CsvExport.Progress.NONE);
            } else {
                JsonExport.groups(target, groups, p, provenance, CsvExport.Progress.NONE);
            }
        }
        // a message, not data: on stderr, so that --out - leaves only the rows on stdout
        PrintWriter err = spec.commandLine().getErr();
        err.println("exported " + count + " rows to " + (toStdout() ? "standard output" : out)
                + (provenance == ProvenancePlacement.SIDECAR ? ", provenance in " + ExportFile.sidecarOf(out) : ""));
        err.flush();
        return ExitCodes.OK;
    }
}
