package com.sessionconsole.history.ui;

import com.sessionconsole.ui.Fxml;
import com.sessionconsole.ui.SessionCharts;
import com.sessionconsole.ui.TimeText;
import com.sessionconsole.ui.SessionCommands;
import com.sessionconsole.ui.SessionMenu;
import com.sessionconsole.ui.SessionTable;
import com.sessionconsole.ui.ViewPrefs;

import com.sessionconsole.domain.Timestamps;
import com.sessionconsole.domain.VisibleText;

import com.sessionconsole.history.SessionHistory;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** One key's sessions, ended ones included: a table (active on top) and a timeline of each session's life. */
public final class HistoryView {
    private static final int MAX_BARS = 500;

    @FXML private Label title;
    @FXML private TableView<SessionHistory.Entry> table;
    @FXML private Pane timelineHolder;

    private final Parent root;
    private final Canvas timeline = new Canvas();

    public HistoryView(HistoryViewModel vm, ViewPrefs prefs, SessionCommands actions) {
        root = Fxml.load("HistoryView.fxml", this);
        ((BorderPane) root).setBottom(new SessionCharts(vm.chartsProperty(), open -> { }, prefs,
                "history.charts", "this key's sessions active over time").node());
        table.setId("history-table");
        table.setFixedCellSize(26);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().add(status());
        table.getColumns().add(column("Created", 170, e -> TimeText.compact(e.session().createdAt())));
        table.getColumns().add(column("Ended", 170, e -> e.endedAt() == null ? "" : TimeText.compact(e.endedAt())));
        table.getColumns().add(column("Expires", 170, e -> TimeText.compact(e.session().expiresAt())));
        table.getColumns().add(column("User", 230, e -> e.session().userId().toString()));
        table.getColumns().add(column("Device", 130, e -> e.session().deviceId()));
        table.getColumns().add(column("IP", 150, e -> e.session().ipAddress()));
        table.getColumns().add(column("Location", 130, e -> e.session().location()));
        table.getColumns().add(column("Token", 95, e -> e.session().token().text()));
        table.setItems(vm.entries());
        SessionTable.fitWidestAddress(table.getColumns().get(6), table.getItems(), e -> e.session().ipAddress());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        SessionMenu.install(table, SessionHistory.Entry::session, actions);
        title.textProperty().bind(vm.titleProperty());
        timelineHolder.getChildren().add(timeline);
        timeline.widthProperty().bind(timelineHolder.widthProperty());
        timeline.heightProperty().bind(timelineHolder.heightProperty());
        Runnable draw = () -> draw(vm.resultProperty().get());
        vm.resultProperty().addListener((o, a, b) -> draw.run());
        timeline.widthProperty().addListener((o, a, b) -> draw.run());
        timeline.heightProperty().addListener((o, a, b) -> draw.run());
    }

    private void draw(SessionHistory.Result r) {
        GraphicsContext g = timeline.getGraphicsContext2D();
        double w = timeline.getWidth();
        double h = timeline.getHeight();
        g.clearRect(0, 0, w, h);
        if (r == null || r.entries().isEmpty() || w < 50) {
            return;
        }
        List<SessionHistory.Entry> bars = r.entries().subList(0, Math.min(MAX_BARS, r.entries().size()));
        Instant from = bars.stream().map(e -> e.session().createdAt()).filter(Timestamps::isFinite).min(Instant::compareTo).orElse(r.serverNow());
        Instant to = r.serverNow();
        double span = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
        double rowH = Math.min(12, (h - 20) / bars.size()); // every bar fits, however many
        g.setFill(Color.GRAY);
        g.fillText(TimeText.absolute(from), 4, h - 4);
        g.fillText("now", w - 30, h - 4);
        if (bars.size() < r.entries().size()) {
            g.fillText("timeline: first " + bars.size() + " of " + r.entries().size() + " sessions (active, then newest); the table lists all",
                    w / 4, h - 4);
        }
        for (int i = 0; i < bars.size(); i++) {
            SessionHistory.Entry e = bars.get(i);
            // an unknown or infinite start or end is drawn at the edge of the timeline
            Instant start = Timestamps.isFinite(e.session().createdAt()) ? e.session().createdAt() : from;
            Instant end = Timestamps.isFinite(e.endedAt()) && e.endedAt().isBefore(to) ? e.endedAt() : to;
            double x0 = (start.toEpochMilli() - from.toEpochMilli()) / span * (w - 8) + 4;
            double x1 = Math.max(x0 + 2, (end.toEpochMilli() - from.toEpochMilli()) / span * (w - 8) + 4);
            g.setFill(color(e.status()));
            g.fillRect(x0, 4 + i * rowH, Math.min(x1, w - 4) - x0, Math.max(0.6, rowH > 3 ? rowH - 1 : rowH));
        }
    }

    private static Color color(SessionHistory.Status s) {
        return switch (s) {
            case ACTIVE -> Color.web("#2da44e");
            case REVOKED -> Color.web("#cf222e");
            case DELETED -> Color.web("#8250df");
            case EXPIRED -> Color.web("#8c959f");
            default -> Color.web("#bf8700");
        };
    }

    private static TableColumn<SessionHistory.Entry, String> column(String t, double width, Function<SessionHistory.Entry, String> f) {
        TableColumn<SessionHistory.Entry, String> c = new TableColumn<>(t);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(VisibleText.of(f.apply(cd.getValue()))));
        return c;
    }

    private static TableColumn<SessionHistory.Entry, SessionHistory.Status> status() {
        TableColumn<SessionHistory.Entry, SessionHistory.Status> c = new TableColumn<>("Status");
        c.setPrefWidth(150);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().status()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(SessionHistory.Status s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.name().toLowerCase().replace('_', ' '));
                pseudoClassStateChanged(PseudoClass.getPseudoClass("high"), !empty && s != null && s.name().startsWith("ACTIVE_"));
            }
        });
        return c;
    }

    public Parent root() {
        return root;
    }
}
