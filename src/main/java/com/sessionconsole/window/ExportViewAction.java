package com.sessionconsole.window;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.export.ui.ExportViewModel;
import com.sessionconsole.ui.DialogService;
import com.sessionconsole.ui.StandardAction;

/** {@link StandardAction#EXPORT_VIEW}: asks where, then exports exactly the rows the current tab shows. */
final class ExportViewAction {
    private final TabRegistry tabs;
    private final DialogService dialogs;
    private final ExportViewModel export;

    ExportViewAction(TabRegistry tabs, DialogService dialogs, ExportViewModel export) {
        this.tabs = tabs;
        this.dialogs = dialogs;
        this.export = export;
    }

    void execute() {
        GroupBy by = tabs.currentGroup();
        dialogs.saveFile("Export " + (by == null ? "sessions" : "by " + by.label()),
                        (by == null ? "sessions" : "by-" + by.name().toLowerCase()) + ".csv", ExportViewModel.FileChoice.fileTypes())
                .ifPresent(target -> export.export(target.file(), by, ExportViewModel.FileChoice.placementOf(target.type())));
    }
}
