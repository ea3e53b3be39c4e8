package com.sessionconsole.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The real dialogs, owned by the console window. */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public boolean ask(String header, String text) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.NO, ButtonType.YES);
        a.initOwner(owner.get());
        a.setHeaderText(header);
        showWhole(a);
        // the safe answer is the default: Enter, or a stray Space on the focused button, must not say yes
        ((Button) a.getDialogPane().lookupButton(ButtonType.YES)).setDefaultButton(false);
        Button no = (Button) a.getDialogPane().lookupButton(ButtonType.NO);
        no.setDefaultButton(true);
        a.setOnShown(e -> no.requestFocus());
        return a.showAndWait().filter(b -> b == ButtonType.YES).isPresent();
    }

    /** The whole text, wrapped, never cut to "…": the dialog grows to fit it. */
    private static void showWhole(Alert a) {
        a.getDialogPane().setMinWidth(520);
        a.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        a.setResizable(true);
    }

    @Override
    public void inform(Severity severity, String header, String text) {
        Alert a = new Alert(switch (severity) {
            case INFO -> Alert.AlertType.INFORMATION;
            case WARNING -> Alert.AlertType.WARNING;
            case ERROR -> Alert.AlertType.ERROR;
        }, text);
        a.initOwner(owner.get());
        a.setHeaderText(header);
        showWhole(a);
        a.show();
    }

    @Override
    public Optional<String> askText(String header, String prompt, boolean secret) {
        Dialog<String> d = new Dialog<>();
        d.initOwner(owner.get());
        d.setHeaderText(header);
        TextField field = secret ? new PasswordField() : new TextField();
        field.setId(secret ? "secret-input" : "text-input");
        field.setPromptText(prompt);
        d.getDialogPane().setContent(field);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ButtonType.OK);
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(field.textProperty().isEmpty()); // nothing to look up yet
        d.setResultConverter(b -> b == ButtonType.OK ? field.getText() : null);
        d.setOnShown(e -> field.requestFocus());
        return d.showAndWait().filter(t -> !t.isBlank());
    }

    @Override
    public Optional<SaveTarget> saveFile(String title, String initialName, List<FileType> types) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(initialName);
        List<FileChooser.ExtensionFilter> filters = types.stream().map(t -> new FileChooser.ExtensionFilter(t.description(), t.pattern())).toList();
        chooser.getExtensionFilters().addAll(filters);
        File file = chooser.showSaveDialog(owner.get());
        FileChooser.ExtensionFilter chosen = chooser.getSelectedExtensionFilter();
        FileType type = types.get(chosen == null ? 0 : Math.max(0, filters.indexOf(chosen)));
        return Optional.ofNullable(file).map(f -> new SaveTarget(f.toPath(), type));
    }
}
