package com.sessionconsole.window;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.Session;
import com.sessionconsole.live.ui.GroupView;
import com.sessionconsole.ui.Messages;
import com.sessionconsole.ui.StandardAction;

import java.util.List;

/**
 * {@link StandardAction#REVOKE_FROM_VIEW}, the toolbar's and menu bar's revoke: the selected sessions of the current
 * tab, or, on a group tab with no session selected below, all sessions of the selected group.
 */
final class RevokeFromViewAction {
    private final ConsoleTabs tabs;
    private final RevokeSelectedAction revokeSelected;
    private final RevokeGroupAction revokeGroup;
    private final Messages messages;

    RevokeFromViewAction(ConsoleTabs tabs, RevokeSelectedAction revokeSelected, RevokeGroupAction revokeGroup, Messages messages) {
        this.tabs = tabs;
        this.revokeSelected = revokeSelected;
        this.revokeGroup = revokeGroup;
        this.messages = messages;
    }

    void execute() {
        GroupBy by = tabs.currentGroup();
        if (by == null) {
            revokeSelected.execute(tabs.sessionsView().selected());
            return;
        }
        GroupView view = tabs.groupView(by);
        List<Session> detailSelection = List.copyOf(view.detailTable().getSelectionModel().getSelectedItems());
        if (!detailSelection.isEmpty()) {
            revokeSelected.execute(detailSelection);
        } else if (view.selectedGroup() != null) {
            revokeGroup.execute(by, view.selectedGroup().key());
        } else {
            messages.show("Select a row first: a group to revoke all its sessions, or sessions in the table below.");
        }
    }
}
