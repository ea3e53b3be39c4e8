package com.sessionconsole.app;

import com.sessionconsole.audit.ui.AuditViewModel;
import com.sessionconsole.workspace.Workspace;
import com.sessionconsole.export.ui.ExportViewModel;
import com.sessionconsole.findings.FindingLedger;
import com.sessionconsole.findings.FindingsEngine;
import com.sessionconsole.findings.NetworkLists;
import com.sessionconsole.findings.ui.FindingsViewModel;
import com.sessionconsole.history.SessionHistory;
import com.sessionconsole.history.TokenLookup;
import com.sessionconsole.history.ui.HistoryViewModel;
import com.sessionconsole.history.ui.TokenLookupViewModel;
import com.sessionconsole.live.WatermarkPollStrategy;
import com.sessionconsole.live.MemoryBudget;
import com.sessionconsole.live.SessionPoller;
import com.sessionconsole.domain.Narrowing;
import com.sessionconsole.live.ui.ConnectionStatusViewModel;
import com.sessionconsole.live.ui.LiveFeed;
import com.sessionconsole.live.ui.LiveViewModel;
import com.sessionconsole.revoke.ui.RevokeConfirmer;
import com.sessionconsole.revoke.ui.RevokeViewModel;
import com.sessionconsole.ui.DialogService;
import com.sessionconsole.ui.Messages;
import com.sessionconsole.ui.TaskRunner;
import com.sessionconsole.window.ConsoleViewModels;
import com.sessionconsole.watchlist.Watchlist;
import com.sessionconsole.watchlist.ui.WatchlistViewModel;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One console's ViewModels over a workspace, wired once: the poller on its lane, the feed that hands its
 * results to the FX thread, and every feature's ViewModel. The desktop app and the tests build consoles
 * only through this class, so they run the same wiring.
 */
public final class ConsoleWiring {
    private final SessionPoller poller;
    private final ConsoleViewModels models;
    private final TaskRunner runner;

    /**
     * @param lane      the poller's single thread (see {@link #newPollLane()}); the caller shuts it down
     * @param dialogs   the window's dialogs, or a test's answers
     * @param confirmer the revoke confirmation, likewise
     */
    public ConsoleWiring(Workspace ws, TaskRunner runner, Executor lane, Path watchlistFile, Clock clock,
                         DialogService dialogs, RevokeConfirmer confirmer) {
        this(ws, runner, lane, watchlistFile, clock, dialogs, confirmer, MemoryBudget.ofThisJvm(), Narrowing.NONE);
    }

    /**
     * @param budget    how many sessions this console may load; more is refused before anything is read
     * @param narrowing the part of the active set to follow from the first load on (--where-ip and friends)
     */
    public ConsoleWiring(Workspace ws, TaskRunner runner, Executor lane, Path watchlistFile, Clock clock,
                         DialogService dialogs, RevokeConfirmer confirmer, MemoryBudget budget, Narrowing narrowing) {
        this.runner = runner;
        LiveFeed feed = new LiveFeed(runner, clock);
        WatermarkPollStrategy strategy = new WatermarkPollStrategy(ws.dao(), budget);
        poller = new SessionPoller(strategy, lane, runner.scheduler(), feed, clock);
        poller.narrowFromTheStart(narrowing);
        Messages messages = new Messages();
        LiveViewModel live = new LiveViewModel(feed, poller, runner);
        ConnectionStatusViewModel status = new ConnectionStatusViewModel(feed, poller, clock, ws.label(), ws.replicaLagWarnSeconds());
        RevokeViewModel revoke = new RevokeViewModel(feed, poller, runner, status, ws.revocation(), messages, dialogs, confirmer);
        models = new ConsoleViewModels(live, status, revoke,
                new TokenLookupViewModel(new TokenLookup(ws.dao()), live, runner, messages),
                new WatchlistViewModel(feed, runner, new Watchlist(watchlistFile), messages),
                new ExportViewModel(runner, live, messages, ws.label(), clock),
                findings(ws, feed, runner, clock),
                new HistoryViewModel(runner, new SessionHistory(ws.dao())),
                new AuditViewModel(runner, ws.audit()),
                messages);
    }

    /** The findings with the analyst's network lists (a list that cannot be read stops here, named) and their triage file. */
    private static FindingsViewModel findings(Workspace ws, LiveFeed feed, TaskRunner runner, Clock clock) {
        Workspace.FindingFiles files = ws.findingFiles();
        NetworkLists lists = files == null ? NetworkLists.NONE : NetworkLists.load(files.intel());
        return new FindingsViewModel(feed, runner, new FindingsEngine(ws.dao(), clock, null, lists), ws.label(),
                files == null ? null : new FindingLedger(files.triage()));
    }

    /** A daemon thread for one poller: ticks run on it one at a time and are reported in order. Nothing else runs on it. */
    public static ExecutorService newPollLane() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "poll-lane");
            t.setDaemon(true);
            return t;
        });
    }

    public ConsoleViewModels models() {
        return models;
    }

    public SessionPoller poller() {
        return poller;
    }

    /** Starts polling (the first tick at once). */
    public void start() {
        models.status().start();
    }

    /** Stops polling, then (on the FX thread) the live view's timers and recomputes. */
    public void stop() {
        models.status().stop();
        runner.ui(models.live()::stop);
    }
}
