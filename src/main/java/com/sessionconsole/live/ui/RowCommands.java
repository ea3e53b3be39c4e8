package com.sessionconsole.live.ui;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.ui.SessionCommands;
import com.sessionconsole.ui.StandardAction;

/**
 * What a row in a live table can lead to: everything a session row offers anywhere, plus revoking a whole group
 * and switching tabs. The window implements it with its named actions.
 */
public interface RowCommands extends SessionCommands {
    /** {@link StandardAction#REVOKE_GROUP}. */
    void revokeGroup(GroupBy by, String key);

    /** Shows the tab of a grouping, or the sessions tab for null. */
    void showTab(GroupBy by);
}
