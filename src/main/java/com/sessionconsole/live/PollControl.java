package com.sessionconsole.live;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.Narrowing;
import com.sessionconsole.domain.RevokeResult;

import java.time.Duration;
import java.util.Set;

/** What a view model may ask of the poller: when to poll, what to read, and which revoked sessions to take out at once. */
public interface PollControl {
    void start();

    void stop();

    void pause();

    void resume();

    boolean isPaused();

    /** Polls at once, whether or not polling is paused. */
    void refreshNow();

    void setInterval(Duration interval);

    /** Which group summaries the snapshots carry; adding one reports a snapshot with it at once. */
    void summarize(Set<GroupBy> dimensions);

    /** Follows only this part of the active set from now on (a full load, at once). */
    void narrow(Narrowing narrowing);

    /** Takes revoked sessions out of the view at once, without waiting for the next tick. */
    void applyRevoked(RevokeResult result);
}
