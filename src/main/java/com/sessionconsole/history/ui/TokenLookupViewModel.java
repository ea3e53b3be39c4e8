package com.sessionconsole.history.ui;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.history.TokenLookup;
import com.sessionconsole.live.ui.LiveViewModel;
import com.sessionconsole.ui.LatestWins;
import com.sessionconsole.ui.TaskRunner;
import com.sessionconsole.ui.Messages;

/**
 * Looks a pasted token up on the server. Only its fingerprint is echoed; a match pivots the live views
 * to the session's user.
 */
public final class TokenLookupViewModel {
    private final TokenLookup tokens;
    private final LiveViewModel live;
    private final Messages messages;
    private final LatestWins latest;

    public TokenLookupViewModel(TokenLookup tokens, LiveViewModel live, TaskRunner runner, Messages messages) {
        this.tokens = tokens;
        this.live = live;
        this.messages = messages;
        this.latest = new LatestWins(runner, runner.io());
    }

    public void find(String token) {
        latest.submit(() -> tokens.find(token), result -> {
            messages.show(result.describe() + (result.sessions().isEmpty() ? ""
                    : result.sessions().get(0).isActiveAt(live.feed().serverNow()) ? " (active)" : " (not active)"));
            if (!result.sessions().isEmpty()) {
                live.pivotTo(GroupBy.USER, result.sessions().get(0).userId().toString());
            }
        }, e -> messages.show("Token lookup failed: " + e.getMessage()));
    }
}
