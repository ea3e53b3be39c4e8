package com.sessionconsole.ui;

import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Copy for a table whose rows are not sessions (the By user / device / IP summaries): Ctrl+C copies the selected
 * rows tab-separated, column by column as the table holds them (a header row when there are several), and the
 * menu items copy the clicked cell or the row. Values are escaped and neutralised as every copied value is.
 */
public final class TableCopy<T> {
    private final TableView<T> table;
    private TableColumn<T, ?> clickedColumn;

    private TableCopy(TableView<T> table) {
        this.table = table;
    }

    /** Installs Ctrl+C; returns "Copy value" and "Copy row" for the table's own context menu. */
    public static <T> List<MenuItem> install(TableView<T> table) {
        TableCopy<T> copy = new TableCopy<>(table);
        table.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> copy.clickedColumn = SessionMenu.columnUnder(table, e));
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (StandardAction.COPY_ROWS.accelerator().match(e)) {
                CopyRowsAction.copy(copy.rows());
                e.consume();
            }
        });
        MenuItem value = new MenuItem(StandardAction.COPY_VALUE.label());
        value.setOnAction(e -> copy.copyValue());
        MenuItem row = new MenuItem(StandardAction.COPY_ROWS.labelWithKey());
        row.setOnAction(e -> CopyRowsAction.copy(copy.rows()));
        return List.of(value, row);
    }

    private String rows() {
        List<T> selected = table.getSelectionModel().getSelectedItems().stream().filter(Objects::nonNull).toList();
        List<TableColumn<T, ?>> columns = table.getVisibleLeafColumns();
        StringBuilder sb = new StringBuilder();
        if (selected.size() > 1) {
            sb.append(String.join("\t", columns.stream().map(TableColumn::getText).toList())).append('\n');
        }
        for (T item : selected) {
            List<String> cells = new ArrayList<>();
            for (TableColumn<T, ?> c : columns) {
                cells.add(SessionCopyText.shownCell(c.getCellData(item)));
            }
            sb.append(String.join("\t", cells)).append('\n');
        }
        return sb.toString();
    }

    private void copyValue() {
        T item = table.getSelectionModel().getSelectedItem();
        TableColumn<T, ?> column = clickedColumn != null ? clickedColumn : table.getVisibleLeafColumns().isEmpty() ? null : table.getVisibleLeafColumns().get(0);
        if (item != null && column != null) {
            CopyRowsAction.copy(SessionCopyText.shownCell(column.getCellData(item)));
        }
    }
}
