package com.sessionconsole.watchlist.ui;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.WatchEntry;
import com.sessionconsole.live.PollEvent;
import com.sessionconsole.live.Snapshot;
import com.sessionconsole.live.ui.LiveFeed;
import com.sessionconsole.ui.Messages;
import com.sessionconsole.ui.TaskRunner;
import com.sessionconsole.watchlist.Watchlist;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/** Pinned users, devices and IPs: the list, its changes (saved off the FX thread), and the new sessions that match it. */
public final class WatchlistViewModel {
    private final TaskRunner runner;
    private final Watchlist watchlist;
    private final Messages messages;
    private final ObservableList<WatchEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<WatchEntry> entriesView = FXCollections.unmodifiableObservableList(entries);
    private final ReadOnlyObjectWrapper<List<Session>> hits = new ReadOnlyObjectWrapper<>(List.of());

    public WatchlistViewModel(LiveFeed feed, TaskRunner runner, Watchlist watchlist, Messages messages) {
        this.runner = runner;
        this.watchlist = watchlist;
        this.messages = messages;
        entries.setAll(watchlist.entries());
        feed.onUpdate(this::checkFresh);
    }

    /**
     * Every poll's new sessions are checked, in order, on the FX thread: they are a one-off event that no
     * later poll repeats, so none may be skipped, however many arrive at once (the first load marks none as new).
     */
    private void checkFresh(PollEvent.Updated u) {
        Snapshot s = u.snapshot();
        if (s.fresh().isEmpty() || entries.isEmpty()) {
            return;
        }
        List<Session> found = u.delta().upserts().stream().filter(x -> s.fresh().contains(x.id()) && watchlist.matches(x)).toList();
        if (!found.isEmpty()) {
            hits.set(found);
        }
    }

    public boolean isWatched(Session s) {
        return watchlist.matches(s);
    }

    /** Pins a user, device or IP (an IP may be a CIDR); new sessions of it raise a notification. */
    public void watch(GroupBy kind, String value) {
        if (value == null) {
            messages.show("An empty " + kind.label() + " cannot be watched.");
            return;
        }
        WatchEntry entry;
        try {
            entry = new WatchEntry(kind, value);
        } catch (IllegalArgumentException e) {
            messages.show("Not watched: " + e.getMessage());
            return;
        }
        runner.run(runner.io(), () -> {
            watchlist.add(entry);
            return watchlist.entries();
        }, saved -> {
            entries.setAll(saved);
            messages.show("Watching " + entry.describe() + ": new sessions of it will raise a notification.");
        }, e -> messages.show("Could not save the watchlist: " + e.getMessage()));
    }

    public void unwatch(WatchEntry entry) {
        runner.run(runner.io(), () -> {
            watchlist.remove(entry);
            return watchlist.entries();
        }, saved -> {
            entries.setAll(saved);
            messages.show("No longer watching " + entry.describe() + ".");
        }, e -> messages.show("Could not save the watchlist: " + e.getMessage()));
    }

    public ObservableList<WatchEntry> entries() {
        return entriesView;
    }

    /** The new sessions of the last tick that match the watchlist. */
    public ReadOnlyObjectProperty<List<Session>> hitsProperty() {
        return hits.getReadOnlyProperty();
    }
}
