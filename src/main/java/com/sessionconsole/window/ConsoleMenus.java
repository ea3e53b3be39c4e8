package com.sessionconsole.window;

import com.sessionconsole.domain.WatchEntry;
import com.sessionconsole.live.ui.ConnectionStatusViewModel;
import com.sessionconsole.ui.Fxml;
import com.sessionconsole.ui.StandardAction;
import com.sessionconsole.watchlist.ui.WatchlistViewModel;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;

/**
 * The menu bar (laid out in ConsoleMenus.fxml). Each action item takes its label, key and command from its
 * {@link StandardAction}; the Watchlist menu is built in code, from the watched entries.
 */
final class ConsoleMenus {
    @FXML private MenuItem export;
    @FXML private MenuItem quit;
    @FXML private CheckMenuItem darkTheme;
    @FXML private CheckMenuItem utcTimes;
    @FXML private MenuItem refresh;
    @FXML private MenuItem togglePaused;
    @FXML private MenuItem find;
    @FXML private MenuItem clearFilters;
    @FXML private MenuItem loadOnlyFiltered;
    @FXML private MenuItem loadEverything;
    @FXML private MenuItem revoke;
    @FXML private MenuItem lookUpHistory;
    @FXML private Menu watchMenu;

    private final ConnectionStatusViewModel status;
    private final WatchlistViewModel watchlist;
    private final ConsoleActions actions;
    private final TabRegistry tabs;
    private final TextField search;
    private final Appearance appearance;
    private final Parent root;

    ConsoleMenus(ConnectionStatusViewModel status, WatchlistViewModel watchlist, ConsoleActions actions, TabRegistry tabs, TextField search,
                 Appearance appearance) {
        this.status = status;
        this.watchlist = watchlist;
        this.actions = actions;
        this.tabs = tabs;
        this.search = search;
        this.appearance = appearance;
        this.root = Fxml.load("ConsoleMenus.fxml", this);
    }

    @FXML
    private void initialize() {
        StandardAction.EXPORT_VIEW.applyTo(export, actions.exportView()::execute);
        StandardAction.QUIT.applyTo(quit, actions.quit()::execute);
        StandardAction.TOGGLE_THEME.decorate(darkTheme).selectedProperty().bindBidirectional(appearance.darkProperty());
        utcTimes.selectedProperty().bindBidirectional(appearance.utcProperty());
        StandardAction.REFRESH.applyTo(refresh, status::refreshNow);
        StandardAction.TOGGLE_PAUSED.applyTo(togglePaused, status::togglePaused);
        StandardAction.FIND.applyTo(find, search::requestFocus);
        StandardAction.CLEAR_FILTERS.applyTo(clearFilters, actions.clearFilters()::execute);
        StandardAction.LOAD_ONLY_FILTERED.applyTo(loadOnlyFiltered, actions.loadOnlyFiltered()::execute);
        StandardAction.LOAD_EVERYTHING.applyTo(loadEverything, actions.loadEverything()::execute);
        StandardAction.REVOKE_FROM_VIEW.applyTo(revoke, actions.revokeFromView()::execute);
        StandardAction.LOOK_UP_HISTORY.applyTo(lookUpHistory, actions.lookUpHistory()::execute);
        rebuildWatchMenu();
        watchlist.entries().addListener((ListChangeListener<WatchEntry>) c -> rebuildWatchMenu());
    }

    private void rebuildWatchMenu() {
        MenuItem add = StandardAction.WATCH_IP.applyTo(new MenuItem(), actions.watchIp()::execute);
        watchMenu.getItems().setAll(add, new SeparatorMenuItem());
        if (watchlist.entries().isEmpty()) {
            MenuItem none = new MenuItem("Nothing watched yet (right-click a row: Watch this …)");
            none.setDisable(true);
            watchMenu.getItems().add(none);
        }
        for (WatchEntry entry : watchlist.entries()) {
            MenuItem item = new MenuItem("Stop watching " + entry.describe());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> watchlist.unwatch(entry));
            watchMenu.getItems().add(item);
        }
    }

    @FXML private void showSessions() {
        tabs.show(ConsoleTab.SESSIONS);
    }

    @FXML private void showByUser() {
        tabs.show(ConsoleTab.BY_USER);
    }

    @FXML private void showByDevice() {
        tabs.show(ConsoleTab.BY_DEVICE);
    }

    @FXML private void showByIp() {
        tabs.show(ConsoleTab.BY_IP);
    }

    @FXML private void showFindings() {
        tabs.show(ConsoleTab.FINDINGS);
    }

    @FXML private void showHistory() {
        tabs.show(ConsoleTab.HISTORY);
    }

    @FXML private void showAudit() {
        tabs.show(ConsoleTab.AUDIT);
    }

    Parent root() {
        return root;
    }
}
