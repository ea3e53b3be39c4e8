package com.sessionconsole.window;

import com.sessionconsole.ui.StandardAction;
import javafx.scene.Parent;

/** {@link StandardAction#QUIT}: closes the window. */
final class QuitAction {
    private final Parent root;

    QuitAction(Parent root) {
        this.root = root;
    }

    void execute() {
        root.getScene().getWindow().hide();
    }
}
