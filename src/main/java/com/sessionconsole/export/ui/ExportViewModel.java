package com.sessionconsole.export.ui;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.GroupSummary;
import com.sessionconsole.domain.Session;
import com.sessionconsole.export.CsvExport;
import com.sessionconsole.export.ExportFile;
import com.sessionconsole.export.JsonExport;
import com.sessionconsole.export.ProvenancePlacement;
import com.sessionconsole.live.ui.LiveViewModel;
import com.sessionconsole.ui.DialogService;
import com.sessionconsole.ui.Messages;
import com.sessionconsole.ui.ProgressTask;
import com.sessionconsole.ui.TaskRunner;
import javafx.beans.property.ReadOnlyDoubleProperty;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;

/** Writes exactly the rows a view shows (filtered and sorted) to CSV, or JSON for a .json file, off the FX thread, with progress and cancel. */
public final class ExportViewModel {
    /** The file types the save dialog offers, spreadsheets first: analysts open a CSV from the window in one. */
    public enum FileChoice {
        CSV_SIDECAR("CSV, provenance in a sidecar file (for spreadsheets)", "*.csv", ProvenancePlacement.SIDECAR),
        CSV_HEADER("CSV with # provenance header (for scripts)", "*.csv", ProvenancePlacement.HEADER),
        JSON("JSON, provenance inside", "*.json", ProvenancePlacement.HEADER);

        private final DialogService.FileType type;
        private final ProvenancePlacement placement;

        FileChoice(String description, String pattern, ProvenancePlacement placement) {
            this.type = new DialogService.FileType(description, pattern);
            this.placement = placement;
        }

        public static List<DialogService.FileType> fileTypes() {
            return Arrays.stream(values()).map(c -> c.type).toList();
        }

        public static ProvenancePlacement placementOf(DialogService.FileType chosen) {
            return Arrays.stream(values()).filter(c -> c.type.equals(chosen)).findFirst().orElse(CSV_SIDECAR).placement;
        }
    }

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

    /**
     * Exports the Sessions view ({@code view} null) or one group view. A .json file is JSON with its provenance
     * inside (and beside it too for a sidecar); any other name is CSV.
     */
    public void export(Path file, GroupBy view, ProvenancePlacement placement) {
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
        String sidecarNote = placement == ProvenancePlacement.SIDECAR ? ", provenance in " + ExportFile.sidecarOf(file) : "";
        task.start(progress -> {
            CsvExport.Progress sink = progress::report;
            if (view == null) {
                if (json) {
                    JsonExport.sessions(file, rows, provenance, placement, sink);
                } else {
                    CsvExport.sessions(file, rows, provenance, placement, false, sink);
                }
                return rows.size();
            }
            if (json) {
                JsonExport.groups(file, groupRows, provenance, placement, sink);
            } else {
                CsvExport.groups(file, groupRows, provenance, placement, false, sink);
            }
            return groupRows.size();
        }, n -> messages.show(String.format("Exported %,d rows to %s%s", n, file, sidecarNote)),
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
