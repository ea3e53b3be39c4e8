package com.sessionconsole.cli;

import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.VisibleText;
import com.sessionconsole.files.ExportColumns;
import com.sessionconsole.files.Json;
import com.sessionconsole.live.LiveSessions;
import com.sessionconsole.live.MemoryBudget;
import com.sessionconsole.live.SessionDelta;
import com.sessionconsole.live.WatermarkPollStrategy;
import com.sessionconsole.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@Command(name = "watch", footer = {"Examples:",
        "  session-console watch --ip 5.188.62.0/24",
        "  session-console watch --user 3f2c9a1e-0b7d-4c55-9e0a-1d2b3c4d5e6f --format ndjson | jq .",
        "  session-console watch --location ', RU' --interval 10", ""},
        description = {"Print new and ended sessions as they happen, one line each, until Ctrl+C.",
                "+ marks a new session, - an ended one, with why it ended: revoked (is_active set false or NULL), expired, deleted"
                        + " (deleted_at set) or hard-deleted (the row is gone). Values are quoted; NULL is ∅."})
final class WatchCommand extends WorkspaceCommand {
    @Option(names = "--interval", defaultValue = "5", paramLabel = "SECONDS", description = "seconds between polls (default: ${DEFAULT-VALUE})")
    int intervalSeconds;

    @Option(names = "--ticks", hidden = true, defaultValue = "0", description = "stop after this many polls (0: never)")
    int ticks;

    @Mixin
    FilterOptions filters;

    /** text: one line an event; ndjson: one JSON object an event. */
    enum Format { text, ndjson }

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or ndjson (default: ${DEFAULT-VALUE})")
    Format format;

    private FilterOptions.SessionMatch match;

    WatchCommand(WorkspaceOpener opener) {
        super(opener);
    }

    @Override
    public Integer call() throws Exception {
        if (intervalSeconds < 1 || intervalSeconds > 3600) {
            throw new IllegalArgumentException("--interval must be between 1 and 3600 seconds");
        }
        match = filters.toMatch(spec.commandLine().getErr());
        return super.call();
    }

    @Override
    int run(Workspace ws, PrintWriter out) throws Exception {
        WatermarkPollStrategy strategy = new WatermarkPollStrategy(ws.dao(), MemoryBudget.ofThisJvm());
        LiveSessions live = new LiveSessions();
        SessionDelta initial = strategy.poll();
        live.apply(initial);
        // a comment line above the text events; with ndjson every line of standard output is an object, so it goes to stderr
        PrintWriter head = format == Format.ndjson ? spec.commandLine().getErr() : out;
        head.println("# watching " + ws.label() + ": " + live.size() + " active sessions at " + initial.serverNow()
                + (match.isEmpty() ? "" : "; showing only " + match.describe()));
        head.flush();
        for (int n = 1; ticks == 0 || n <= ticks; n++) {
            Thread.sleep(intervalSeconds * 1000L);
            SessionDelta delta = strategy.poll();
            Instant now = delta.serverNow();
            List<Session> ended = new ArrayList<>();
            for (UUID id : delta.removed()) {
                Session gone = live.get(id);
                if (gone != null && match.matches(gone, now)) {
                    ended.add(gone);
                }
            }
            Map<UUID, Session> nowRows = ended.isEmpty() ? Map.of()
                    : ws.dao().sessionsOnPrimary(ended.stream().map(Session::id).toList()).stream()
                    .collect(Collectors.toMap(Session::id, Function.identity(), (a, b) -> a));
            for (Session gone : ended) {
                print(out, "-", now, gone, why(nowRows.get(gone.id()), gone, now));
            }
            for (Session s : delta.upserts()) {
                if (live.get(s.id()) == null && match.matches(s, now)) {
                    print(out, "+", now, s, null);
                }
            }
            live.apply(delta);
            out.flush();
            if (out.checkError()) {
                return ExitCodes.FAILED; // nobody reads on (a closed pipe, a full disk): stop, and the caller says why
            }
        }
        return ExitCodes.OK;
    }

    /** Why a session left the active set, from its row as it is now (null: the row is gone). */
    static String why(Session row, Session before, Instant now) {
        if (row == null) {
            return "hard-deleted";
        }
        if (row.deletedAt() != null) {
            return "deleted";
        }
        if (!Boolean.TRUE.equals(row.active())) {
            return "revoked";
        }
        if (row.expiresAt() != null && !row.expiresAt().isAfter(now)) {
            return "expired";
        }
        return before.expiresAt() != null && !before.expiresAt().isAfter(now) ? "expired" : "changed";
    }

    private void print(PrintWriter out, String mark, Instant at, Session s, String reason) {
        if (format == Format.ndjson) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("event", mark.equals("+") ? "new" : "ended");
            m.put("at", at);
            m.put("reason", reason);
            m.put("session", RowPrinter.object(ExportColumns.SESSIONS, ExportColumns.sessionValues(s)));
            out.println(Json.write(m));
            return;
        }
        out.println(mark + " " + at + " " + s.id() + (reason == null ? "" : " why=" + reason) + " user=" + s.userId()
                + " ip=" + VisibleText.quoted(s.ipAddress()) + " device=" + VisibleText.quoted(s.deviceId())
                + " location=" + VisibleText.quoted(s.location()) + " token=" + s.token().text());
    }
}
