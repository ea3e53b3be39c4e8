package com.sessionconsole.window;

import com.sessionconsole.window.WindowPlacement.Rect;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Remembered window bounds from a hostile or corrupt preferences file. */
class HostileRememberedBoundsTest {
    static final Rect SCREEN = new Rect(0, 0, 1920, 1050);
    static final Rect LEFT = new Rect(-1280, 0, 1280, 1024);

    private static void onScreenAndUsable(Rect placed, List<Rect> screens) {
        assertThat(List.of(placed.x(), placed.y(), placed.width(), placed.height())).allMatch(Double::isFinite);
        Rect s = screens.stream().filter(r -> r.overlap(placed) > 0).findFirst().orElseThrow(() -> new AssertionError("off every screen: " + placed));
        assertThat(placed.x()).isBetween(s.x(), s.x() + s.width() - placed.width());
        assertThat(placed.y()).isBetween(s.y(), s.y() + s.height() - placed.height());
        assertThat(placed.width()).as("width of %s", placed).isGreaterThanOrEqualTo(Math.min(400, s.width()));
        assertThat(placed.height()).as("height of %s", placed).isGreaterThanOrEqualTo(Math.min(300, s.height()));
    }

    @Test
    void nonFiniteNegativeAndHugeRememberedBoundsOpenAWholeWindowOnAScreen() {
        double[] values = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1, 0, -Double.MAX_VALUE, Double.MAX_VALUE, 1e308, -32000};
        List<Rect> screens = List.of(SCREEN, LEFT);
        for (double x : values) {
            for (double w : values) {
                onScreenAndUsable(WindowPlacement.place(new Rect(x, x, w, w), screens), screens);
                onScreenAndUsable(WindowPlacement.place(new Rect(x, 10, w, 800), screens), screens);
                onScreenAndUsable(WindowPlacement.place(new Rect(100, x, 1000, w), screens), screens);
            }
        }
    }

    /** A remembered size of a pixel (a corrupt or hostile prefs file) opened a 1x1 window, and its minimum size followed it. */
    @Test
    void aTinyRememberedSizeDoesNotOpenAnInvisibleWindow() {
        for (double tiny : new double[]{Double.MIN_VALUE, 1e-9, 1, 40}) {
            onScreenAndUsable(WindowPlacement.place(new Rect(100, 100, tiny, tiny), List.of(SCREEN)), List.of(SCREEN));
        }
    }
}
