package com.sessionconsole.live.ui;

import com.sessionconsole.ui.Fxml;
import com.sessionconsole.ui.StandardAction;
import com.sessionconsole.ui.SessionMenu;
import com.sessionconsole.ui.SessionTable;
import com.sessionconsole.ui.TableState;
import com.sessionconsole.ui.RowsAbovePill;
import com.sessionconsole.ui.TableCopy;
import com.sessionconsole.ui.CutTextCell;
import com.sessionconsole.ui.OddValues;
import com.sessionconsole.ui.TimeText;
import com.sessionconsole.ui.ViewPrefs;

import com.sessionconsole.domain.CodePointOrder;
import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.VisibleText;
import com.sessionconsole.domain.GroupSummary;
import com.sessionconsole.domain.Session;
import com.sessionconsole.ui.UpdateListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;

import java.time.Instant;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.function.Function;

/** One summary row per user, device or IP; selecting a row shows its sessions underneath. */
public final class GroupView {
    private static final PseudoClass OUT_OF_RANGE = PseudoClass.getPseudoClass("out-of-range");
    @FXML
    private TableView<GroupSummary> groups;
    @FXML
    private TableView<Session> detail;
    @FXML
    private Label detailTitle;

    private final Parent root;
    private final GroupBy by;
    private final LiveViewModel vm;

    public GroupView(GroupBy by, LiveViewModel vm, ViewPrefs prefs, RowCommands actions) {
        this.by = by;
        this.vm = vm;
        this.root = Fxml.load("GroupView.fxml", this);
        groups.setId("groups-" + by.name().toLowerCase());
        ((Label) groups.getPlaceholder()).textProperty().bind(Bindings.createStringBinding(
                () -> !vm.emptyTextProperty().get().isEmpty() ? vm.emptyTextProperty().get()
                        : vm.countingProperty(by).get() ? "Counting the active sessions by " + by.label() + "…"
                        : "No groups match the current filters.", vm.emptyTextProperty(), vm.countingProperty(by)));
        detail.setId("detail-" + by.name().toLowerCase());
        groups.setFixedCellSize(26);
        groups.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        groups.getColumns().add(keyColumn());
        groups.getColumns().add(number("Active sessions", 130, GroupSummary::activeSessions));
        for (GroupBy other : by.counterparts()) {
            groups.getColumns().add(number("Distinct " + plural(other), 130, g -> g.distinct(other)));
        }
        groups.getColumns().add(time("First seen", GroupSummary::firstCreated));
        groups.getColumns().add(time("Last seen", GroupSummary::lastCreated));
        groups.getColumns().add(lowestTrust(number("Lowest trust", 110, g -> g.lowestTrust() == null ? null : g.lowestTrust().longValue())));
        groups.getColumns().forEach(c -> {
            String key = by + ".col." + c.getText();
            c.setPrefWidth(prefs.getDouble(key, c.getPrefWidth()));
            c.widthProperty().addListener((obs, old, w) -> prefs.putDouble(key, w.doubleValue()));
        });
        groups.setItems(vm.groups(by));
        if (by == GroupBy.IP) { // the keys are the addresses of the rows shown
            SessionTable.fitAddressColumn(groups.getColumns().get(0), vm.widestAddressProperty());
        }
        TableState<GroupSummary, String> groupState = new TableState<>(groups, g -> g.key() == null ? "\0null" : g.key());
        vm.addUpdateListener(groupState);
        // held under the pointer like the Sessions table, so what moved above is said, with a way back to the top
        ((BorderPane) groups.getParent()).setTop(new RowsAbovePill(groupState, "rows-above-" + by.name().toLowerCase(),
                (moved, above) -> String.format("%,d %s above  ↑", Math.max(moved, above), (moved + above == 1 ? by.label() : plural(by))),
                groups::requestFocus).node());
        groups.setSortPolicy(t -> {
            Comparator<GroupSummary> order = null;
            for (TableColumn<GroupSummary, ?> c : t.getSortOrder()) {
                @SuppressWarnings("unchecked")
                Comparator<GroupSummary> cc = (Comparator<GroupSummary>) c.getUserData();
                if (c.getSortType() == TableColumn.SortType.DESCENDING) {
                    cc = cc.reversed();
                }
                order = order == null ? cc : order.thenComparing(cc);
            }
            vm.setGroupOrder(by, order);
            return true;
        });
        groups.getSelectionModel().selectedItemProperty().addListener((obs, old, g) -> {
            if (!groupState.restoring()) {
                vm.selectGroup(by, g);
            }
            detailTitle.setText(g == null ? "Select a row above to see its sessions."
                    : "Active sessions of " + by.label() + " " + keyText(g.key()));
        });
        groups.setOnKeyPressed(e -> {
            GroupSummary g = groups.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.DELETE && g != null) {
                actions.revokeGroup(by, g.key());
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER && g != null && !detail.getItems().isEmpty()) {
                detail.requestFocus(); // into the group's sessions, where Enter opens one
                detail.getSelectionModel().clearAndSelect(0);
                e.consume();
            }
        });
        groups.setContextMenu(contextMenu(actions));
        SessionMenu.rowsOnly(groups);
        // a selected group that is gone after a refresh or a revoke is deselected in the view model too, so that
        // the lower pane never shows the rows of a group the table no longer selects
        vm.addUpdateListener(new UpdateListener() {
            @Override
            public void beforeUpdate() {
            }

            @Override
            public void afterUpdate() {
                if (groups.getSelectionModel().getSelectedItem() == null) {
                    vm.selectGroup(by, null);
                }
            }
        });

        SessionTable.configure(detail, vm.feed()::serverNow, vm.freshProperty(), actions::isWatched, prefs, by + ".detail");
        detail.setItems(vm.details(by));
        SessionTable.fitAddressColumn(SessionTable.ipColumn(detail), vm.widestAddressProperty());
        SessionTable.fitTrustColumn(SessionTable.trustColumn(detail), vm.widestTrustProperty());
        vm.addUpdateListener(new TableState<>(detail, Session::id));
        SessionMenu.install(detail, s -> s, actions);
    }

    private ContextMenu contextMenu(RowCommands actions) {
        MenuItem all = new MenuItem("Show all sessions of this " + by.label());
        all.setOnAction(e -> withSelected(g -> {
            vm.pivotTo(by, g.key());
            actions.showTab(null);
        }));
        ContextMenu menu = new ContextMenu(all);
        menu.getItems().addAll(0, TableCopy.install(groups));
        menu.getItems().add(2, new SeparatorMenuItem());
        for (GroupBy other : GroupBy.values()) {
            if (other != by) {
                MenuItem item = new MenuItem("Show " + plural(other) + " of this " + by.label());
                item.setOnAction(e -> withSelected(g -> {
                    vm.pivotTo(by, g.key());
                    actions.showTab(other);
                }));
                menu.getItems().add(item);
            }
        }
        MenuItem history = new MenuItem(StandardAction.SHOW_HISTORY.label(by.label()));
        history.setOnAction(e -> withSelected(g -> actions.showHistory(by, g.key())));
        menu.getItems().add(history);
        MenuItem watch = new MenuItem(StandardAction.WATCH.label(by.label()));
        watch.setOnAction(e -> withSelected(g -> actions.watch(by, g.key())));
        menu.getItems().addAll(new SeparatorMenuItem(), watch);
        String label = StandardAction.REVOKE_GROUP.label(by.label());
        MenuItem revoke = new MenuItem(label);
        revoke.disableProperty().bind(actions.revokeDisabled().map(r -> true).orElse(false));
        revoke.textProperty().bind(actions.revokeDisabled().map(r -> StandardAction.revokeLabel(label, r)).orElse(label));
        revoke.setOnAction(e -> withSelected(g -> actions.revokeGroup(by, g.key())));
        menu.getItems().addAll(new SeparatorMenuItem(), revoke);
        return menu;
    }

    private void withSelected(Consumer<GroupSummary> action) {
        GroupSummary g = groups.getSelectionModel().getSelectedItem();
        if (g != null) {
            action.accept(g);
        }
    }

    public GroupSummary selectedGroup() {
        return groups.getSelectionModel().getSelectedItem();
    }

    GroupBy groupBy() {
        return by;
    }


    public TableView<Session> detailTable() {
        return detail;
    }

    public Parent root() {
        return root;
    }

    static String plural(GroupBy by) {
        return switch (by) {
            case USER -> "users";
            case DEVICE -> "devices";
            case IP -> "IPs";
        };
    }

    public static String keyText(String key) {
        return key == null ? "(empty)" : VisibleText.of(key);
    }

    private TableColumn<GroupSummary, String> keyColumn() {
        TableColumn<GroupSummary, String> c = new TableColumn<>(switch (by) {
            case USER -> "User";
            case DEVICE -> "Device";
            case IP -> "IP";
        });
        c.setPrefWidth(by == GroupBy.USER ? 300 : 220);
        if (by != GroupBy.DEVICE) {
            c.getStyleClass().add("mono");
        }
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(keyText(cd.getValue().key())));
        c.setCellFactory(col -> by == GroupBy.IP ? new CutTextCell<>() : CutTextCell.middle()); // ids that share a prefix read apart
        c.setUserData(Comparator.comparing(GroupSummary::key, Comparator.nullsFirst(CodePointOrder.INSTANCE)));
        return c;
    }

    private static TableColumn<GroupSummary, Long> number(String title, double width, Function<GroupSummary, Long> value) {
        TableColumn<GroupSummary, Long> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setUserData(Comparator.comparing(value, Comparator.nullsFirst(Comparator.naturalOrder())));
        return c;
    }

    /** A lowest trust outside 0-100 is shown whole, marked and explained, as in the session tables. */
    private static TableColumn<GroupSummary, Long> lowestTrust(TableColumn<GroupSummary, Long> c) {
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Long item, boolean empty) {
                super.updateItem(item, empty);
                boolean odd = !empty && item != null && OddValues.trustOutOfRange(item.intValue());
                setText(empty || item == null ? null : (odd ? "⚠ " : "") + item);
                pseudoClassStateChanged(OUT_OF_RANGE, odd);
                setTooltip(odd ? new Tooltip(OddValues.trustNote(item.intValue())) : null);
            }
        });
        c.setMinWidth(130); // "⚠ 2147483647" whole
        return c;
    }

    private TableColumn<GroupSummary, Instant> time(String title, Function<GroupSummary, Instant> value) {
        TableColumn<GroupSummary, Instant> c = new TableColumn<>(title);
        c.setPrefWidth(120);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setUserData(Comparator.comparing(value, Comparator.nullsFirst(Comparator.naturalOrder())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : TimeText.relative(item, vm.feed().serverNow()));
                setTooltip(empty || item == null ? null : new Tooltip(TimeText.absolute(item)));
            }
        });
        return c;
    }
}
