package com.sessionconsole.window;

import com.sessionconsole.domain.Session;
import com.sessionconsole.revoke.ui.RevokeViewModel;
import com.sessionconsole.ui.StandardAction;

import java.util.List;

/** {@link StandardAction#REVOKE_SELECTED} and {@link StandardAction#REVOKE_SESSION}: revokes the given sessions once the analyst confirms. */
final class RevokeSelectedAction {
    private final RevokeViewModel revoke;

    RevokeSelectedAction(RevokeViewModel revoke) {
        this.revoke = revoke;
    }

    void execute(List<Session> sessions) {
        revoke.execute(revoke.planRevoke(sessions));
    }
}
