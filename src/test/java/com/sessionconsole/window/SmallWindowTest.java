package com.sessionconsole.window;

import com.sessionconsole.db.SessionWriter;
import com.sessionconsole.demo.SessionGenerator;
import com.sessionconsole.domain.NewSession;
import com.sessionconsole.domain.ReplicaLag;
import com.sessionconsole.live.PollEvent;
import com.sessionconsole.live.SessionDelta;
import com.sessionconsole.live.Snapshot;
import com.sessionconsole.support.TestDatabase;
import com.sessionconsole.support.TestWorkspace;
import com.sessionconsole.support.WindowedConsole;
import com.sessionconsole.workspace.Workspace;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Small windows and wide values: at 900x700 and 1024x700, with a replica-lag message far longer than the status
 * bar, nothing makes the content wider than the window: the DEMO badge, the end of the filter bar (Device,
 * Location, Clear), the table's last column and the row legend (or its stand-in) are all inside it, and the long
 * message ends in "…" with the whole of it in its tooltip.
 */
@ExtendWith(ApplicationExtension.class)
class SmallWindowTest {
    static final String LONG_PROBLEM = "the standby at replica-eu-west-1.db.internal.example.com:5432 is not streaming (no WAL receiver); "
            + "its last replayed commit is 2 h 14 min old and the primary is 1.2 GB ahead; replay was paused with pg_wal_replay_pause()";
    TestDatabase db = TestDatabase.get();
    Workspace ws;
    WindowedConsole console;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        SessionWriter writer = db.resetTable();
        ws = TestWorkspace.open(Files.createTempDirectory("console-small"));
        List<NewSession> rows = new ArrayList<>();
        new SessionGenerator(11, 100, 60, ws.dao().serverTime()).rows().forEachRemaining(rows::add);
        writer.insert(rows);
        console = WindowedConsole.openAsDemo(stage, ws, "sessionconsole-small");
    }

    @AfterEach
    void stop() {
        console.close();
        ws.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {900, 1024})
    void nothingIsWiderThanTheWindowAndEveryEndIsReachable(int width, FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#sessions-table").queryTableView();
        WindowedConsole.await("first load", 20, () -> !table.getItems().isEmpty());
        robot.interact(() -> {
            console.vm.status().togglePaused(); // no real poll after the lagging one below
            stage.setWidth(width);
            stage.setHeight(700);
        });
        Snapshot s = WaitForAsyncUtils.asyncFx(() -> console.vm.live().feed().snapshot()).get();
        console.vm.live().feed().accept(new PollEvent.Updated(Long.MAX_VALUE / 2, PollEvent.Kind.POLL, s,
                new SessionDelta(List.of(), java.util.Set.of(), s.serverNow(), false), s.version(), Instant.now(),
                Duration.ofMillis(12), new ReplicaLag(1_288_490_188L, 8040.0, true, LONG_PROBLEM)));
        Label replica = robot.lookup("#status-replica").queryAs(Label.class);
        WindowedConsole.await("the lag is shown", 10, () -> replica.getText().contains("replica-eu-west-1"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            double sceneWidth = stage.getScene().getWidth();
            assertThat(stage.getScene().getRoot().minWidth(-1)).as("the content's minimum width").isLessThanOrEqualTo(sceneWidth);
            assertThat(stage.getScene().getRoot().getLayoutBounds().getWidth()).isLessThanOrEqualTo(sceneWidth);
            for (String id : List.of("#demo-badge", "#theme", "#filter-device", "#filter-location", "#filter-clear", "#status-count")) {
                Node n = robot.lookup(id).query();
                assertThat(n.isVisible()).as(id).isTrue();
                assertThat(right(n)).as("%s ends inside the %d px window", id, width).isLessThanOrEqualTo(sceneWidth + 0.5);
            }
            TableColumn<?, ?> last = table.getVisibleLeafColumns().get(table.getVisibleLeafColumns().size() - 1);
            double columns = table.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getWidth).sum();
            assertThat(last.getText()).isEqualTo("Token");
            assertThat(columns).as("every column inside the table").isLessThanOrEqualTo(table.getWidth());
            assertThat(right(table)).isLessThanOrEqualTo(sceneWidth + 0.5);
            Node legend = robot.lookup("#row-legend").query().isVisible() ? robot.lookup("#row-legend").query() : robot.lookup("#row-legend-short").query();
            assertThat(legend.isVisible()).as("the row legend or its stand-in").isTrue();
            assertThat(right(legend)).isLessThanOrEqualTo(sceneWidth + 0.5);
            assertThat(replica.getTooltip().getText()).as("the whole message on hover").contains(LONG_PROBLEM);
            assertThat(right(replica)).isLessThanOrEqualTo(sceneWidth + 0.5);
        });
    }

    private static double right(Node n) {
        Bounds b = n.localToScene(n.getBoundsInLocal());
        return b.getMaxX();
    }
}
