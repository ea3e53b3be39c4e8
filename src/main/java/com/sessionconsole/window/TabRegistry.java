package com.sessionconsole.window;

import com.sessionconsole.domain.GroupBy;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The tabs by name instead of by index: adding a tab never shifts what a shortcut or a pivot selects. Showing a tab
 * puts the keyboard in its table.
 */
final class TabRegistry {
    private final TabPane pane;
    private final Map<ConsoleTab, Tab> tabs = new EnumMap<>(ConsoleTab.class);

    TabRegistry(TabPane pane) {
        this.pane = pane;
    }

    /** Adds the tabs in {@link ConsoleTab} order; call once per tab, in that order. */
    Tab add(ConsoleTab which, Node content) {
        Tab tab = new Tab(which.title(), content);
        tab.setId(which.nodeId());
        tabs.put(which, tab);
        pane.getTabs().add(tab);
        return tab;
    }

    void select(ConsoleTab which) {
        pane.getSelectionModel().select(tabs.get(which));
    }

    /** Selects the tab and puts the keyboard in its table. */
    void show(ConsoleTab which) {
        select(which);
        focusTable();
    }

    /** The keyboard starts in the table (not on the toolbar's first button, where Space would refresh). */
    void focusTable() {
        currentTable().ifPresent(TableView::requestFocus);
    }

    /** Down from the search box: into the table of the current tab, on its first row when none is selected. */
    void focusCurrentTable() {
        currentTable().ifPresent(table -> {
            table.requestFocus();
            if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
                table.getSelectionModel().select(0);
                table.getFocusModel().focus(0);
            }
        });
    }

    /** The first table of the tab on show (a group view's is its summary table). */
    private Optional<TableView<?>> currentTable() {
        Tab tab = pane.getSelectionModel().getSelectedItem();
        return tab != null && tab.getContent() != null && tab.getContent().lookup(".table-view") instanceof TableView<?> t
                ? Optional.of(t) : Optional.empty();
    }

    ConsoleTab current() {
        Tab selected = pane.getSelectionModel().getSelectedItem();
        return tabs.entrySet().stream().filter(e -> e.getValue() == selected).map(Map.Entry::getKey).findFirst().orElse(ConsoleTab.SESSIONS);
    }

    /** The group the selected tab shows; null when it is not a group tab. */
    GroupBy currentGroup() {
        return current().group();
    }

    void onSelected(Consumer<ConsoleTab> listener) {
        pane.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> listener.accept(current()));
    }

    void onShown(ConsoleTab which, Consumer<Boolean> listener) {
        Tab tab = tabs.get(which);
        tab.setOnSelectionChanged(e -> listener.accept(tab.isSelected()));
    }
}
