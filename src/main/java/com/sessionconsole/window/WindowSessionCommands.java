package com.sessionconsole.window;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.Session;
import com.sessionconsole.live.ui.RowCommands;
import javafx.beans.value.ObservableValue;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** What every session table of the window can show and do, answered by the view models and done by the named actions. */
final class WindowSessionCommands implements RowCommands {
    private final ConsoleViewModels vms;
    private final TabRegistry tabs;
    private final RevokeSelectedAction revokeSelected;
    private final RevokeGroupAction revokeGroup;
    private final ShowHistoryAction showHistory;
    private final WatchAction watch;

    WindowSessionCommands(ConsoleViewModels vms, TabRegistry tabs, RevokeSelectedAction revokeSelected, RevokeGroupAction revokeGroup,
                          ShowHistoryAction showHistory, WatchAction watch) {
        this.vms = vms;
        this.tabs = tabs;
        this.revokeSelected = revokeSelected;
        this.revokeGroup = revokeGroup;
        this.showHistory = showHistory;
        this.watch = watch;
    }

    @Override
    public Instant serverNow() {
        return vms.live().feed().serverNow();
    }

    @Override
    public boolean isFresh(Session s) {
        return vms.live().freshProperty().get().contains(s.id());
    }

    @Override
    public boolean isWatched(Session s) {
        return vms.watchlist().isWatched(s);
    }

    @Override
    public void findingsCiting(Session s, Consumer<List<String>> then) {
        vms.findings().citing(s, then);
    }

    @Override
    public ObservableValue<String> revokeDisabled() {
        return vms.revoke().disabledReasonProperty();
    }

    @Override
    public void revoke(List<Session> sessions) {
        revokeSelected.execute(sessions);
    }

    @Override
    public void showHistory(GroupBy by, String key) {
        showHistory.execute(by, key);
    }

    @Override
    public void watch(GroupBy by, String key) {
        watch.execute(by, key);
    }

    @Override
    public void revokeGroup(GroupBy by, String key) {
        revokeGroup.execute(by, key);
    }

    @Override
    public void showTab(GroupBy by) {
        tabs.show(ConsoleTab.of(by));
    }
}
