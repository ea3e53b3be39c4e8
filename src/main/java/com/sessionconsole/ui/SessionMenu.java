package com.sessionconsole.ui;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.Session;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The same hands on every table whose rows are sessions: Enter or a double-click opens the session's detail,
 * Ctrl+C copies the selected rows, Delete revokes them, and the context menu offers details, copy, history,
 * watch and revoke.
 */
public final class SessionMenu<T> {
    private final TableView<T> table;
    private final Function<T, Session> session;
    private final SessionCommands actions;
    private final ContextMenu menu = new ContextMenu();
    private TableColumn<T, ?> clickedColumn;

    private SessionMenu(TableView<T> table, Function<T, Session> session, SessionCommands actions) {
        this.table = table;
        this.session = session;
        this.actions = actions;
    }

    /** Installs the menu and the keys; the returned menu takes the caller's own items after ours. */
    public static <T> ContextMenu install(TableView<T> table, Function<T, Session> session, SessionCommands actions) {
        return new SessionMenu<>(table, session, actions).install();
    }

    private ContextMenu install() {
        MenuItem details = item(StandardAction.SHOW_DETAIL.labelWithKey(), this::showDetail);
        MenuItem copyRows = item(StandardAction.COPY_ROWS.labelWithKey(), () -> CopyRowsAction.execute(selected()));
        menu.getItems().addAll(details, new SeparatorMenuItem(), item(StandardAction.COPY_VALUE.label(), this::copyValue), copyRows,
                item(StandardAction.COPY_CSV.label(), () -> CopyRowsAction.asCsv(selected())), new SeparatorMenuItem());
        for (GroupBy by : GroupBy.values()) {
            menu.getItems().add(item(StandardAction.SHOW_HISTORY.label(by.label()), () -> withFocused(s -> actions.showHistory(by, s.key(by)))));
        }
        menu.getItems().add(new SeparatorMenuItem());
        for (GroupBy by : GroupBy.values()) {
            menu.getItems().add(item(StandardAction.WATCH.label(by.label()), () -> withFocused(s -> actions.watch(by, s.key(by)))));
        }
        MenuItem revoke = item(StandardAction.REVOKE_SELECTED.labelWithKey(), this::revokeSelected);
        revoke.disableProperty().bind(actions.revokeDisabled().map(r -> true).orElse(false));
        revoke.textProperty().bind(actions.revokeDisabled().map(r -> StandardAction.revokeLabel(StandardAction.REVOKE_SELECTED.label(), r))
                .orElse(StandardAction.REVOKE_SELECTED.labelWithKey()));
        menu.getItems().addAll(new SeparatorMenuItem(), revoke);
        menu.getItems().forEach(i -> i.setMnemonicParsing(false));
        table.setContextMenu(menu);
        rowsOnly(table);
        table.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        table.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> clickedColumn = columnUnder(table, e));
        table.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && isOnRow(table, e.getPickResult().getIntersectedNode())) {
                showDetail();
            }
        });
        return menu;
    }

    private void onKey(KeyEvent e) {
        if (StandardAction.COPY_ROWS.accelerator().match(e)) {
            CopyRowsAction.execute(selected());
        } else if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown()) {
            showDetail();
        } else if (e.getCode() == KeyCode.DELETE) {
            revokeSelected();
        } else {
            return;
        }
        e.consume();
    }

    private MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> action.run());
        return item;
    }

    private List<Session> selected() {
        return table.getSelectionModel().getSelectedItems().stream().filter(Objects::nonNull).map(session).toList();
    }

    private void withFocused(Consumer<Session> action) {
        T item = table.getSelectionModel().getSelectedItem();
        if (item != null) {
            action.accept(session.apply(item));
        }
    }

    private void showDetail() {
        withFocused(s -> SessionDetail.show(table.getScene().getWindow(), s, actions, table::requestFocus));
    }

    private void revokeSelected() {
        List<Session> rows = selected();
        if (!rows.isEmpty()) {
            actions.revoke(rows);
        }
    }

    private void copyValue() {
        int row = table.getSelectionModel().getSelectedIndex();
        TableColumn<T, ?> column = clickedColumn != null ? clickedColumn : table.getFocusModel().getFocusedCell().getTableColumn();
        if (column == null && !table.getVisibleLeafColumns().isEmpty()) {
            column = table.getVisibleLeafColumns().get(0);
        }
        if (row >= 0 && column != null) {
            CopyRowsAction.copy(SessionCopyText.shownCell(column.getCellData(row)));
        }
    }

    /** The column of the cell under the mouse, or null (a header, an empty area). */
    @SuppressWarnings("unchecked")
    static <T> TableColumn<T, ?> columnUnder(TableView<T> table, MouseEvent e) {
        for (Node n = e.getPickResult().getIntersectedNode(); n != null && n != table; n = n.getParent()) {
            if (n instanceof TableCell<?, ?> cell) {
                return (TableColumn<T, ?>) cell.getTableColumn();
            }
        }
        return null;
    }

    /**
     * Installs on any table with a row menu: the menu opens only over a row, and a right-click on a column
     * header does not sort it (JavaFX sorts on any button).
     */
    public static void rowsOnly(TableView<?> table) {
        table.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            if (!isOnRow(table, e.getPickResult().getIntersectedNode())) {
                e.consume();
            }
        });
        table.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (e.getButton() != MouseButton.PRIMARY && !isOnRow(table, e.getPickResult().getIntersectedNode())) {
                e.consume();
            }
        });
    }

    private static boolean isOnRow(TableView<?> table, Node picked) {
        for (Node n = picked; n != null && n != table; n = n.getParent()) {
            if (n instanceof TableRow<?> row) {
                return !row.isEmpty();
            }
        }
        return false;
    }
}
