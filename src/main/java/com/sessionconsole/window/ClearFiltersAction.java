package com.sessionconsole.window;

import com.sessionconsole.live.ui.LiveViewModel;
import com.sessionconsole.ui.StandardAction;

/** {@link StandardAction#CLEAR_FILTERS}: every filter and the pivot. */
final class ClearFiltersAction {
    private final LiveViewModel live;

    ClearFiltersAction(LiveViewModel live) {
        this.live = live;
    }

    void execute() {
        live.filter().clear();
        live.clearPivot();
    }
}
