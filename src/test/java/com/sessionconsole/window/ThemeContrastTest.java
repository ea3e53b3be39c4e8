package com.sessionconsole.window;

import com.sessionconsole.db.SessionWriter;
import com.sessionconsole.demo.SessionGenerator;
import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.NewSession;
import com.sessionconsole.domain.Session;
import com.sessionconsole.support.Rows;
import com.sessionconsole.support.TestDatabase;
import com.sessionconsole.support.TestWorkspace;
import com.sessionconsole.support.WindowedConsole;
import com.sessionconsole.workspace.Workspace;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.TableView;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A theme you can read: in the real window, styled by the real stylesheets (AtlantaFX Primer and console.css), every
 * piece of text on screen is checked against the background it is drawn on, in both themes and in every state the
 * console styles (new, selected, watched, invalid IP, low and out-of-range trust, future creation, the legend, the
 * DEMO badge, a filter error, the message line, each tab, the session detail and the revoke dialog). WCAG AA asks
 * 4.5:1 for text. And console.css names no colour of its own outside the variables at its top.
 */
@ExtendWith(ApplicationExtension.class)
class ThemeContrastTest {
    static final double AA = 4.5;
    TestDatabase db = TestDatabase.get();
    Workspace ws;
    WindowedConsole console;
    SessionWriter writer;
    Stage stage;
    Session watched;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        writer = db.resetTable();
        ws = TestWorkspace.open(Files.createTempDirectory("console-contrast"));
        Instant now = ws.dao().serverTime();
        List<NewSession> rows = new ArrayList<>();
        new SessionGenerator(3, 200, 120, now).rows().forEachRemaining(rows::add);
        rows.add(Rows.active(UUID.randomUUID(), now).ip(" 10.8.8.4 ").trust(5).created(now.plusSeconds(7200)).location("Oddtown, OD").build());
        rows.add(Rows.active(UUID.randomUUID(), now).ip("not-an-ip").trust(Integer.MAX_VALUE).location("Oddtown, OD").build());
        writer.insert(rows);
        console = WindowedConsole.openAsDemo(stage, ws, "sessionconsole-contrast");
        stage.setWidth(1600);
        stage.setHeight(1000);
    }

    @AfterEach
    void stop() {
        console.close();
        ws.close();
    }

    @Test
    void everyTextIsReadableOnItsBackgroundInBothThemes(FxRobot robot) throws Exception {
        TableView<Session> table = robot.lookup("#sessions-table").queryTableView();
        WindowedConsole.await("first load", 20, () -> table.getItems().size() > 100);
        watched = WaitForAsyncUtils.asyncFx(() -> table.getItems().get(2)).get();
        robot.interact(() -> console.vm.watchlist().watch(GroupBy.USER, watched.key(GroupBy.USER)));
        robot.clickOn("#filter-ip").write("10.0.0.0/33"); // a filter error: the field's ring and the line below the bar
        Map<String, Double> failures = new LinkedHashMap<>();
        int checked = 0;
        for (boolean dark : new boolean[]{false, true}) {
            if (dark) {
                robot.clickOn("#theme");
            }
            WaitForAsyncUtils.waitForFxEvents();
            checked += checkEveryTab(robot, table, dark ? "dark" : "light", failures);
        }
        assertThat(checked).as("texts checked").isGreaterThan(400);
        assertThat(failures).as("text below %.1f:1 against its background", AA).isEmpty();
    }

    private int checkEveryTab(FxRobot robot, TableView<Session> table, String theme, Map<String, Double> failures) throws Exception {
        int checked = 0;
        // new rows (green for one poll): caught while they are marked
        Instant now = ws.dao().serverTime();
        writer.insert(List.of(Rows.active(UUID.randomUUID(), now).created(now.plusSeconds(1)).location("Newtown-" + theme).build(),
                Rows.active(UUID.randomUUID(), now).created(now.plusSeconds(1)).ip("no-address").trust(3).location("Newtown-" + theme).build()));
        int[] fresh = new int[1];
        WindowedConsole.await("a new row is marked", 20, () -> {
            if (console.vm.live().freshProperty().get().isEmpty()) {
                return false;
            }
            fresh[0] = checkAll(theme + " sessions, new rows", failures);
            return true;
        });
        checked += fresh[0];
        robot.interact(() -> {
            table.getSelectionModel().clearAndSelect(1);
            table.requestFocus();
        });
        checked += checkOnFx(theme + " sessions, a row selected", failures);
        robot.clickOn("#filter-text").write("Oddtown");
        WindowedConsole.await("odd rows", 20, () -> table.getItems().size() == 2);
        checked += checkOnFx(theme + " odd values", failures);
        robot.interact(() -> table.getSelectionModel().clearAndSelect(0));
        checked += checkOnFx(theme + " odd values selected", failures);
        robot.interact(() -> {
            table.requestFocus();
            robot.type(javafx.scene.input.KeyCode.ENTER);
        });
        WindowedConsole.await("the detail", 10, () -> robot.lookup("#session-detail").tryQuery().isPresent());
        checked += checkOnFx(theme + " session detail", failures);
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        robot.interact(() -> table.requestFocus());
        robot.type(javafx.scene.input.KeyCode.DELETE);
        WindowedConsole.await("the revoke dialog", 10, () -> robot.lookup("#revoke-reason").tryQuery().isPresent());
        checked += checkOnFx(theme + " revoke dialog", failures);
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        robot.doubleClickOn("#filter-text").eraseText(7);
        for (String tab : List.of("user", "device", "ip", "findings", "history", "audit", "sessions")) {
            robot.clickOn("#tab-" + tab);
            if (tab.equals("user")) {
                robot.interact(() -> robot.lookup("#groups-user").queryTableView().getSelectionModel().clearAndSelect(0));
            }
            if (tab.equals("history")) {
                robot.interact(() -> console.vm.history().load(GroupBy.USER, watched.key(GroupBy.USER)));
                WindowedConsole.await("history", 20, () -> robot.lookup("#history-table").tryQuery()
                        .map(t -> !((TableView<?>) t).getItems().isEmpty()).orElse(true));
            }
            Thread.sleep(300);
            checked += checkOnFx(theme + " tab " + tab, failures);
        }
        return checked;
    }

    private int checkOnFx(String where, Map<String, Double> failures) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> checkAll(where, failures)).get();
    }

    /** Every visible text of every showing window against the background behind it. */
    private static int checkAll(String where, Map<String, Double> failures) {
        int n = 0;
        for (Window w : List.copyOf(Window.getWindows())) {
            if (!w.isShowing() || w.getScene() == null) {
                continue;
            }
            for (Node node : w.getScene().getRoot().lookupAll("*")) {
                if (node instanceof Text t && t.getText() != null && !t.getText().isBlank() && shown(t) && t.getFill() instanceof Color fg && fg.getOpacity() > 0) { // a transparent fill is hidden text (a prompt in a focused field)
                    double opacity = opacity(t);
                    Color bg = background(t.getParent(), w);
                    Color text = blend(fg.deriveColor(0, 1, 1, fg.getOpacity() * opacity), bg);
                    double ratio = contrast(text, bg);
                    n++;
                    if (ratio < AA) {
                        failures.putIfAbsent(where + ": " + describe(t) + " " + hex(text) + " on " + hex(bg), Math.round(ratio * 100) / 100.0);
                    }
                }
            }
        }
        return n;
    }

    private static boolean shown(Node n) {
        for (Node x = n; x != null; x = x.getParent()) {
            if (!x.isVisible() || x.isDisabled() || x.getOpacity() == 0) {
                return false;
            }
        }
        return n.getScene() != null && n.localToScene(n.getBoundsInLocal()).getWidth() > 0;
    }

    private static double opacity(Node n) {
        double o = 1;
        for (Node x = n; x != null; x = x.getParent()) {
            o *= x.getOpacity();
        }
        return o;
    }

    /** The colour behind a node: the fills of its ancestors laid over each other, down to the scene's fill. */
    private static Color background(Parent p, Window w) {
        List<Region> chain = new ArrayList<>();
        for (Node x = p; x != null; x = x.getParent()) {
            if (x instanceof Region r) {
                chain.add(0, r);
            }
        }
        Color c = w.getScene().getFill() instanceof Color f ? f : Color.WHITE;
        for (Region r : chain) {
            Background b = r.getBackground();
            if (b == null) {
                continue;
            }
            for (BackgroundFill f : b.getFills()) {
                Color fill = colour(f.getFill());
                if (fill != null) {
                    c = blend(fill, c);
                }
            }
        }
        return c;
    }

    private static Color colour(Paint p) {
        if (p instanceof Color c) {
            return c;
        }
        if (p instanceof LinearGradient g && !g.getStops().isEmpty()) {
            return g.getStops().get(0).getColor();
        }
        return null;
    }

    private static Color blend(Color top, Color under) {
        double a = top.getOpacity();
        return Color.color(top.getRed() * a + under.getRed() * (1 - a), top.getGreen() * a + under.getGreen() * (1 - a),
                top.getBlue() * a + under.getBlue() * (1 - a));
    }

    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static String hex(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }

    private static String describe(Text t) {
        StringBuilder sb = new StringBuilder("'" + (t.getText().length() > 30 ? t.getText().substring(0, 30) + "…" : t.getText()) + "' in");
        Node x = t.getParent();
        for (int i = 0; i < 3 && x != null; i++, x = x.getParent()) {
            sb.append(' ').append(x.getTypeSelector()).append(x.getId() == null ? "" : "#" + x.getId()).append(x.getStyleClass())
                    .append(x.getPseudoClassStates());
        }
        return sb.toString();
    }

    @Test
    void wcagContrastIsComputedAsTheStandardSays() {
        assertThat(contrast(Color.BLACK, Color.WHITE)).isEqualTo(21.0);
        assertThat(contrast(Color.web("#777777"), Color.WHITE)).isBetween(4.47, 4.49); // the usual example: just below AA
        assertThat(contrast(Color.web("#cf222e"), Color.WHITE)).isGreaterThan(AA);
    }

    /** Every colour in console.css comes from a variable: a literal is allowed only where a -sc- variable is defined from the theme's. */
    @Test
    void consoleCssNamesNoColourOutsideItsVariables() throws IOException {
        String css;
        try (InputStream in = Objects.requireNonNull(ThemeContrastTest.class.getResourceAsStream("/com/sessionconsole/ui/console.css"))) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?s)/\\*.*?\\*/", "");
        }
        Pattern declaration = Pattern.compile("([-a-z]+)\\s*:\\s*([^;{}]+);");
        Pattern literal = Pattern.compile("#[0-9a-fA-F]{3,8}\\b|rgba?\\(|hsba?\\(|\\b(white|black|red|green|blue|gray|grey|orange|purple|yellow)\\b");
        List<String> literals = new ArrayList<>();
        Matcher m = declaration.matcher(css);
        while (m.find()) {
            if (!m.group(1).startsWith("-sc-") && literal.matcher(m.group(2)).find()) {
                literals.add(m.group(1) + ": " + m.group(2).trim());
            }
        }
        assertThat(literals).as("colours written out instead of taken from a variable").isEmpty();
    }
}
