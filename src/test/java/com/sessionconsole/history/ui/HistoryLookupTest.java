package com.sessionconsole.history.ui;

import com.sessionconsole.db.SessionWriter;
import com.sessionconsole.domain.NewSession;
import com.sessionconsole.domain.TokenFingerprint;
import com.sessionconsole.history.HistoryQuery;
import com.sessionconsole.support.Rows;
import com.sessionconsole.support.TestDatabase;
import com.sessionconsole.support.TestWorkspace;
import com.sessionconsole.support.WindowedConsole;
import com.sessionconsole.workspace.Workspace;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * History of anyone, from the History tab's lookup and the menu (Ctrl+H): a user, device, network or token whose
 * sessions have all ended is found in the window; the timeline has a legend; times and tokens are not cut.
 */
@ExtendWith(ApplicationExtension.class)
class HistoryLookupTest {
    TestDatabase db = TestDatabase.get();
    Workspace ws;
    WindowedConsole console;
    final UUID gone = UUID.randomUUID();
    final String token = "tok-history-lookup-" + UUID.randomUUID();

    @Start
    void start(Stage stage) throws Exception {
        SessionWriter writer = db.resetTable();
        ws = TestWorkspace.open(Files.createTempDirectory("console-history"));
        Instant now = ws.dao().serverTime();
        List<NewSession> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(Rows.active(gone, now).device("kiosk-gone-7").ip("10.9." + i + ".1").created(now.minusSeconds(86_400L * (i + 2)))
                    .expires(now.minusSeconds(3600)).build());
        }
        rows.add(Rows.active(UUID.randomUUID(), now).token(token).ip("10.9.7.7").isActive(false).build());
        rows.add(Rows.active(UUID.randomUUID(), now).ip("172.16.0.1").build());
        writer.insert(rows);
        console = WindowedConsole.open(stage, ws, "sessionconsole-history");
        stage.setWidth(1024);
        stage.setHeight(700);
    }

    @AfterEach
    void stop() {
        console.close();
        ws.close();
    }

    private void lookUp(FxRobot robot, HistoryQuery.Kind kind, String text) {
        robot.interact(() -> robot.lookup("#history-kind").queryAs(ChoiceBox.class).setValue(kind));
        TextField key = robot.lookup("#history-key").queryAs(TextField.class);
        robot.interact(() -> key.clear());
        robot.clickOn(key).write(text).type(KeyCode.ENTER);
    }

    private TableView<?> table(FxRobot robot) {
        return robot.lookup("#history-table").queryTableView();
    }

    @Test
    void theMenuOpensTheLookupAndAUserWithNoActiveSessionIsFound(FxRobot robot) throws Exception {
        WindowedConsole.await("first load", 20, () -> !console.vm.live().sessions().isEmpty());
        assertThat(console.vm.live().sessions()).noneMatch(s -> s.userId().equals(gone));
        robot.press(KeyCode.CONTROL, KeyCode.H).release(KeyCode.H, KeyCode.CONTROL);
        TextField key = robot.lookup("#history-key").queryAs(TextField.class);
        WindowedConsole.await("the lookup has the keyboard", 10, key::isFocused);
        robot.write(gone.toString()).type(KeyCode.ENTER);
        WindowedConsole.await("the user's history", 20, () -> table(robot).getItems().size() == 3);
        assertThat(robot.lookup("#history-title").queryLabeled().getText()).contains(gone.toString()).contains("3 sessions, 0 active");
        assertThat(robot.lookup("#timeline-legend").queryParent().getChildrenUnmodifiable()).hasSizeGreaterThan(4);
        assertThat(robot.lookup("#legend-active").queryLabeled().getText()).isEqualTo("active");
        assertThat(robot.lookup("#legend-revoked").queryLabeled().getText()).isEqualTo("revoked");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            for (String column : List.of("Created", "Ended", "Expires", "Token")) {
                List<TableCell<?, ?>> cells = new ArrayList<>(robot.from(table(robot)).lookup(".table-cell").match((TableCell<?, ?> c) ->
                        c.getTableColumn() != null && column.equals(c.getTableColumn().getText()) && c.isVisible() && !c.isEmpty()
                                && c.getText() != null && !c.getText().isEmpty()).queryAll());
                assertThat(cells).as(column).isNotEmpty();
                for (TableCell<?, ?> c : cells) {
                    String shown = c.lookup(".text") instanceof Text t ? t.getText() : c.getText();
                    assertThat(shown).as("%s is not cut at 1024 px", column).isEqualTo(c.getText());
                }
            }
        });
    }

    @Test
    void aDeviceANetworkAndATokenFingerprintAreLookedUpAndABadValueIsExplainedAtTheField(FxRobot robot) throws Exception {
        robot.clickOn("#tab-history");
        lookUp(robot, HistoryQuery.Kind.DEVICE, "kiosk-gone-7");
        WindowedConsole.await("the device's history", 20, () -> table(robot).getItems().size() == 3);
        lookUp(robot, HistoryQuery.Kind.IP, "10.9.0.0/16");
        WindowedConsole.await("the network's history", 20, () -> table(robot).getItems().size() == 4);
        assertThat(robot.lookup("#history-title").queryLabeled().getText()).contains("network 10.9.0.0/16");
        lookUp(robot, HistoryQuery.Kind.TOKEN, TokenFingerprint.of(token));
        WindowedConsole.await("the token's session", 20, () -> table(robot).getItems().size() == 1);
        assertThat(robot.lookup("#history-title").queryLabeled().getText()).contains(TokenFingerprint.of(token)).doesNotContain(token);
        lookUp(robot, HistoryQuery.Kind.IP, "10.9.0.0/33");
        assertThat(robot.lookup("#history-error").queryLabeled().getText()).contains("/33 is too long");
        assertThat(table(robot).getItems()).as("the last good lookup stays").hasSize(1);
        lookUp(robot, HistoryQuery.Kind.USER, "20000000-0000");
        assertThat(robot.lookup("#history-error").queryLabeled().getText()).contains("is not a user id");
    }

    @Test
    void queriesAreParsedStrictly() {
        assertThat(HistoryQuery.parse(HistoryQuery.Kind.TOKEN, " SHA256:ABCDEF0123 ").key()).isEqualTo("abcdef0123");
        assertThatThrownBy(() -> HistoryQuery.parse(HistoryQuery.Kind.TOKEN, "sha256:abc")).hasMessageContaining("8 to 64 hex digits");
        assertThatThrownBy(() -> HistoryQuery.parse(HistoryQuery.Kind.DEVICE, "  ")).hasMessageContaining("enter a device");
        assertThat(HistoryQuery.parse(HistoryQuery.Kind.DEVICE, " padded ").key()).as("a device is looked up as typed").isEqualTo(" padded ");
        assertThat(HistoryQuery.parse(HistoryQuery.Kind.IP, "10.0.0.0/8").describe()).isEqualTo("network 10.0.0.0/8");
    }
}
