package com.sessionconsole.live.ui;

import com.sessionconsole.live.PollEvent;
import com.sessionconsole.live.Snapshot;
import com.sessionconsole.ui.TaskRunner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one hand-off of poll results to the FX thread. Events arrive from the poll lane; each is handed to
 * the FX thread, where an event older than one already taken is dropped, so a newer snapshot always
 * wins. Every ViewModel that follows the live set subscribes here and sees the same events in the same
 * order. It is read-only to them: they steer the poller through {@link com.sessionconsole.live.PollControl}.
 * State is confined to the FX thread.
 */
public final class LiveFeed implements Consumer<PollEvent> {
    private final TaskRunner runner;
    private final Clock clock;
    private final List<Consumer<PollEvent.Updated>> onUpdate = new ArrayList<>();
    private final List<Consumer<PollEvent.Failed>> onFailure = new ArrayList<>();
    private long lastSeq;
    private Snapshot snapshot = Snapshot.EMPTY;
    private Instant snapshotAt;

    public LiveFeed(TaskRunner runner, Clock clock) {
        this.runner = runner;
        this.clock = clock;
    }

    /** Called by the poller on its lane. */
    @Override
    public void accept(PollEvent event) {
        runner.ui(() -> deliver(event));
    }

    private void deliver(PollEvent event) {
        if (event.seq() <= lastSeq) {
            return; // older than what the views already show
        }
        lastSeq = event.seq();
        if (event instanceof PollEvent.Updated u) {
            boolean first = snapshotAt == null;
            snapshot = first ? u.snapshot().withoutFresh() : u.snapshot();
            snapshotAt = u.at();
            PollEvent.Updated taken = first ? new PollEvent.Updated(u.seq(), u.kind(), snapshot, u.delta(), u.fromVersion(), u.at(),
                    u.took(), u.replica(), u.narrowing()) : u;
            List.copyOf(onUpdate).forEach(l -> l.accept(taken));
        } else if (event instanceof PollEvent.Failed f) {
            List.copyOf(onFailure).forEach(l -> l.accept(f));
        }
    }

    public void onUpdate(Consumer<PollEvent.Updated> listener) {
        onUpdate.add(listener);
    }

    public void onFailure(Consumer<PollEvent.Failed> listener) {
        onFailure.add(listener);
    }

    /** The newest snapshot taken; {@link Snapshot#EMPTY} before the first load. */
    public Snapshot snapshot() {
        return snapshot;
    }

    public boolean loaded() {
        return snapshotAt != null;
    }

    /** When the newest snapshot was taken, on this machine's clock; null before the first load. */
    public Instant snapshotAt() {
        return snapshotAt;
    }

    /** The server's clock, estimated from the newest snapshot plus the time elapsed locally since; EPOCH before the first load. */
    public Instant serverNow() {
        if (snapshotAt == null || snapshot.serverNow() == null) {
            return Instant.EPOCH;
        }
        return snapshot.serverNow().plus(Duration.between(snapshotAt, clock.instant()));
    }
}
