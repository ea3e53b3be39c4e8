package com.sessionconsole.ui;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The one-line message under the filter bar: the last thing an action reported (revoked, exported, watched…). FX thread only. */
public final class Messages {
    /** Where a message can lead: the window offers a link there next to it. */
    public enum Link { NONE, AUDIT }

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Link> link = new ReadOnlyObjectWrapper<>(Link.NONE);

    public void show(String message) {
        show(message, Link.NONE);
    }

    public void show(String message, Link leadsTo) {
        text.set(message);
        link.set(leadsTo);
    }

    public void clear() {
        show("");
    }

    public ReadOnlyObjectProperty<Link> linkProperty() {
        return link.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }
}
