package com.sessionconsole.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The dialogs a ViewModel may ask for, without touching the scene graph: the window shows real ones,
 * tests answer them directly. The revoke confirmation has its own, {@code RevokeConfirmer}. Every method is called on the FX thread; all but {@code inform} wait for the answer.
 */
public interface DialogService {
    enum Severity { INFO, WARNING, ERROR }

    /** A yes/no question; true for yes. */
    boolean ask(String header, String text);

    void inform(Severity severity, String header, String text);

    /** A line of text (a token, an IP); empty if cancelled. {@code secret} hides what is typed. */
    Optional<String> askText(String header, String prompt, boolean secret);

    /** A file type a save dialog offers: its description and its pattern ("*.csv"). */
    record FileType(String description, String pattern) {
    }

    /** The file to write and the offered type the analyst chose for it. */
    record SaveTarget(Path file, FileType type) {
    }

    /** Where to save an export, offering {@code types} (the first preselected); empty if cancelled. */
    Optional<SaveTarget> saveFile(String title, String initialName, List<FileType> types);
}
