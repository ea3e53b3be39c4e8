package com.sessionconsole.ui;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The one-line message under the filter bar: the last thing an action reported (revoked, exported, watched…). FX thread only. */
public final class Messages {
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");

    public void show(String message) {
        text.set(message);
    }

    public void clear() {
        text.set("");
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }
}
