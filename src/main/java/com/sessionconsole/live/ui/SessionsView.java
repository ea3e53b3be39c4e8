package com.sessionconsole.live.ui;

import com.sessionconsole.ui.Fxml;
import com.sessionconsole.ui.SessionCharts;
import com.sessionconsole.ui.SessionMenu;
import com.sessionconsole.ui.SessionTable;
import com.sessionconsole.ui.TableState;
import com.sessionconsole.ui.RowsAbovePill;
import com.sessionconsole.ui.ViewPrefs;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.Session;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

/** Every active session, filtered and sorted; several rows can be selected and revoked. */
public final class SessionsView {
    @FXML
    private TableView<Session> table;

    private final Parent root;
    private final LiveViewModel vm;

    public SessionsView(LiveViewModel vm, ViewPrefs prefs, RowCommands actions) {
        this.vm = vm;
        this.root = Fxml.load("SessionsView.fxml", this);
        SessionTable.configure(table, vm.feed()::serverNow, vm.freshProperty(), actions::isWatched, prefs, "sessions");
        table.setItems(vm.sessions());
        SessionTable.fitAddressColumn(SessionTable.ipColumn(table), vm.widestAddressProperty());
        SessionTable.fitTrustColumn(SessionTable.trustColumn(table), vm.widestTrustProperty());
        ((Label) table.getPlaceholder()).textProperty().bind(vm.emptyTextProperty().map(
                t -> t.isEmpty() ? "No active sessions match the current filters." : t));
        table.setId("sessions-table");
        TableState<Session, UUID> state = new TableState<>(table, Session::id, vm::lastUpdateFromPoll);
        vm.addUpdateListener(state);
        ((BorderPane) root).setTop(new RowsAbovePill(state, "new-rows-bar", SessionsView::pillText, table::requestFocus).node());
        table.setSortPolicy(t -> {
            Comparator<Session> order = null;
            for (TableColumn<Session, ?> c : t.getSortOrder()) {
                Comparator<Session> cc = SessionTable.comparatorOf(c);
                if (c.getSortType() == TableColumn.SortType.DESCENDING) {
                    cc = cc.reversed();
                }
                order = order == null ? cc : order.thenComparing(cc);
            }
            vm.setSessionOrder(order);
            return true;
        });
        ContextMenu menu = SessionMenu.install(table, s -> s, actions);
        menu.getItems().add(new SeparatorMenuItem());
        addPerKey(menu, "Show all sessions of this ", (by, key) -> {
            vm.pivotTo(by, key);
            actions.showTab(null);
        });
        ((BorderPane) root).setBottom(new SessionCharts(vm.chartsProperty(), vm::setChartsVisible, prefs,
                "charts", "since the window opened").node());
    }

    /** One item per user, device and IP that acts on that key of the selected session. */
    private void addPerKey(ContextMenu menu, String text, BiConsumer<GroupBy, String> action) {
        for (GroupBy by : GroupBy.values()) {
            MenuItem item = new MenuItem(text + by.label());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> {
                Session s = table.getSelectionModel().getSelectedItem();
                if (s != null) {
                    action.accept(by, s.key(by));
                }
            });
            menu.getItems().add(item);
        }
    }

    /** New arrivals first; else the rows a new filter or sort left above the selected row. */
    static String pillText(int arrived, int above) {
        if (arrived > 0) {
            return arrived == 1 ? "1 new session above  ↑" : String.format("%,d new sessions above  ↑", arrived);
        }
        return above == 1 ? "1 session above the selection  ↑" : String.format("%,d sessions above the selection  ↑", above);
    }

    public List<Session> selected() {
        return List.copyOf(table.getSelectionModel().getSelectedItems());
    }


    public Parent root() {
        return root;
    }
}
