package com.sessionconsole.live.ui;

import com.sessionconsole.domain.ReplicaLag;
import com.sessionconsole.live.PollControl;
import com.sessionconsole.live.PollEvent;
import com.sessionconsole.ui.TimeText;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The status bar's side of polling: connected or not, how fresh the data is, the replica's lag, pause and interval. FX thread only. */
public final class ConnectionStatusViewModel {
    private final LiveFeed feed;
    private final PollControl poller;
    private final Clock clock;
    private final double replicaWarnSeconds;
    private final ReadOnlyStringWrapper connectionLabel = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper refreshText = new ReadOnlyStringWrapper("connecting…");
    private final ReadOnlyStringWrapper errorText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper replicaText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper replicaBehind = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(false);
    private boolean loaded;

    /** @param replicaWarnSeconds above this many seconds behind (or when replay is paused) the replica's lag is a warning */
    /** @param clock this machine's clock, for the age of stale data */
    public ConnectionStatusViewModel(LiveFeed feed, PollControl poller, Clock clock, String connection, double replicaWarnSeconds) {
        this.feed = feed;
        this.poller = poller;
        this.clock = clock;
        this.replicaWarnSeconds = replicaWarnSeconds;
        connectionLabel.set(connection);
        feed.onUpdate(this::updated);
        feed.onFailure(this::failed);
    }

    private void updated(PollEvent.Updated u) {
        if (u.kind() != PollEvent.Kind.POLL) {
            return; // a summary or a local revoke says nothing about the connection
        }
        connected.set(true);
        stale.set(false);
        errorText.set("");
        if (!loaded || !u.took().isZero()) {
            loaded = true;
            refreshText.set("refreshed " + TimeText.clock(u.at()) + " in " + u.took().toMillis() + " ms");
        }
        if (u.replica() != null) {
            ReplicaLag lag = u.replica();
            replicaText.set(lag.describe());
            replicaBehind.set(lag.worrying(replicaWarnSeconds));
        }
    }

    private void failed(PollEvent.Failed f) {
        connected.set(!f.connectionLost() && connected.get());
        stale.set(f.lastSuccess() != null);
        errorText.set((f.connectionLost() ? "Disconnected: " : "Refresh failed: ") + f.message()
                + " — retrying in " + f.retryIn().toSeconds() + " s");
        updateStaleText();
    }

    /** Called every second by the window, so that the age of stale data keeps counting. */
    public void updateStaleText() {
        Instant at = feed.snapshotAt();
        if (stale.get() && at != null) {
            long age = Duration.between(at, clock.instant()).toSeconds();
            refreshText.set("STALE: data from " + TimeText.clock(at) + " (" + age + " s old)");
        }
    }

    public void start() {
        poller.start();
    }

    public void stop() {
        poller.stop();
    }

    public void refreshNow() {
        poller.refreshNow();
    }

    public void togglePaused() {
        if (poller.isPaused()) {
            poller.resume();
            paused.set(false);
        } else {
            poller.pause();
            paused.set(true);
        }
    }

    public void setInterval(Duration d) {
        poller.setInterval(d);
    }

    public ReadOnlyStringProperty connectionLabelProperty() {
        return connectionLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty refreshTextProperty() {
        return refreshText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorTextProperty() {
        return errorText.getReadOnlyProperty();
    }

    /** "replica 2.1 s / 16 kB behind"; empty without a replica. */
    public ReadOnlyStringProperty replicaTextProperty() {
        return replicaText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty replicaBehindProperty() {
        return replicaBehind.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }
}
