package com.sessionconsole.window;

import com.sessionconsole.history.ui.TokenLookupViewModel;
import com.sessionconsole.ui.DialogService;
import com.sessionconsole.ui.StandardAction;

/** {@link StandardAction#FIND_TOKEN}: asks for a token and finds its session on the server. */
final class FindTokenAction {
    private final DialogService dialogs;
    private final TokenLookupViewModel tokens;

    FindTokenAction(DialogService dialogs, TokenLookupViewModel tokens) {
        this.dialogs = dialogs;
        this.tokens = tokens;
    }

    void execute() {
        dialogs.askText("Paste a session token. It is compared on the server and never shown; only its fingerprint is.", "session token", true)
                .ifPresent(tokens::find);
    }
}
