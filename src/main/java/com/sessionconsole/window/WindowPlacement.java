package com.sessionconsole.window;

import java.util.Comparator;
import java.util.List;

/**
 * Where the window opens: its first size fits the visual bounds (the screen less task bars) of the primary
 * screen; a remembered size and position are clamped to the screens that exist now, so a window saved on a
 * monitor that is gone, or larger than this screen, opens whole and on-screen.
 */
final class WindowPlacement {
    static final double PREFERRED_WIDTH = 1366;
    static final double PREFERRED_HEIGHT = 860;
    /** The least remembered size that is taken as it is, where the screen has room for it. */
    static final double MIN_WIDTH = 400;
    static final double MIN_HEIGHT = 300;

    record Rect(double x, double y, double width, double height) {
        double overlap(Rect o) {
            double w = Math.min(x + width, o.x + o.width) - Math.max(x, o.x);
            double h = Math.min(y + height, o.y + o.height) - Math.max(y, o.y);
            return w > 0 && h > 0 ? w * h : 0;
        }
    }

    private WindowPlacement() {
    }

    /**
     * @param remembered the last bounds, or null on the first start
     * @param screens    the visual bounds of every screen now, the primary first
     */
    static Rect place(Rect remembered, List<Rect> screens) {
        Rect primary = screens.get(0);
        if (remembered == null || !(remembered.width() > 0) || !(remembered.height() > 0)) {
            double w = Math.min(PREFERRED_WIDTH, primary.width());
            double h = Math.min(PREFERRED_HEIGHT, primary.height());
            return new Rect(primary.x() + (primary.width() - w) / 2, primary.y() + (primary.height() - h) / 2, w, h);
        }
        Rect screen = screens.stream().max(Comparator.comparingDouble(remembered::overlap)).filter(s -> s.overlap(remembered) > 0)
                .orElse(primary);
        // a remembered size below the minimum (a corrupt or edited prefs file) would open a window too small to see
        double w = Math.min(Math.max(remembered.width(), MIN_WIDTH), screen.width());
        double h = Math.min(Math.max(remembered.height(), MIN_HEIGHT), screen.height());
        double x = clamp(Double.isFinite(remembered.x()) ? remembered.x() : screen.x(), screen.x(), screen.x() + screen.width() - w);
        double y = clamp(Double.isFinite(remembered.y()) ? remembered.y() : screen.y(), screen.y(), screen.y() + screen.height() - h);
        return new Rect(x, y, w, h);
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(v, max));
    }
}
