package com.sessionconsole.ui;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;

import java.util.function.BiFunction;

/**
 * The "N new … above ↑" pill of a table held still by its {@link TableState}. It has a strip of its own above the
 * table that is always there: floating over the rows it hid a cell, and a bar that appeared above the table would
 * push the rows down under the pointer. A click goes to the top.
 */
public final class RowsAbovePill {
    private final HBox strip = new HBox();

    /** @param text the pill's words for (rows that arrived above, rows a new filter or sort left above) */
    public RowsAbovePill(TableState<?, ?> state, String id, BiFunction<Integer, Integer, String> text, Runnable afterTop) {
        Button pill = new Button();
        pill.setId(id);
        pill.getStyleClass().add("new-rows-bar");
        pill.setMnemonicParsing(false);
        pill.textProperty().bind(Bindings.createStringBinding(() -> text.apply(state.rowsAboveProperty().get(),
                state.olderAboveProperty().get()), state.rowsAboveProperty(), state.olderAboveProperty()));
        pill.visibleProperty().bind(state.rowsAboveProperty().greaterThan(0).or(state.olderAboveProperty().greaterThan(0)));
        pill.setOnAction(e -> {
            state.showTop();
            afterTop.run();
        });
        strip.getStyleClass().add("new-rows-strip");
        strip.setAlignment(Pos.CENTER);
        strip.setMinHeight(30);
        strip.setPrefHeight(30);
        strip.setMaxHeight(30);
        strip.getChildren().add(pill);
    }

    public Node node() {
        return strip;
    }
}
