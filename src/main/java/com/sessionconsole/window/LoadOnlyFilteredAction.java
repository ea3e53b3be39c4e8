package com.sessionconsole.window;

import com.sessionconsole.live.ui.LiveViewModel;
import com.sessionconsole.ui.Messages;
import com.sessionconsole.ui.StandardAction;

/** {@link StandardAction#LOAD_ONLY_FILTERED}: reads only what the server-side filters select. */
final class LoadOnlyFilteredAction {
    private final LiveViewModel live;
    private final Messages messages;

    LoadOnlyFilteredAction(LiveViewModel live, Messages messages) {
        this.live = live;
        this.messages = messages;
    }

    void execute() {
        live.loadOnlyFiltered();
        messages.show("Loading only the sessions the IP, user, created and location filters select (read that way on the server).");
    }
}
