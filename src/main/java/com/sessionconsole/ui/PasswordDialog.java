package com.sessionconsole.ui;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.PasswordField;

import java.util.Optional;
import java.util.concurrent.FutureTask;

/** Asks for the database password on the FX thread. The password is kept in memory only. */
public final class PasswordDialog {
    private final TaskRunner runner;

    public PasswordDialog(TaskRunner runner) {
        this.runner = runner;
    }

    /** Blocks the calling (non-FX) thread until the analyst answers. */
    public Optional<String> ask(String prompt) {
        FutureTask<Optional<String>> task = new FutureTask<>(() -> {
            Dialog<String> d = new Dialog<>();
            d.setTitle("Session Console");
            d.setHeaderText(prompt);
            PasswordField field = new PasswordField();
            field.setPromptText("never stored");
            d.getDialogPane().setContent(field);
            d.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ButtonType.OK);
            d.setResultConverter(b -> b == ButtonType.OK ? field.getText() : null);
            d.setOnShown(e -> field.requestFocus());
            return d.showAndWait();
        });
        runner.ui(task);
        try {
            return task.get();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
