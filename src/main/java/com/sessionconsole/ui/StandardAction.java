package com.sessionconsole.ui;

import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * Every action the console offers, by name: its label, its key and what it does. A context-menu entry, a menu-bar
 * item, a toolbar button and a detail-pane button that do the same thing name the same constant, and each constant
 * has one command class (in {@code window}, or here for the generic ones) that does it. A label with {@code %s}
 * takes what the action applies to ("History of this user").
 */
public enum StandardAction {
    SHOW_DETAIL("Details…", new KeyCodeCombination(KeyCode.ENTER), "Open the session in full"),
    COPY_VALUE("Copy value", null, "Copy the clicked cell"),
    COPY_ROWS("Copy rows", new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN), "Copy the selected rows, tab-separated"),
    COPY_ROW("Copy row", null, "Copy this session, tab-separated"),
    COPY_CSV("Copy as CSV", null, "Copy the selected rows as CSV with a header"),
    SHOW_HISTORY("History of this %s", null, "Every session, active or not, of this key"),
    LOOK_UP_HISTORY("History of a user, device, IP or token…", KeyCombination.valueOf("Shortcut+H"),
            "Every session of anyone, whether or not a session of theirs is still active"),
    WATCH("Watch this %s", null, "Notify when a new session of this key arrives"),
    WATCH_IP("Watch an IP or CIDR…", null, "IP address or CIDR network to watch (e.g. 203.0.113.0/24)"),
    REVOKE_SELECTED("Revoke selected sessions…", new KeyCodeCombination(KeyCode.DELETE), "Revoke the selected sessions"),
    REVOKE_SESSION("Revoke this session…", null, "Revoke this session"),
    REVOKE_GROUP("Revoke all sessions of this %s…", null, "Revoke every active session of the selected group"),
    REVOKE_FROM_VIEW("Revoke selected… (Delete)", null, "Revoke the selected sessions, or all sessions of the selected group (Delete)"),
    EXPORT_VIEW("Export current view…", KeyCombination.valueOf("Shortcut+E"), "Export the rows of the current view to CSV or JSON (Ctrl+E)"),
    FIND_TOKEN("Find token…", null, "Paste a session token to find its session; only a fingerprint is shown"),
    FIND("Find…", KeyCombination.valueOf("Shortcut+F"), "Put the keyboard in the search box"),
    REFRESH("Refresh now", new KeyCodeCombination(KeyCode.F5), "Refresh now (F5)"),
    TOGGLE_PAUSED("Pause / resume polling", KeyCombination.valueOf("Shortcut+P"), "Pause or resume live polling (Ctrl+P)"),
    CLEAR_FILTERS("Clear filters", KeyCombination.valueOf("Shortcut+Shift+L"), "Clear every filter and the pivot"),
    LOAD_ONLY_FILTERED("Load only the filtered sessions (IP, user, created, location; read on the server)", null,
            "Read only the sessions the server-side filters select"),
    LOAD_EVERYTHING("Load every active session", null, "Read every active session again"),
    TOGGLE_THEME("Dark theme", KeyCombination.valueOf("Shortcut+T"), "Light or dark theme (Ctrl+T)"),
    QUIT("Quit", KeyCombination.valueOf("Shortcut+Q"), "Close the window");

    private final String label;
    private final KeyCombination accelerator;
    private final String description;

    StandardAction(String label, KeyCombination accelerator, String description) {
        this.label = label;
        this.accelerator = accelerator;
        this.description = description;
    }

    public String label() {
        return label;
    }

    /** The label for what the action applies to, e.g. {@code SHOW_HISTORY.label("user")}. */
    public String label(String subject) {
        return label.formatted(subject);
    }

    /** The key, or null. */
    public KeyCombination accelerator() {
        return accelerator;
    }

    public String description() {
        return description;
    }

    /**
     * The label with its key named in the text. A context menu names its keys rather than setting accelerators:
     * a context menu's accelerators act scene-wide.
     */
    public String labelWithKey() {
        return accelerator == null ? label : label + "  (" + accelerator.getDisplayText() + ")";
    }

    /** A label for a revoke action: as is, or with why it is disabled. */
    public static String revokeLabel(String label, String disabledReason) {
        return disabledReason == null ? label : label + "  (disabled: " + disabledReason + ")";
    }

    /** Gives a menu-bar item this action's label and key. */
    public <T extends MenuItem> T decorate(T item) {
        item.setText(label);
        item.setMnemonicParsing(false);
        item.setAccelerator(accelerator);
        return item;
    }

    /** Makes a menu-bar item this action's: its label and key, running {@code command}. */
    public <T extends MenuItem> T applyTo(T item, Runnable command) {
        decorate(item).setOnAction(e -> command.run());
        return item;
    }
}
