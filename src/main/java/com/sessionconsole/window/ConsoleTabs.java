package com.sessionconsole.window;

import com.sessionconsole.audit.ui.AuditView;
import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.findings.ui.FindingsView;
import com.sessionconsole.history.ui.HistoryView;
import com.sessionconsole.live.ui.GroupView;
import com.sessionconsole.live.ui.RowCommands;
import com.sessionconsole.live.ui.SessionsView;
import com.sessionconsole.ui.ViewPrefs;

import java.util.EnumMap;
import java.util.Map;

/** Builds every tab of the window from its feature's view, and tells the view models which tab is on show. */
final class ConsoleTabs {
    private final TabRegistry registry;
    private final SessionsView sessionsView;
    private final HistoryView historyView;
    private final Map<GroupBy, GroupView> groupViews = new EnumMap<>(GroupBy.class);

    ConsoleTabs(TabRegistry registry, ConsoleViewModels vms, ViewPrefs prefs, RowCommands commands) {
        this.registry = registry;
        sessionsView = new SessionsView(vms.live(), prefs, commands);
        registry.add(ConsoleTab.SESSIONS, sessionsView.root());
        for (GroupBy by : GroupBy.values()) {
            GroupView view = new GroupView(by, vms.live(), prefs, commands);
            groupViews.put(by, view);
            registry.add(ConsoleTab.of(by), view.root());
        }
        registry.add(ConsoleTab.FINDINGS, new FindingsView(vms.findings(), vms.live(), vms.revoke(), commands, prefs,
                () -> registry.show(ConsoleTab.SESSIONS)).root());
        historyView = new HistoryView(vms.history(), prefs, commands);
        registry.add(ConsoleTab.HISTORY, historyView.root());
        registry.add(ConsoleTab.AUDIT, new AuditView(vms.audit()).root());
        registry.onShown(ConsoleTab.FINDINGS, vms.findings()::setVisible);
        registry.onShown(ConsoleTab.AUDIT, shown -> {
            if (shown) {
                vms.audit().reload();
            }
        });
        registry.onSelected(tab -> vms.live().setVisibleGroup(tab.group()));
    }

    /** The group the selected tab shows; null when it is not a group tab. */
    GroupBy currentGroup() {
        return registry.currentGroup();
    }

    HistoryView historyView() {
        return historyView;
    }

    SessionsView sessionsView() {
        return sessionsView;
    }

    GroupView groupView(GroupBy by) {
        return groupViews.get(by);
    }
}
