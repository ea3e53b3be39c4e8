package com.sessionconsole.app;

import com.sessionconsole.workspace.Workspace;
import com.sessionconsole.ui.FxTaskRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Closes a desktop console in dependency order, so that nothing is handed to an executor that is already
 * gone: the poller first (no new tick), then its lane (a tick in flight may finish), then the task runner
 * (its scheduler first, so that no timer hands on work; view and I/O work may finish; what reaches it later
 * is dropped quietly), and the workspace's connections last, once nothing uses them.
 */
final class DesktopShutdown {
    private static final Logger log = LoggerFactory.getLogger(DesktopShutdown.class);
    private static final Duration TICK_GRACE = Duration.ofSeconds(2);

    private DesktopShutdown() {
    }

    /** @param wiring null when the window was never built */
    static void closeInOrder(ConsoleWiring wiring, ExecutorService lane, Workspace ws, FxTaskRunner runner) {
        if (wiring != null) {
            wiring.stop();
        }
        lane.shutdown();
        try {
            if (!lane.awaitTermination(TICK_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                log.debug("a poll was still running after {} s; interrupting it", TICK_GRACE.toSeconds());
                lane.shutdownNow();
            }
        } catch (InterruptedException e) {
            lane.shutdownNow();
            Thread.currentThread().interrupt();
        }
        runner.close();
        ws.close();
    }
}
