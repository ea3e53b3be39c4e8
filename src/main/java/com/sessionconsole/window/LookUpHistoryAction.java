package com.sessionconsole.window;

import com.sessionconsole.history.ui.HistoryView;

/** {@link com.sessionconsole.ui.StandardAction#LOOK_UP_HISTORY}: the History tab, with the keyboard in its lookup. */
final class LookUpHistoryAction {
    private final TabRegistry tabs;
    private final HistoryView view;

    LookUpHistoryAction(TabRegistry tabs, HistoryView view) {
        this.tabs = tabs;
        this.view = view;
    }

    void execute() {
        tabs.show(ConsoleTab.HISTORY);
        view.focusLookup();
    }
}
