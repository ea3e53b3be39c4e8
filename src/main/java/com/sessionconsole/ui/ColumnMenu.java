package com.sessionconsole.ui;

import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseEvent;
import javafx.stage.Screen;

/**
 * The ⋮ button's column menu, opened right-aligned under the button and kept inside the screen. JavaFX opens
 * its own menu from the button's left edge, which at the right edge of a narrow window lies off-screen.
 */
public final class ColumnMenu {
    private ColumnMenu() {
    }

    public static void install(TableView<?> table) {
        table.skinProperty().addListener((obs, old, skin) -> {
            Node button = table.lookup(".show-hide-columns-button");
            if (button != null) {
                button.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
                    e.consume();
                    show(table, button);
                });
            }
        });
    }

    private static void show(TableView<?> table, Node button) {
        ContextMenu menu = new ContextMenu();
        for (TableColumn<?, ?> c : table.getColumns()) {
            CheckMenuItem item = new CheckMenuItem(c.getText());
            item.setMnemonicParsing(false);
            item.selectedProperty().bindBidirectional(c.visibleProperty());
            menu.getItems().add(item);
        }
        menu.show(button, Side.BOTTOM, 0, 0);
        Bounds b = button.localToScreen(button.getBoundsInLocal());
        Rectangle2D screen = Screen.getScreensForRectangle(b.getMinX(), b.getMinY(), 1, 1).stream().findFirst()
                .orElse(Screen.getPrimary()).getVisualBounds();
        menu.setX(Math.max(screen.getMinX(), Math.min(b.getMaxX(), screen.getMaxX()) - menu.getWidth()));
    }
}
