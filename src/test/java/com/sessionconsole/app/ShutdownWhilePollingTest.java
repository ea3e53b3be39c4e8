package com.sessionconsole.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sessionconsole.workspace.Workspace;
import com.sessionconsole.db.SessionWriter;
import com.sessionconsole.demo.SessionGenerator;
import com.sessionconsole.support.ScriptedDialogs;
import com.sessionconsole.support.TestDatabase;
import com.sessionconsole.support.TestWorkspace;
import com.sessionconsole.ui.FxTaskRunner;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desktop console closes while a poll's result is still on its way to the FX thread: with the real
 * task runner, poll lane and workspace, nothing is rejected loudly and no stack trace is logged.
 */
class ShutdownWhilePollingTest {
    @TempDir
    Path home;

    @BeforeAll
    static void toolkit() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        Platform.setImplicitExit(false);
        assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void closingWhileAPollResultWaitsForTheFxThreadLogsNoRejectedWork() throws Exception {
        SessionWriter writer = TestDatabase.get().resetTable();
        writer.insert(new SessionGenerator(5, 3000, 2000, java.time.Instant.now()).rows());
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        root.addAppender(seen);
        CountDownLatch fxFree = new CountDownLatch(1);
        try {
            FxTaskRunner runner = new FxTaskRunner(3);
            runner.logUncaughtExceptions();
            ExecutorService lane = ConsoleWiring.newPollLane();
            Workspace ws = TestWorkspace.open(home);
            ScriptedDialogs dialogs = new ScriptedDialogs();
            ConsoleWiring wiring = new ConsoleWiring(ws, runner, lane, home.resolve("watchlist.txt"), Clock.systemUTC(), dialogs, dialogs::confirm);
            AtomicInteger updates = new AtomicInteger();
            CountDownLatch firstLoad = new CountDownLatch(1);
            runner.ui(() -> {
                wiring.models().live().feed().onUpdate(u -> {
                    updates.incrementAndGet();
                    firstLoad.countDown();
                });
                wiring.start();
            });
            assertThat(firstLoad.await(30, TimeUnit.SECONDS)).as("first load").isTrue();

            // the FX thread is busy while another poll finishes: its result waits in the FX queue
            runner.ui(() -> {
                try {
                    fxFree.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            writer.insert(java.util.List.of(com.sessionconsole.support.Rows.active(java.util.UUID.randomUUID(), ws.dao().serverTime()).build()));
            CountDownLatch polled = new CountDownLatch(1);
            lane.execute(() -> {
                wiring.poller().tick();
                polled.countDown();
            });
            assertThat(polled.await(30, TimeUnit.SECONDS)).as("the poll finished").isTrue();

            // what DesktopLauncher does when the window closes or the smoke test ends
            DesktopShutdown.closeInOrder(wiring, lane, ws, runner);
        } finally {
            fxFree.countDown();
            CountDownLatch drained = new CountDownLatch(1);
            Platform.runLater(drained::countDown);
            drained.await(20, TimeUnit.SECONDS);
            root.detachAppender(seen);
        }
        assertThat(seen.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
        assertThat(seen.list).noneMatch(e -> e.getThrowableProxy() != null
                && e.getThrowableProxy().getClassName().equals("java.util.concurrent.RejectedExecutionException"));
    }
}
