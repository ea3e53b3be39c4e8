package com.sessionconsole.window;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.history.ui.HistoryViewModel;
import com.sessionconsole.ui.StandardAction;

/** {@link StandardAction#SHOW_HISTORY}: loads every session of a key, active or not, and shows the History tab. */
final class ShowHistoryAction {
    private final HistoryViewModel history;
    private final TabRegistry tabs;

    ShowHistoryAction(HistoryViewModel history, TabRegistry tabs) {
        this.history = history;
        this.tabs = tabs;
    }

    void execute(GroupBy by, String key) {
        history.load(by, key);
        tabs.show(ConsoleTab.HISTORY);
    }
}
