package com.sessionconsole.ui;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.service.SessionHistory;
import com.sessionconsole.service.TaskRunner;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The history of one user, device or IP, loaded off the FX thread. */
public final class HistoryViewModel {
    private final TaskRunner runner;
    private final SessionHistory history;
    private final ObservableList<SessionHistory.Entry> entries = FXCollections.observableArrayList();
    private final ObjectProperty<SessionHistory.Result> result = new SimpleObjectProperty<>();
    private final StringProperty title = new SimpleStringProperty("Right-click a row in any view: History of this user, device or IP.");

    public HistoryViewModel(TaskRunner runner, SessionHistory history) {
        this.runner = runner;
        this.history = history;
    }

    public void load(GroupBy by, String key) {
        title.set("Loading the history of " + by.label() + " " + (key == null ? "(empty)" : key) + "…");
        runner.run(() -> history.load(by, key), r -> {
            entries.setAll(r.entries());
            result.set(r);
            long active = r.entries().stream().filter(e -> e.status() == SessionHistory.Status.ACTIVE).count();
            title.set("History of " + by.label() + " " + (key == null ? "(empty)" : key) + ": " + r.entries().size()
                    + " sessions, " + active + " active");
        }, e -> title.set("History could not be loaded: " + e.getMessage()));
    }

    public ObservableList<SessionHistory.Entry> entries() {
        return entries;
    }

    public ObjectProperty<SessionHistory.Result> resultProperty() {
        return result;
    }

    public StringProperty titleProperty() {
        return title;
    }
}
