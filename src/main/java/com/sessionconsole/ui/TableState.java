package com.sessionconsole.ui;


import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Keeps a table's selection, focus and scroll position across a full replacement of its items, by
 * remembering the identities of the rows rather than their indices. While a row is selected or the table is
 * scrolled, rows that arrive above the first visible row do not move it: they are counted in
 * {@link #rowsAboveProperty()} until the analyst goes to the top.
 */
public final class TableState<T, K> implements UpdateListener {
    /**
     * Where Shift+click and Shift+arrow extend a selection from: JavaFX keeps it as a row index under this key of the
     * table's properties and does not move it when rows arrive above, so a Shift+click would silently take in
     * rows the analyst never saw. It is put back on the same session, like the selection and the focus.
     */
    private static final String ANCHOR = "anchor";

    private final TableView<T> table;
    private final Function<T, K> identity;
    private List<K> selected = List.of();
    private K topRow;
    private boolean hadTopRow;
    private int topIndex;
    private boolean restoring;
    private K focusedRow;
    private K anchorRow;
    private final ReadOnlyIntegerWrapper rowsAbove = new ReadOnlyIntegerWrapper();

    public TableState(TableView<T> table, Function<T, K> identity) {
        this.table = table;
        this.identity = identity;
    }

    /** True while the selection is being put back; selection listeners should ignore those events. */
    public boolean restoring() {
        return restoring;
    }

    @Override
    public void beforeUpdate() {
        restoring = true;
        selected = new ArrayList<>();
        for (T item : table.getSelectionModel().getSelectedItems()) {
            if (item != null) {
                selected.add(identity.apply(item));
            }
        }
        focusedRow = rowAt(table.getFocusModel().getFocusedIndex());
        anchorRow = table.getProperties().get(ANCHOR) instanceof TablePosition<?, ?> anchor ? rowAt(anchor.getRow()) : null;
        hadTopRow = false;
        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        if (flow != null) {
            IndexedCell<?> first = flow.getFirstVisibleCell();
            if (first != null && first.getIndex() >= 0 && first.getIndex() < table.getItems().size()) {
                topIndex = first.getIndex();
                topRow = identity.apply(table.getItems().get(topIndex));
                hadTopRow = true;
            }
        }
        if (!pinned()) {
            rowsAbove.set(0); // at the top with nothing selected: the analyst sees the new rows arrive
        }
    }

    private K rowAt(int i) {
        return i >= 0 && i < table.getItems().size() && table.getItems().get(i) != null ? identity.apply(table.getItems().get(i)) : null;
    }

    /** Whether what the analyst looks at must stay put: a row is selected or the table is scrolled down. */
    private boolean pinned() {
        return hadTopRow && (topIndex > 0 || !selected.isEmpty());
    }

    /** Rows that arrived above the first visible row while it was held still; 0 when there are none or after {@link #showTop()}. */
    public ReadOnlyIntegerProperty rowsAboveProperty() {
        return rowsAbove.getReadOnlyProperty();
    }

    /** Scrolls to the first row, which shows what arrived above. */
    public void showTop() {
        rowsAbove.set(0);
        table.scrollTo(0);
    }

    @Override
    public void afterUpdate() {
        restoring = false;
        List<T> items = table.getItems();
        boolean topMoved = pinned() && (topIndex >= items.size() || !Objects.equals(identity.apply(items.get(topIndex)), topRow));
        if (selected.isEmpty() && !topMoved) {
            return; // the common case on a tick costs nothing on the FX thread
        }
        Map<K, Integer> index = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            index.put(identity.apply(items.get(i)), i);
        }
        int[] rows = selected.stream().map(index::get).filter(Objects::nonNull).sorted(Comparator.naturalOrder())
                .mapToInt(Integer::intValue).toArray();
        restoring = true;
        try {
            table.getSelectionModel().clearSelection();
            if (rows.length > 0) {
                table.getSelectionModel().selectIndices(rows[0], rows);
            }
            Integer focus = index.get(focusedRow);
            if (focus != null) {
                table.getFocusModel().focus(focus);
            }
            Integer anchor = index.get(anchorRow);
            if (anchor != null) {
                table.getProperties().put(ANCHOR, new TablePosition<>(table, anchor, null));
            }
        } finally {
            restoring = false;
        }
        if (topMoved) {
            Integer top = index.get(topRow);
            table.scrollTo(top != null ? top : Math.min(topIndex, Math.max(0, items.size() - 1)));
            if (top != null) {
                rowsAbove.set(Math.max(0, rowsAbove.get() + top - topIndex));
            }
        }
    }
}
