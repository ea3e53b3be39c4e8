package com.sessionconsole.cli;

import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.VisibleText;
import com.sessionconsole.live.MemoryBudget;
import com.sessionconsole.live.WatermarkPollStrategy;
import com.sessionconsole.live.LiveSessions;
import com.sessionconsole.live.SessionDelta;
import com.sessionconsole.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.UUID;

@Command(name = "watch", description = {"Print new and ended sessions as they happen, one line each, until Ctrl+C.",
        "+ marks a new session, - an ended one (revoked, expired, deleted or hard-deleted)."})
final class WatchCommand extends WorkspaceCommand {
    @Option(names = "--interval", defaultValue = "5", paramLabel = "SECONDS", description = "seconds between polls (default: ${DEFAULT-VALUE})")
    int intervalSeconds;

    @Option(names = "--ticks", hidden = true, defaultValue = "0", description = "stop after this many polls (0: never)")
    int ticks;

    WatchCommand(WorkspaceOpener opener) {
        super(opener);
    }

    @Override
    public Integer call() throws Exception {
        if (intervalSeconds < 1 || intervalSeconds > 3600) {
            throw new IllegalArgumentException("--interval must be between 1 and 3600 seconds");
        }
        return super.call();
    }

    @Override
    int run(Workspace ws, PrintWriter out) throws Exception {
        WatermarkPollStrategy strategy = new WatermarkPollStrategy(ws.dao(), MemoryBudget.ofThisJvm());
        LiveSessions live = new LiveSessions();
        SessionDelta initial = strategy.poll();
        live.apply(initial);
        out.println("# watching " + ws.label() + ": " + live.size() + " active sessions at " + initial.serverNow());
        out.flush();
        for (int n = 1; ticks == 0 || n <= ticks; n++) {
            Thread.sleep(intervalSeconds * 1000L);
            SessionDelta delta = strategy.poll();
            for (UUID id : delta.removed()) {
                Session gone = live.get(id);
                if (gone != null) {
                    out.println(line("-", delta.serverNow(), gone));
                }
            }
            for (Session s : delta.upserts()) {
                if (live.get(s.id()) == null) {
                    out.println(line("+", delta.serverNow(), s));
                }
            }
            live.apply(delta);
            if (out.checkError()) {
                return ExitCodes.FAILED; // nobody reads on (a closed pipe, a full disk): stop, and the caller says why
            }
        }
        return ExitCodes.OK;
    }

    private static String line(String mark, Instant at, Session s) {
        return mark + " " + at + " " + s.id() + " user=" + s.userId() + " ip=" + shown(s.ipAddress()) + " device=" + shown(s.deviceId())
                + " location=" + shown(s.location()) + " token=" + s.token().text();
    }

    /** NULL as ∅, any other value quoted, so that a field stays one field whatever it holds (spaces, "key=value"). */
    private static String shown(String v) {
        return VisibleText.quoted(v);
    }
}
