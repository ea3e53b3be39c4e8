package com.sessionconsole.window;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import com.sessionconsole.ui.TimeText;
import com.sessionconsole.ui.ViewPrefs;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.css.PseudoClass;
import javafx.scene.Parent;
import javafx.scene.control.TableView;

import java.time.ZoneId;

/** The window's theme (light or dark) and the time zone every time is shown in, remembered in the preferences. */
final class Appearance {
    private final Parent root;
    private final ViewPrefs prefs;
    private final BooleanProperty dark = new SimpleBooleanProperty();
    private final BooleanProperty utc = new SimpleBooleanProperty();

    Appearance(Parent root, ViewPrefs prefs) {
        this.root = root;
        this.prefs = prefs;
        dark.set(prefs.getBoolean("theme.dark", false));
        dark.addListener((obs, old, isDark) -> applyTheme(isDark));
        applyTheme(dark.get());
        utc.set("UTC".equals(prefs.get("time.zone", "local")));
        utc.addListener((obs, old, isUtc) -> applyZone(isUtc));
        applyZone(utc.get());
    }

    BooleanProperty darkProperty() {
        return dark;
    }

    BooleanProperty utcProperty() {
        return utc;
    }

    void toggleTheme() {
        dark.set(!dark.get());
    }

    private void applyTheme(boolean isDark) {
        Application.setUserAgentStylesheet(isDark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        root.pseudoClassStateChanged(PseudoClass.getPseudoClass("dark"), isDark);
        prefs.putBoolean("theme.dark", isDark);
    }

    private void applyZone(boolean isUtc) {
        TimeText.useZone(isUtc ? ZoneId.of("UTC") : ZoneId.systemDefault());
        prefs.put("time.zone", isUtc ? "UTC" : "local");
        root.lookupAll(".table-view").forEach(t -> ((TableView<?>) t).refresh());
    }
}
