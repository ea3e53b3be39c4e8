package com.sessionconsole.ui;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TableState promises that the Shift-anchor follows its row across updates, so rows arriving above
 * cannot silently widen a range the analyst then revokes. A plain TableView (no database involved: TableState is pure UI).
 */
@ExtendWith(ApplicationExtension.class)
class ShiftAnchorFollowsItsRowTest {
    TableView<String> table;
    TableState<String, String> state;

    @Start
    void start(Stage stage) {
        table = new TableView<>();
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        TableColumn<String, String> c = new TableColumn<>("row");
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        c.setPrefWidth(200);
        table.getColumns().add(c);
        table.setFixedCellSize(24);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add("r" + i);
        }
        table.getItems().setAll(rows);
        state = new TableState<>(table, s -> s, () -> true);
        stage.setScene(new Scene(table, 300, 500));
        stage.show();
    }

    private Node row(FxRobot robot, String item) {
        return robot.lookup(".table-row-cell").queryAll().stream()
                .filter(n -> n instanceof TableRow<?> r && item.equals(r.getItem())).findFirst().orElseThrow();
    }

    private void arriveAbove(FxRobot robot, List<String> arriving, String gone) {
        robot.interact(() -> {
            List<String> next = new ArrayList<>(arriving);
            table.getItems().stream().filter(s -> !s.equals(gone)).forEach(next::add);
            state.beforeUpdate();
            table.getItems().setAll(next);
            state.afterUpdate();
        });
    }

    /** Click r5, Ctrl+click it off again (the anchor stays on r5), rows arrive above, Shift+click r9: r5..r9, nothing above r5. */
    @Test
    void anEmptySelectionStillKeepsItsAnchorOnItsRowWhenRowsArriveAbove(FxRobot robot) {
        robot.clickOn(row(robot, "r5"));
        robot.press(KeyCode.CONTROL).clickOn(row(robot, "r5")).release(KeyCode.CONTROL);
        assertThat(table.getSelectionModel().getSelectedItems()).isEmpty();
        arriveAbove(robot, List.of("n0", "n1", "n2"), null);
        robot.press(KeyCode.SHIFT).clickOn(row(robot, "r9")).release(KeyCode.SHIFT);
        assertThat(table.getSelectionModel().getSelectedItems()).as("Shift+click range after rows arrived above")
                .containsExactly("r5", "r6", "r7", "r8", "r9");
    }

    /** Click r5, Shift+click r7; r5 is revoked (gone) while rows arrive above; Shift+click r9 must not reach rows above r6. */
    @Test
    void anAnchorWhoseRowIsGoneDoesNotStayOnAnIndexThatNowHoldsAnotherRow(FxRobot robot) {
        robot.clickOn(row(robot, "r5"));
        robot.press(KeyCode.SHIFT).clickOn(row(robot, "r7")).release(KeyCode.SHIFT);
        assertThat(table.getSelectionModel().getSelectedItems()).containsExactly("r5", "r6", "r7");
        arriveAbove(robot, List.of("n0", "n1", "n2"), "r5");
        assertThat(table.getSelectionModel().getSelectedItems()).containsExactly("r6", "r7");
        robot.press(KeyCode.SHIFT).clickOn(row(robot, "r9")).release(KeyCode.SHIFT);
        assertThat(table.getSelectionModel().getSelectedItems()).as("Shift+click range after the anchor row vanished")
                .doesNotContain("n0", "n1", "n2", "r0", "r1", "r2", "r3", "r4");
    }
}
