package com.sessionconsole.window;

import com.sessionconsole.domain.WatchEntry;
import com.sessionconsole.live.ui.ConnectionStatusViewModel;
import com.sessionconsole.ui.Fxml;
import com.sessionconsole.watchlist.ui.WatchlistViewModel;
import javafx.beans.property.BooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/** The menu bar (laid out in ConsoleMenus.fxml); only the Watchlist menu is built in code, from the watched entries. */
final class ConsoleMenus {
    @FXML private CheckMenuItem darkTheme;
    @FXML private CheckMenuItem utcTimes;
    @FXML private Menu watchMenu;

    private final ConnectionStatusViewModel status;
    private final WatchlistViewModel watchlist;
    private final WindowActions actions;
    private final BooleanProperty dark;
    private final BooleanProperty utc;
    private final Parent root;

    ConsoleMenus(ConnectionStatusViewModel status, WatchlistViewModel watchlist, WindowActions actions, BooleanProperty dark,
                 BooleanProperty utc) {
        this.status = status;
        this.watchlist = watchlist;
        this.actions = actions;
        this.dark = dark;
        this.utc = utc;
        this.root = Fxml.load("ConsoleMenus.fxml", this);
    }

    @FXML
    private void initialize() {
        darkTheme.selectedProperty().bindBidirectional(dark);
        utcTimes.selectedProperty().bindBidirectional(utc);
        rebuildWatchMenu();
        watchlist.entries().addListener((ListChangeListener<WatchEntry>) c -> rebuildWatchMenu());
    }

    private void rebuildWatchMenu() {
        MenuItem add = new MenuItem("Watch an IP or CIDR…");
        add.setMnemonicParsing(false);
        add.setOnAction(e -> actions.watchIp());
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

    @FXML private void export() {
        actions.exportCurrentView();
    }

    @FXML private void quit() {
        actions.quit();
    }

    @FXML private void showSessions() {
        actions.showTab(ConsoleTab.SESSIONS);
    }

    @FXML private void showByUser() {
        actions.showTab(ConsoleTab.BY_USER);
    }

    @FXML private void showByDevice() {
        actions.showTab(ConsoleTab.BY_DEVICE);
    }

    @FXML private void showByIp() {
        actions.showTab(ConsoleTab.BY_IP);
    }

    @FXML private void showFindings() {
        actions.showTab(ConsoleTab.FINDINGS);
    }

    @FXML private void showHistory() {
        actions.showTab(ConsoleTab.HISTORY);
    }

    @FXML private void showAudit() {
        actions.showTab(ConsoleTab.AUDIT);
    }

    @FXML private void refresh() {
        status.refreshNow();
    }

    @FXML private void togglePaused() {
        status.togglePaused();
    }

    @FXML private void focusSearch() {
        actions.focusSearch();
    }

    @FXML private void clearFilters() {
        actions.clearFilters();
    }

    @FXML private void revoke() {
        actions.revokeFromCurrentView();
    }

    @FXML private void loadOnlyFiltered() {
        actions.loadOnlyFiltered();
    }

    @FXML private void loadEverything() {
        actions.loadEverything();
    }

    Parent root() {
        return root;
    }
}
