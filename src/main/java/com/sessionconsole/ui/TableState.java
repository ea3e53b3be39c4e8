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
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Keeps a table's selection, focus and scroll position across a full replacement of its items, by
 * remembering the identities of the rows rather than their indices. While a row is selected it keeps its
 * place on the screen, and while the table is scrolled or the pointer is over it its first visible row does;
 * rows that a poll brings above are counted in {@link #rowsAboveProperty()} until the analyst goes to the top.
 * A new filter or sort that keeps a selected row on screen away from the top counts the rows above it in
 * {@link #olderAboveProperty()}, so the list never sits mid-way with nothing saying so.
 */
public final class TableState<T, K> implements UpdateListener {
    /**
     * Where Shift+click and Shift+arrow extend a selection from: JavaFX keeps it as a row index under this key of the
     * table's properties and does not move it when rows arrive above, so a Shift+click would silently take in
     * rows the analyst never saw. It is put back on the same row, like the selection and the focus.
     */
    private static final String ANCHOR = "anchor";

    private final TableView<T> table;
    private final Function<T, K> identity;
    private final BooleanSupplier arrivals;
    private final ReadOnlyIntegerWrapper rowsAbove = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper olderAbove = new ReadOnlyIntegerWrapper();
    private VirtualFlow<?> watchedFlow;
    private List<K> selected = List.of();
    private K focusedRow;
    private int focusedIndex = -1;
    private K anchorRow;
    private int anchorIndex = -1;
    private boolean pinned;
    private K pinRow;
    private int pinIndex;
    private int pinOffset;
    /** How far the first visible row is scrolled out of view (px, ≤ 0): a clicked row near the edge leaves it part-hidden. */
    private double pinPixels;
    private boolean restoring;

    /** Every update may bring rows (the group tables). */
    public TableState(TableView<T> table, Function<T, K> identity) {
        this(table, identity, () -> true);
    }

    /** @param arrivals whether the update being applied came from a poll; a new sort or filter only keeps the selection in view */
    public TableState(TableView<T> table, Function<T, K> identity, BooleanSupplier arrivals) {
        this.table = table;
        this.identity = identity;
        this.arrivals = arrivals;
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
        focusedIndex = table.getFocusModel().getFocusedIndex();
        focusedRow = rowAt(focusedIndex);
        anchorIndex = table.getProperties().get(ANCHOR) instanceof TablePosition<?, ?> anchor ? anchor.getRow() : -1;
        anchorRow = rowAt(anchorIndex);
        choosePin();
        if (!pinned || !arrivals.getAsBoolean()) {
            rowsAbove.set(0);
        }
        if (!arrivals.getAsBoolean()) {
            olderAbove.set(0);
        }
    }

    /** The row to hold on the screen: a visible selected row (the focused one first), else the first visible row if scrolled. */
    private void choosePin() {
        pinned = false;
        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        watchTop(flow);
        IndexedCell<?> first = flow == null ? null : flow.getFirstVisibleCell();
        IndexedCell<?> last = flow == null ? null : flow.getLastVisibleCell();
        if (first == null || last == null || first.getIndex() < 0 || first.getIndex() >= table.getItems().size()) {
            return;
        }
        int top = first.getIndex();
        int bottom = Math.min(last.getIndex(), table.getItems().size() - 1);
        int held = -1;
        int focused = table.getFocusModel().getFocusedIndex();
        if (focused >= top && focused <= bottom && table.getSelectionModel().isSelected(focused)) {
            held = focused;
        } else {
            for (int i : table.getSelectionModel().getSelectedIndices()) {
                if (i >= top && i <= bottom && (held < 0 || i < held)) {
                    held = i;
                }
            }
        }
        // a row the pointer may be about to click must not move: with the pointer over the table the top row is held too
        if (held < 0 && (top > 0 || table.isHover()) && arrivals.getAsBoolean()) {
            held = top;
        }
        if (held >= 0) {
            pinned = true;
            pinIndex = held;
            pinOffset = held - top;
            pinPixels = first.getLayoutY();
            pinRow = identity.apply(table.getItems().get(held));
        }
    }

    /** Whether the row is absent (nothing to follow) or still at its index. */
    private boolean stillAt(List<T> items, int i, K row) {
        return row == null || i >= 0 && i < items.size() && Objects.equals(identity.apply(items.get(i)), row);
    }

    private K rowAt(int i) {
        return i >= 0 && i < table.getItems().size() && table.getItems().get(i) != null ? identity.apply(table.getItems().get(i)) : null;
    }

    /** Rows that arrived above what is held on the screen; 0 when there are none or after {@link #showTop()}. */
    public ReadOnlyIntegerProperty rowsAboveProperty() {
        return rowsAbove.getReadOnlyProperty();
    }

    /** Rows above the held selection after a new filter or sort (not new ones); 0 when at the top or after {@link #showTop()}. */
    public ReadOnlyIntegerProperty olderAboveProperty() {
        return olderAbove.getReadOnlyProperty();
    }

    /** Scrolls to the first row, which shows what arrived above. */
    public void showTop() {
        rowsAbove.set(0);
        olderAbove.set(0);
        table.scrollTo(0);
    }

    /** Scrolling back to the first row by hand has shown what was above: the counts go. */
    private void watchTop(VirtualFlow<?> flow) {
        if (flow != null && flow != watchedFlow) {
            watchedFlow = flow;
            flow.positionProperty().addListener((obs, old, at) -> {
                if (!restoring && at.doubleValue() <= 0) {
                    rowsAbove.set(0);
                    olderAbove.set(0);
                }
            });
        }
    }

    @Override
    public void afterUpdate() {
        restoring = false;
        List<T> items = table.getItems();
        if (!arrivals.getAsBoolean() && !pinned) {
            table.scrollTo(0); // a new filter or sort with no selected row on screen starts at the top, not mid-list
        }
        boolean moved = pinned && (pinIndex >= items.size() || !Objects.equals(identity.apply(items.get(pinIndex)), pinRow));
        if (selected.isEmpty() && !moved && stillAt(items, focusedIndex, focusedRow) && stillAt(items, anchorIndex, anchorRow)) {
            if (anchorRow != null) {
                table.getProperties().put(ANCHOR, new TablePosition<>(table, anchorIndex, null)); // replacing the items may drop it
            }
            return; // the common case on a tick costs nothing on the FX thread
        }
        Map<K, Integer> index = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            index.put(identity.apply(items.get(i)), i);
        }
        restoreSelection(index);
        if (moved) {
            Integer now = index.get(pinRow);
            if (now == null) {
                // the held row is gone: a poll ended it (stay near where it was); a filter left it out (start at the top)
                table.scrollTo(arrivals.getAsBoolean() ? Math.min(pinIndex - pinOffset, Math.max(0, items.size() - 1)) : 0);
            } else {
                table.scrollTo(Math.max(0, now - pinOffset));
                // laid out now, not at the next pulse: until then the cells keep their old indexes, and a click in
                // between would select whatever row now holds the index of the row under the pointer
                table.layout();
                if (pinPixels < 0 && now - pinOffset >= 0 && watchedFlow != null) {
                    watchedFlow.scrollPixels(-pinPixels); // the same part-hidden top row, so not even a few pixels move
                }
                if (arrivals.getAsBoolean()) {
                    rowsAbove.set(Math.max(0, rowsAbove.get() + now - pinIndex));
                } else {
                    olderAbove.set(Math.max(0, now - pinOffset));
                }
            }
        }
    }

    private void restoreSelection(Map<K, Integer> index) {
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
            } else {
                // the anchor's row is gone: an index left behind would now name another row, so Shift extends from the focus
                table.getProperties().remove(ANCHOR);
            }
        } finally {
            restoring = false;
        }
    }
}
