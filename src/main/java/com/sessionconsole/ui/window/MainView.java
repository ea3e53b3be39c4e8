package com.sessionconsole.ui.window;

import com.sessionconsole.ui.Fxml;
import com.sessionconsole.ui.ViewPrefs;

import com.sessionconsole.audit.ui.AuditView;
import com.sessionconsole.audit.ui.AuditViewModel;
import com.sessionconsole.findings.ui.FindingsView;
import com.sessionconsole.findings.ui.FindingsViewModel;
import com.sessionconsole.history.ui.HistoryView;
import com.sessionconsole.history.ui.HistoryViewModel;
import com.sessionconsole.live.ui.ConsoleViewModel;
import com.sessionconsole.live.ui.FilterViewModel;
import com.sessionconsole.live.ui.GroupView;
import com.sessionconsole.live.ui.SessionsView;
import com.sessionconsole.revoke.ui.RevokeDialog;
import com.sessionconsole.revoke.ui.RevokePlan;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.RevokeResult;
import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.VisibleText;
import com.sessionconsole.revoke.RevocationService;
import com.sessionconsole.live.FilterParser;
import javafx.application.Application;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import atlantafx.base.controls.CustomTextField;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The console window's content: menus, toolbar, filter bar, the four views, and the status bar. */
public final class MainView {
    private static final List<Duration> INTERVALS = List.of(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofSeconds(60));

    @FXML private BorderPane root;
    @FXML private MenuBar menuBar;
    @FXML private ToolBar toolBar;
    @FXML private FlowPane filterBar;
    @FXML private TabPane tabs;
    @FXML private HBox messageBar;
    @FXML private Label filterErrors;
    @FXML private Label pivotLabel;
    @FXML private Label revokeMessage;
    @FXML private Label connectionStatus;
    @FXML private Label refreshStatus;
    @FXML private Label countStatus;
    @FXML private Label errorStatus;
    @FXML private Label replicaStatus;

    private final ConsoleViewModel vm;
    private final HistoryViewModel historyVm;
    private Tab historyTab;
    private final ViewPrefs prefs;
    private final boolean demo;
    private final SessionsView sessionsView;
    private final Map<GroupBy, GroupView> groupViews = new EnumMap<>(GroupBy.class);
    private final Map<GroupBy, Tab> groupTabs = new EnumMap<>(GroupBy.class);
    private final CheckMenuItem darkTheme = new CheckMenuItem("Dark theme");
    private TextField searchField;
    private Tab sessionsTab;

    public MainView(ConsoleViewModels models, ViewPrefs prefs, boolean demo) {
        this.vm = models.console();
        FindingsViewModel findingsVm = models.findings();
        AuditViewModel auditVm = models.audit();
        this.historyVm = models.history();
        this.prefs = prefs;
        this.demo = demo;
        Fxml.load("MainView.fxml", this);
        sessionsView = new SessionsView(vm, prefs, this::confirmRevoke, this::showTab, this::showHistory);
        sessionsTab = new Tab("Sessions", sessionsView.root());
        sessionsTab.setId("tab-sessions");
        tabs.getTabs().add(sessionsTab);
        for (GroupBy by : GroupBy.values()) {
            GroupView gv = new GroupView(by, vm, prefs, this::confirmRevokeGroup, this::confirmRevoke, this::showTab, this::showHistory);
            groupViews.put(by, gv);
            Tab tab = new Tab("By " + by.label(), gv.root());
            tab.setId("tab-" + by.name().toLowerCase());
            groupTabs.put(by, tab);
            tabs.getTabs().add(tab);
        }
        Tab findingsTab = new Tab("Findings", new FindingsView(findingsVm, vm, prefs, this::execute, () -> showTab(null)).root());
        findingsTab.setId("tab-findings");
        findingsTab.setOnSelectionChanged(e -> findingsVm.setVisible(findingsTab.isSelected()));
        tabs.getTabs().add(findingsTab);
        historyTab = new Tab("History", new HistoryView(historyVm, prefs).root());
        historyTab.setId("tab-history");
        tabs.getTabs().add(historyTab);
        Tab audit = new Tab("Audit", new AuditView(auditVm).root());
        audit.setId("tab-audit");
        audit.setOnSelectionChanged(e -> {
            if (audit.isSelected()) {
                auditVm.reload();
            }
        });
        tabs.getTabs().add(audit);
        vm.lastOutcomeProperty().addListener((obs, old, outcome) -> auditVm.reload());
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> vm.setVisibleGroup(groupTabs.entrySet().stream()
                .filter(e -> e.getValue() == tab).map(Map.Entry::getKey).findFirst().orElse(null)));
        buildFilterBar();
        buildToolBar();
        buildMenus();
        bindStatus();
        javafx.scene.control.ProgressBar exportBar = new javafx.scene.control.ProgressBar();
        exportBar.progressProperty().bind(vm.exportProgressProperty());
        Button cancelExport = new Button("Cancel export");
        cancelExport.setOnAction(e -> vm.cancelExport());
        HBox exporting = new HBox(6, new Label("Exporting…"), exportBar, cancelExport);
        exporting.setAlignment(Pos.CENTER_LEFT);
        exporting.visibleProperty().bind(vm.exportProgressProperty().greaterThanOrEqualTo(0));
        exporting.managedProperty().bind(exporting.visibleProperty());
        messageBar.getChildren().add(exporting);
        messageBar.managedProperty().bind(filterErrors.textProperty().isNotEmpty().or(vm.pivotProperty().isNotNull())
                .or(vm.messageProperty().isNotEmpty()).or(exporting.visibleProperty()));
        messageBar.visibleProperty().bind(messageBar.managedProperty());
        vm.lastOutcomeProperty().addListener((obs, old, outcome) -> {
            if (outcome != null && outcome.auditError() != null) {
                alert(Alert.AlertType.ERROR, "Revoke done, audit log NOT written", outcome.auditError());
            } else if (outcome != null && !outcome.result().appearedAfter().isEmpty()) {
                offerAppeared(outcome);
            }
        });
        applyTheme(prefs.getBoolean("theme.dark", false));
    }

    public Parent root() {
        return root;
    }

    public TextField searchField() {
        return searchField;
    }

    // ---- filter bar ----------------------------------------------------------------------------

    private void buildFilterBar() {
        FilterViewModel f = vm.filter();
        CustomTextField search = new CustomTextField();
        search.setLeft(new FontIcon("mdi2m-magnify"));
        search.setPromptText("user, device, IP, location, agent (Ctrl+F)");
        search.setPrefColumnCount(20);
        search.setId("filter-text");
        searchField = search;
        filterBar.getChildren().add(field(search, FilterParser.Field.TEXT));
        filterBar.getChildren().add(field(small("10.0.0.0/8, 2001:db8::/32", 12, "filter-ip"), FilterParser.Field.IP));
        filterBar.getChildren().add(field(small("0–100", 3, "filter-trust"), FilterParser.Field.MAX_TRUST));
        filterBar.getChildren().add(field(small("30m, 2h", 5, "filter-created"), FilterParser.Field.CREATED_WITHIN));
        filterBar.getChildren().add(field(small("1h, 1d", 5, "filter-expires"), FilterParser.Field.EXPIRES_WITHIN));
        filterBar.getChildren().add(field(small("user id", 8, "filter-user"), FilterParser.Field.USER));
        filterBar.getChildren().add(field(small("device", 6, "filter-device"), FilterParser.Field.DEVICE));
        filterBar.getChildren().add(field(small("city, CC", 6, "filter-location"), FilterParser.Field.LOCATION));
        Button clear = new Button("Clear", new FontIcon("mdi2f-filter-remove-outline"));
        clear.setOnAction(e -> {
            f.clear();
            vm.clearPivot();
        });
        clear.setTooltip(new Tooltip("Clear all filters (Esc in the search box)"));
        filterBar.getChildren().add(clear);
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                f.clear();
                vm.clearPivot();
            }
        });
        filterErrors.textProperty().bind(f.errorSummaryProperty());
        filterErrors.setId("filter-errors");
        for (FilterParser.Field field : FilterParser.Field.values()) {
            String saved = prefs.get("filter." + field, "");
            f.input(field).set(saved);
            f.input(field).addListener((obs, old, now) -> prefs.put("filter." + field, now));
        }
        pivotLabel.textProperty().bind(vm.pivotProperty().map(p -> "Showing only " + p.describe() + "  ✕").orElse(""));
        pivotLabel.visibleProperty().bind(vm.pivotProperty().isNotNull());
        pivotLabel.managedProperty().bind(pivotLabel.visibleProperty());
        pivotLabel.setOnMouseClicked(e -> vm.clearPivot());
        pivotLabel.setTooltip(new Tooltip("Click to show every session again"));
    }

    private static TextField small(String prompt, int columns, String id) {
        TextField t = new TextField();
        t.setPromptText(prompt);
        t.setPrefColumnCount(columns);
        t.setId(id);
        return t;
    }

    private VBox field(TextField input, FilterParser.Field field) {
        FilterViewModel f = vm.filter();
        input.textProperty().bindBidirectional(f.input(field));
        Label caption = new Label(FilterViewModel.label(field));
        caption.getStyleClass().add("filter-caption");
        Label error = new Label();
        error.getStyleClass().add("field-error");
        error.setId(input.getId() + "-error");
        // Short under the field (so the bar keeps its layout); the full message is in the line below the bar.
        error.textProperty().bind(f.error(field).map(e -> e.isEmpty() ? "" : "✕ invalid"));
        error.visibleProperty().bind(f.error(field).isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        input.setMaxWidth(Region.USE_PREF_SIZE);
        f.error(field).addListener((obs, old, now) -> {
            input.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), !now.isEmpty());
            input.setTooltip(now.isEmpty() ? null : new Tooltip(now));
        });
        VBox box = new VBox(2, caption, input, error);
        box.setFillWidth(false);
        box.setAlignment(Pos.TOP_LEFT);
        return box;
    }

    // ---- toolbar and menus ---------------------------------------------------------------------

    private void buildToolBar() {
        Button refresh = new Button("Refresh", new FontIcon("mdi2r-refresh"));
        refresh.setId("refresh");
        refresh.setOnAction(e -> vm.refreshNow());
        refresh.setTooltip(new Tooltip("Refresh now (F5)"));
        Button pause = new Button();
        pause.setId("pause");
        pause.textProperty().bind(vm.pausedProperty().map(p -> p ? "Resume" : "Pause"));
        pause.graphicProperty().bind(vm.pausedProperty().map(p -> new FontIcon(p ? "mdi2p-play" : "mdi2p-pause")));
        pause.setOnAction(e -> vm.togglePaused());
        pause.setTooltip(new Tooltip("Pause or resume live polling (Ctrl+P)"));
        ComboBox<Duration> interval = new ComboBox<>();
        interval.getItems().setAll(INTERVALS);
        interval.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Duration d) {
                return d == null ? "" : "every " + d.toSeconds() + " s";
            }

            @Override
            public Duration fromString(String s) {
                return null;
            }
        });
        Duration saved = Duration.ofSeconds((long) prefs.getDouble("poll.seconds", 5));
        interval.setValue(INTERVALS.contains(saved) ? saved : Duration.ofSeconds(5));
        vm.setInterval(interval.getValue());
        interval.valueProperty().addListener((obs, old, d) -> {
            vm.setInterval(d);
            prefs.putDouble("poll.seconds", d.toSeconds());
        });
        interval.setTooltip(new Tooltip("Poll interval"));
        Button revoke = new Button("Revoke…", new FontIcon("mdi2c-cancel"));
        revoke.setId("revoke");
        revoke.getStyleClass().add("danger");
        revoke.setOnAction(e -> revokeFromCurrentView());
        revoke.disableProperty().bind(vm.revokeDisabledReasonProperty().isNotNull().or(vm.busyProperty()));
        revoke.textProperty().bind(vm.revokeDisabledReasonProperty().map(r -> "Revoke disabled: " + shortReason(r)).orElse("Revoke…"));
        StackPane revokeHolder = new StackPane(revoke);
        Tooltip revokeTip = new Tooltip();
        revokeTip.textProperty().bind(vm.revokeDisabledReasonProperty().orElse("Revoke the selected sessions, or all sessions of the selected group (Delete)"));
        Tooltip.install(revokeHolder, revokeTip);
        Button export = new Button("Export", new FontIcon("mdi2f-file-export-outline"));
        export.setId("export");
        export.setOnAction(e -> exportCurrentView());
        export.setTooltip(new Tooltip("Export the rows of the current view to CSV (Ctrl+E)"));
        Button findToken = new Button("Find token…", new FontIcon("mdi2k-key-outline"));
        findToken.setId("find-token");
        findToken.setOnAction(e -> askForToken());
        findToken.setTooltip(new Tooltip("Paste a session token to find its session; only a fingerprint is shown"));
        Button theme = new Button("", new FontIcon("mdi2t-theme-light-dark"));
        theme.setOnAction(e -> darkTheme.setSelected(!darkTheme.isSelected()));
        theme.setTooltip(new Tooltip("Light or dark theme (Ctrl+T)"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        toolBar.getItems().addAll(refresh, pause, interval, revokeHolder, export, findToken, spacer);
        if (demo) {
            Label badge = new Label("DEMO DATABASE · synthetic data");
            badge.getStyleClass().add("demo-badge");
            toolBar.getItems().add(badge);
        }
        toolBar.getItems().add(theme);
    }

    private static String shortReason(String reason) {
        if (reason.startsWith("disconnected")) {
            return "disconnected";
        }
        if (reason.startsWith("read-only")) {
            return "read-only mode";
        }
        return "no UPDATE privilege";
    }

    private void buildMenus() {
        MenuItem export = item("Export current view…", new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), this::exportCurrentView);
        MenuItem quit = item("Quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), () -> root.getScene().getWindow().hide());
        Menu file = new Menu("File", null, export, new SeparatorMenuItem(), quit);
        Menu view = new Menu("View");
        view.getItems().add(item("Sessions", new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN), () -> showTab(null)));
        KeyCode[] digits = {KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4};
        for (GroupBy by : GroupBy.values()) {
            view.getItems().add(item("By " + by.label(), new KeyCodeCombination(digits[by.ordinal()], KeyCombination.SHORTCUT_DOWN), () -> showTab(by)));
        }
        view.getItems().add(item("Findings", new KeyCodeCombination(KeyCode.DIGIT5, KeyCombination.SHORTCUT_DOWN),
                () -> tabs.getSelectionModel().select(tabs.getTabs().size() - 3)));
        view.getItems().add(item("History", new KeyCodeCombination(KeyCode.DIGIT7, KeyCombination.SHORTCUT_DOWN),
                () -> tabs.getSelectionModel().select(historyTab)));
        view.getItems().add(item("Audit", new KeyCodeCombination(KeyCode.DIGIT6, KeyCombination.SHORTCUT_DOWN),
                () -> tabs.getSelectionModel().select(tabs.getTabs().size() - 1)));
        darkTheme.setAccelerator(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN));
        darkTheme.setSelected(prefs.getBoolean("theme.dark", false));
        darkTheme.selectedProperty().addListener((obs, old, dark) -> applyTheme(dark));
        view.getItems().addAll(new SeparatorMenuItem(), darkTheme);
        Menu actions = new Menu("Actions", null,
                item("Refresh now", new KeyCodeCombination(KeyCode.F5), vm::refreshNow),
                item("Pause / resume polling", new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), vm::togglePaused),
                item("Find…", new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> searchField.requestFocus()),
                item("Clear filters", new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), () -> {
                    vm.filter().clear();
                    vm.clearPivot();
                }),
                new SeparatorMenuItem(),
                item("Revoke selected… (Delete)", null, this::revokeFromCurrentView));
        Menu watch = new Menu("Watchlist");
        Runnable rebuild = () -> {
            watch.getItems().clear();
            MenuItem add = new MenuItem("Watch an IP or CIDR…");
            add.setOnAction(e -> {
                javafx.scene.control.TextInputDialog d = new javafx.scene.control.TextInputDialog();
                d.initOwner(window());
                d.setHeaderText("IP address or CIDR network to watch (e.g. 203.0.113.0/24)");
                d.showAndWait().ifPresent(v -> vm.watch(GroupBy.IP, v.strip()));
            });
            watch.getItems().addAll(add, new SeparatorMenuItem());
            if (vm.watchEntries().isEmpty()) {
                MenuItem none = new MenuItem("Nothing watched yet (right-click a row: Watch this …)");
                none.setDisable(true);
                watch.getItems().add(none);
            }
            for (var entry : vm.watchEntries()) {
                MenuItem item = new MenuItem("Stop watching " + entry.describe());
                item.setOnAction(e -> vm.unwatch(entry));
                watch.getItems().add(item);
            }
        };
        rebuild.run();
        vm.watchEntries().addListener((javafx.collections.ListChangeListener<com.sessionconsole.domain.WatchEntry>) c -> rebuild.run());
        vm.watchHitsProperty().addListener((obs, old, hits) -> {
            if (!hits.isEmpty() && window() != null) {
                Session first = hits.get(0);
                org.controlsfx.control.Notifications.create().owner(window()).title("Watched: " + hits.size() + " new session(s)")
                        .text("user " + first.userId() + "\nIP " + first.ipAddress() + "  device " + first.deviceId()
                                + (hits.size() > 1 ? "\n… and " + (hits.size() - 1) + " more" : ""))
                        .hideAfter(javafx.util.Duration.seconds(8)).showInformation();
            }
        });
        menuBar.getMenus().addAll(file, view, actions, watch);
    }

    private static MenuItem item(String text, KeyCombination accelerator, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setAccelerator(accelerator);
        m.setOnAction(e -> action.run());
        return m;
    }

    private void bindStatus() {
        connectionStatus.textProperty().bind(vm.connectionLabelProperty().map(l -> "demo".equals(l) ? "● Demo database (synthetic data)" : "● " + l));
        connectionStatus.setGraphic(null);
        vm.connectedProperty().addListener((obs, old, ok) -> connectionStatus.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("offline"), !ok));
        refreshStatus.textProperty().bind(vm.refreshTextProperty());
        refreshStatus.setId("status-refresh");
        countStatus.textProperty().bind(vm.countTextProperty());
        countStatus.setId("status-count");
        errorStatus.textProperty().bind(vm.errorTextProperty());
        replicaStatus.setId("status-replica");
        replicaStatus.textProperty().bind(vm.replicaTextProperty());
        replicaStatus.managedProperty().bind(vm.replicaTextProperty().isNotEmpty());
        vm.replicaBehindProperty().addListener((obs, old, behind) -> replicaStatus.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("behind"), behind));
        errorStatus.setId("status-error");
        revokeMessage.textProperty().bind(vm.messageProperty());
        revokeMessage.setId("message");
        vm.staleProperty().addListener((obs, old, stale) -> tabs.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("stale"), stale));
    }

    // ---- actions -------------------------------------------------------------------------------

    void showHistory(GroupBy by, String key) {
        historyVm.load(by, key);
        tabs.getSelectionModel().select(historyTab);
    }

    void showTab(GroupBy by) {
        tabs.getSelectionModel().select(by == null ? sessionsTab : groupTabs.get(by));
    }

    private GroupBy currentGroup() {
        for (Map.Entry<GroupBy, Tab> e : groupTabs.entrySet()) {
            if (e.getValue().isSelected()) {
                return e.getKey();
            }
        }
        return null;
    }

    private void revokeFromCurrentView() {
        GroupBy by = currentGroup();
        if (by == null) {
            confirmRevoke(sessionsView.selected());
            return;
        }
        GroupView gv = groupViews.get(by);
        List<Session> detailSelection = List.copyOf(gv.detailTable().getSelectionModel().getSelectedItems());
        if (!detailSelection.isEmpty()) {
            confirmRevoke(detailSelection);
        } else if (gv.selectedGroup() != null) {
            confirmRevokeGroup(by, gv.selectedGroup().key());
        } else {
            vm.messageProperty().set("Select a row first: a group to revoke all its sessions, or sessions in the table below.");
        }
    }

    private void confirmRevoke(List<Session> selected) {
        execute(vm.planRevoke(selected));
    }

    private void confirmRevokeGroup(GroupBy by, String key) {
        execute(vm.planRevokeGroup(by, key));
    }

    private void execute(RevokePlan plan) {
        if (plan.refusal() != null) {
            alert(Alert.AlertType.WARNING, "Not revoked", plan.refusal());
            return;
        }
        if (plan.count() == 0) {
            alert(Alert.AlertType.INFORMATION, "Nothing to revoke", "The selection holds no active sessions.");
            return;
        }
        RevokeDialog.ask(window(), plan).ifPresent(reason -> vm.revoke(plan, reason));
    }

    /** Sessions of the key that appeared after the confirmation were left alone; offer them as a revoke of their own. */
    private void offerAppeared(RevocationService.Outcome outcome) {
        RevokeResult r = outcome.result();
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, r.appearedAfter().size() + " new session(s) of "
                + VisibleText.of(r.key()) + " appeared after you confirmed. They were NOT revoked.\n\nReview them for a new revoke?",
                ButtonType.NO, ButtonType.YES);
        a.initOwner(window());
        a.setHeaderText("Sessions appeared after you confirmed");
        a.showAndWait().filter(b -> b == ButtonType.YES)
                .ifPresent(b -> vm.planAppeared(outcome, this::execute));
    }

    private void exportCurrentView() {
        GroupBy by = currentGroup();
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + (by == null ? "sessions" : "by " + by.label()));
        chooser.setInitialFileName((by == null ? "sessions" : "by-" + by.name().toLowerCase()) + ".csv");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV", "*.csv"), new FileChooser.ExtensionFilter("JSON", "*.json"));
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            vm.export(file.toPath(), by);
        }
    }

    private void askForToken() {
        javafx.scene.control.Dialog<String> d = new javafx.scene.control.Dialog<>();
        d.initOwner(window());
        d.setTitle("Find by token");
        d.setHeaderText("Paste a session token. It is compared on the server and never shown; only its fingerprint is.");
        javafx.scene.control.PasswordField field = new javafx.scene.control.PasswordField();
        field.setId("token-input");
        field.setPromptText("session token");
        d.getDialogPane().setContent(field);
        d.getDialogPane().getButtonTypes().addAll(javafx.scene.control.ButtonType.CANCEL, javafx.scene.control.ButtonType.OK);
        d.setResultConverter(b -> b == javafx.scene.control.ButtonType.OK ? field.getText() : null);
        d.showAndWait().filter(t -> !t.isBlank()).ifPresent(vm::findToken);
    }

    private void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        root.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("dark"), dark);
        prefs.putBoolean("theme.dark", dark);
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void alert(Alert.AlertType type, String header, String text) {
        Alert a = new Alert(type, text);
        a.initOwner(window());
        a.setHeaderText(header);
        a.getDialogPane().setMinWidth(520);
        a.show();
    }
}
