package com.sessionconsole.export.ui;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.GroupSummary;
import com.sessionconsole.domain.Session;
import com.sessionconsole.export.CsvExport;
import com.sessionconsole.export.JsonExport;
import com.sessionconsole.live.ui.LiveViewModel;
import com.sessionconsole.ui.Messages;
import com.sessionconsole.ui.ProgressTask;
import com.sessionconsole.ui.TaskRunner;
import javafx.beans.property.ReadOnlyDoubleProperty;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;

/** Writes exactly the rows a view shows (filtered and sorted) to CSV, or JSON for a .json file, off the FX thread, with progress and cancel. */
public final class ExportViewModel {
    private final LiveViewModel live;
    private final ProgressTask task;
    private final Messages messages;
    private final String connection;
    private final Clock clock;

    public ExportViewModel(TaskRunner runner, LiveViewModel live, Messages messages, String connection, Clock clock) {
        this.live = live;
        this.task = new ProgressTask(runner);
        this.messages = messages;
        this.connection = connection;
        this.clock = clock;
    }

    /** Exports the Sessions view ({@code view} null) or one group view. */
    public void export(Path file, GroupBy view) {
        if (task.running()) {
            messages.show("An export is still running; cancel it or wait for it before starting another.");
            return;
        }
        List<Session> rows = view == null ? List.copyOf(live.sessions()) : List.of();
        List<GroupSummary> groupRows = view == null ? List.of() : List.copyOf(live.groups(view));
        String filterText = live.shownFilterDescription(); // the filter of the rows shown, even while a newer one computes
        CsvExport.Provenance provenance = new CsvExport.Provenance(System.getProperty("user.name"), clock.instant(), connection,
                view == null ? "sessions" : "by " + view.label(), filterText);
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        task.start(progress -> {
            CsvExport.Progress sink = progress::report;
            if (view == null) {
                if (json) {
                    JsonExport.sessions(file, rows, provenance, sink);
                } else {
                    CsvExport.sessions(file, rows, provenance, false, sink);
                }
                return rows.size();
            }
            if (json) {
                JsonExport.groups(file, groupRows, provenance, sink);
            } else {
                CsvExport.groups(file, groupRows, provenance, false, sink);
            }
            return groupRows.size();
        }, n -> messages.show(String.format("Exported %,d rows to %s", n, file)),
                e -> messages.show((e instanceof CancellationException ? "Export cancelled" : "Export failed: " + e.getMessage())
                        + "; nothing was written to " + file));
    }

    /** Stops a running export; the partial file is removed. */
    public void cancel() {
        task.cancel();
    }

    /** 0..1 while an export runs, -1 otherwise. */
    public ReadOnlyDoubleProperty progressProperty() {
        return task.progressProperty();
    }
}
