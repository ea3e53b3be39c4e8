package com.sessionconsole.window;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.revoke.ui.RevokeViewModel;
import com.sessionconsole.ui.StandardAction;

/** {@link StandardAction#REVOKE_GROUP}: revokes every active session of a user, device or IP once the analyst confirms. */
final class RevokeGroupAction {
    private final RevokeViewModel revoke;

    RevokeGroupAction(RevokeViewModel revoke) {
        this.revoke = revoke;
    }

    void execute(GroupBy by, String key) {
        revoke.execute(revoke.planRevokeGroup(by, key));
    }
}
