package com.sessionconsole.live.ui;

import com.sessionconsole.domain.Timestamps;
import com.sessionconsole.ui.TaskRunner;

import java.time.Duration;
import java.time.Instant;

/**
 * One timer for "time alone changes the view now" (an expiry, the edge of "created within 30m"), on the
 * server's clock as the feed estimates it. Boundaries closer than a second apart are handled together; one
 * beyond a day is looked at again then. FX thread only.
 */
final class BoundaryTimer {
    private static final Duration MIN_DELAY = Duration.ofSeconds(1);
    private static final Duration MAX_DELAY = Duration.ofDays(1);

    private final LiveFeed feed;
    private final TaskRunner runner;
    private final Runnable onBoundary;
    private TaskRunner.Cancellable pending;
    private boolean stopped;

    /** @param onBoundary run on the FX thread when the boundary has passed */
    BoundaryTimer(LiveFeed feed, TaskRunner runner, Runnable onBoundary) {
        this.feed = feed;
        this.runner = runner;
        this.onBoundary = onBoundary;
    }

    /** Replaces the pending boundary with this one (null: none). */
    void at(Instant next) {
        cancel();
        if (next == null || stopped || !feed.loaded() || !Timestamps.isFinite(next)) {
            return;
        }
        Duration until = Duration.between(feed.serverNow(), next).plusMillis(5);
        Duration delay = until.compareTo(MIN_DELAY) < 0 ? MIN_DELAY : until.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : until;
        pending = runner.uiAfter(delay, onBoundary);
    }

    /** For good: no timer is armed again. */
    void stop() {
        stopped = true;
        cancel();
    }

    private void cancel() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }
}
