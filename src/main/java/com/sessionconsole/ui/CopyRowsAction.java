package com.sessionconsole.ui;

import com.sessionconsole.domain.Session;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

import java.util.List;

/** {@link StandardAction#COPY_ROWS}, {@link StandardAction#COPY_ROW} and {@link StandardAction#COPY_CSV}: sessions to the clipboard. */
public final class CopyRowsAction {
    private CopyRowsAction() {
    }

    /** Tab-separated, with a header row when there is more than one. */
    public static void execute(List<Session> rows) {
        copy(SessionCopyText.tsv(rows));
    }

    public static void asCsv(List<Session> rows) {
        copy(SessionCopyText.csv(rows));
    }

    /** Puts the text on the system clipboard. */
    public static void copy(String text) {
        if (!text.isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        }
    }
}
