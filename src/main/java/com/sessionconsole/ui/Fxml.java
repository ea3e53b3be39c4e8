package com.sessionconsole.ui;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Loads a view's FXML with the view object itself as its controller. */
public final class Fxml {
    private Fxml() {
    }

    /** {@code name} is resolved next to the controller's class, so each view's FXML sits beside it. */
    public static Parent load(String name, Object controller) {
        FXMLLoader loader = new FXMLLoader(controller.getClass().getResource(name));
        loader.setController(controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + name, e);
        }
    }
}
