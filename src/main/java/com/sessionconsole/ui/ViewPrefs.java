package com.sessionconsole.ui;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** Window size, theme, column widths, interval and last filters, kept with java.util.prefs. Never secrets. */
public final class ViewPrefs {
    private final Preferences node;

    public ViewPrefs(Preferences node) {
        this.node = node;
    }

    public static ViewPrefs standard() {
        String suffix = System.getProperty("session-console.prefs", "");
        return new ViewPrefs(Preferences.userRoot().node("com/sessionconsole" + suffix));
    }

    public double getDouble(String key, double def) {
        return node.getDouble(key, def);
    }

    public void putDouble(String key, double value) {
        node.putDouble(key, value);
    }

    public String get(String key, String def) {
        return node.get(key, def);
    }

    public void put(String key, String value) {
        node.put(key, value == null ? "" : value);
    }

    public boolean getBoolean(String key, boolean def) {
        return node.getBoolean(key, def);
    }

    public void putBoolean(String key, boolean value) {
        node.putBoolean(key, value);
    }

    public void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // Preferences are a convenience; losing them must not stop the console.
        }
    }
}
