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
import javafx.scene.paint.Paint;
import javafx.scene.layout.Background;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TextField;
import com.sessionconsole.ui.CutTextCell;
import com.sessionconsole.ui.OddValues;
import com.sessionconsole.history.HistoryQuery;
import java.util.EnumMap;
import java.util.Map;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** One key's sessions, ended ones included: a table (active on top) and a timeline of each session's life. */
public final class HistoryView {
    private static final int MAX_BARS = 500;

    @FXML private Label title;
    @FXML private TableView<SessionHistory.Entry> table;
    @FXML private Pane timelineHolder;
    @FXML private FlowPane legend;
    @FXML private ChoiceBox<HistoryQuery.Kind> lookupKind;
    @FXML private TextField lookupKey;
    @FXML private Label lookupError;

    private final Parent root;
    private final HistoryViewModel vm;
    private final Canvas timeline = new Canvas();
    /** One swatch per way a session ends: the legend, and where the timeline takes its colours from (console.css). */
    private final Map<SessionHistory.Status, Region> swatches = new EnumMap<>(SessionHistory.Status.class);
    private final Label axis = new Label();

    public HistoryView(HistoryViewModel vm, ViewPrefs prefs, SessionCommands actions) {
        this.vm = vm;
        root = Fxml.load("HistoryView.fxml", this);
        lookupKind.getItems().setAll(HistoryQuery.Kind.values());
        lookupKind.setValue(HistoryQuery.Kind.USER);
        lookupKey.promptTextProperty().bind(lookupKind.valueProperty().map(HistoryView::prompt));
        lookupKey.textProperty().addListener((o, a, b) -> lookupError.setText(""));
        lookupKind.valueProperty().addListener((o, a, b) -> lookupError.setText(""));
        ((BorderPane) root).setBottom(new SessionCharts(vm.chartsProperty(), open -> { }, prefs,
                "history.charts", "this key's sessions active over time").node());
        table.setId("history-table");
        table.setFixedCellSize(26);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().add(status());
        table.getColumns().add(column("Created", 170, e -> TimeText.compact(e.session().createdAt())));
        table.getColumns().add(column("Ended", 170, e -> e.endedAt() == null ? "" : TimeText.compact(e.endedAt())));
        table.getColumns().add(column("Expires", 170, e -> TimeText.compact(e.session().expiresAt())));
        table.getColumns().add(middle(column("User", 230, e -> e.session().userId().toString())));
        table.getColumns().add(middle(column("Device", 130, e -> e.session().deviceId())));
        table.getColumns().add(column("IP", 150, e -> e.session().ipAddress()));
        column(6).setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(OddValues.ipShown(cd.getValue().session().ipAddress()))); // " 10.8.8.4 " shows its blanks
        table.getColumns().add(column("Location", 130, e -> e.session().location()));
        table.getColumns().add(column("Token", 95, e -> e.session().token().text()));
        table.setItems(vm.entries());
        SessionTable.fitWidestAddress(table.getColumns().get(6), table.getItems(), e -> e.session().ipAddress());
        // the times and the token are never cut: "2026-12-02 08:00 U…" or "a1b2…" reads as another value
        for (int i : new int[]{1, 2, 3, 8}) {
            TableColumn<SessionHistory.Entry, String> c = column(i);
            SessionTable.fitWidestText(c, table.getItems(), e -> c.getCellObservableValue(e).getValue());
        }
        table.getColumns().get(8).getStyleClass().add("mono");
        buildLegend();
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        SessionMenu.install(table, SessionHistory.Entry::session, actions);
        title.textProperty().bind(vm.titleProperty());
        swatches.values().forEach(sw -> sw.backgroundProperty().addListener((o, a, b) -> draw(vm.resultProperty().get()))); // a new theme
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
        g.setFill(axis.getTextFill());
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

    /** The colour console.css gives the status's swatch in the legend, so the bars follow the theme. */
    private Paint color(SessionHistory.Status s) {
        Background b = swatches.get(swatchOf(s)).getBackground();
        return b == null || b.getFills().isEmpty() ? axis.getTextFill() : b.getFills().get(b.getFills().size() - 1).getFill();
    }

    /** The flagged states (active by the flag, but expired, deleted or NULL) share one colour. */
    private static SessionHistory.Status swatchOf(SessionHistory.Status s) {
        return switch (s) {
            case ACTIVE, EXPIRED, REVOKED, DELETED -> s;
            default -> SessionHistory.Status.ACTIVE_NULL;
        };
    }

    private void buildLegend() {
        axis.getStyleClass().add("timeline-axis");
        Label caption = new Label("Timeline, created → ended:");
        caption.getStyleClass().add("timeline-axis");
        legend.getChildren().add(caption);
        legend.getChildren().add(axis);
        axis.setManaged(false);
        axis.setVisible(false); // only its text colour is used, for the axis labels drawn on the timeline
        for (SessionHistory.Status s : List.of(SessionHistory.Status.ACTIVE, SessionHistory.Status.EXPIRED, SessionHistory.Status.REVOKED,
                SessionHistory.Status.DELETED, SessionHistory.Status.ACTIVE_NULL)) {
            Region swatch = new Region();
            swatch.getStyleClass().addAll("timeline-swatch", "timeline-" + s.name().toLowerCase().replace('_', '-'));
            swatch.setMinSize(14, 10);
            swatch.setMaxSize(14, 10);
            swatches.put(s, swatch);
            Label l = new Label(s == SessionHistory.Status.ACTIVE_NULL ? "still flagged active: expired, deleted or NULL" : s.name().toLowerCase(),
                    swatch);
            l.setId("legend-" + s.name().toLowerCase());
            legend.getChildren().add(l);
        }
    }

    private static String prompt(HistoryQuery.Kind kind) {
        return kind == null ? "" : switch (kind) {
            case USER -> "3f2c9a1e-0b7d-4c55-9e0a-1d2b3c4d5e6f";
            case DEVICE -> "a device id, exactly as stored";
            case IP -> "10.8.8.4, 2001:db8::1 or 10.0.0.0/8";
            case TOKEN -> "sha256:3fa1c29b07d4";
        };
    }

    @FXML
    private void lookUp() {
        try {
            vm.lookUp(HistoryQuery.parse(lookupKind.getValue(), lookupKey.getText()));
            lookupError.setText("");
        } catch (IllegalArgumentException e) {
            lookupError.setText(e.getMessage());
        }
    }

    /** The History menu item: the lookup, ready for typing. */
    public void focusLookup() {
        lookupKey.requestFocus();
        lookupKey.selectAll();
    }

    @SuppressWarnings("unchecked")
    private TableColumn<SessionHistory.Entry, String> column(int i) {
        return (TableColumn<SessionHistory.Entry, String>) table.getColumns().get(i);
    }

    private static TableColumn<SessionHistory.Entry, String> column(String t, double width, Function<SessionHistory.Entry, String> f) {
        TableColumn<SessionHistory.Entry, String> c = new TableColumn<>(t);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(VisibleText.of(f.apply(cd.getValue()))));
        c.setCellFactory(col -> new CutTextCell<>(OverrunStyle.ELLIPSIS, ""));
        return c;
    }

    private static TableColumn<SessionHistory.Entry, String> middle(TableColumn<SessionHistory.Entry, String> c) {
        c.setCellFactory(col -> new CutTextCell<>(OverrunStyle.CENTER_ELLIPSIS, ""));
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
