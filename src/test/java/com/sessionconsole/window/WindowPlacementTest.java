package com.sessionconsole.window;

import com.sessionconsole.window.WindowPlacement.Rect;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WindowPlacementTest {
    static final Rect SMALL = new Rect(0, 0, 1024, 672); // a 1024x700 screen less a 28 px panel
    static final Rect RIGHT = new Rect(1024, 0, 1920, 1050);

    @Test
    void theFirstWindowFitsTheScreenItOpensOn() {
        assertThat(WindowPlacement.place(null, List.of(SMALL))).isEqualTo(new Rect(0, 0, 1024, 672));
        Rect big = WindowPlacement.place(null, List.of(RIGHT));
        assertThat(big.width()).isEqualTo(WindowPlacement.PREFERRED_WIDTH);
        assertThat(big.x()).isBetween(RIGHT.x(), RIGHT.x() + RIGHT.width() - big.width());
    }

    @Test
    void aRememberedSizeLargerThanTheScreenIsClamped() {
        assertThat(WindowPlacement.place(new Rect(300, 200, 1600, 1000), List.of(SMALL))).isEqualTo(new Rect(0, 0, 1024, 672));
    }

    @Test
    void aWindowLeftOnAMonitorThatIsGoneComesBackOnThePrimary() {
        Rect onRight = new Rect(1500, 100, 1200, 800);
        assertThat(WindowPlacement.place(onRight, List.of(SMALL, RIGHT))).isEqualTo(onRight);
        assertThat(WindowPlacement.place(onRight, List.of(SMALL))).isEqualTo(new Rect(0, 0, 1024, 672));
    }

    @Test
    void aPartlyOffScreenWindowIsPulledBackWhole() {
        Rect placed = WindowPlacement.place(new Rect(-200, 500, 900, 600), List.of(SMALL));
        assertThat(placed).isEqualTo(new Rect(0, 72, 900, 600));
        assertThat(WindowPlacement.place(new Rect(Double.NaN, Double.NaN, 800, 600), List.of(SMALL))).isEqualTo(new Rect(0, 0, 800, 600));
    }
}
