package com.sessionconsole.window;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.ui.StandardAction;
import com.sessionconsole.watchlist.ui.WatchlistViewModel;

/** {@link StandardAction#WATCH}: puts a user, device or IP on the watchlist. */
final class WatchAction {
    private final WatchlistViewModel watchlist;

    WatchAction(WatchlistViewModel watchlist) {
        this.watchlist = watchlist;
    }

    void execute(GroupBy by, String key) {
        watchlist.watch(by, key);
    }
}
