package com.sessionconsole.window;

import com.sessionconsole.live.ui.LiveViewModel;
import com.sessionconsole.ui.Messages;
import com.sessionconsole.ui.StandardAction;

/** {@link StandardAction#LOAD_EVERYTHING}: reads every active session again. */
final class LoadEverythingAction {
    private final LiveViewModel live;
    private final Messages messages;

    LoadEverythingAction(LiveViewModel live, Messages messages) {
        this.live = live;
        this.messages = messages;
    }

    void execute() {
        live.loadEverything();
        messages.show("Loading every active session.");
    }
}
