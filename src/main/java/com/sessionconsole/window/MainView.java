package com.sessionconsole.window;

import com.sessionconsole.audit.ui.AuditView;
import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.Session;
import com.sessionconsole.export.ui.ExportViewModel;
import com.sessionconsole.findings.ui.FindingsView;
import com.sessionconsole.history.ui.HistoryView;
import com.sessionconsole.live.ui.FilterBar;
import com.sessionconsole.live.ui.GroupView;
import com.sessionconsole.live.ui.RowActions;
import com.sessionconsole.live.ui.SessionsView;
import com.sessionconsole.ui.DialogService;
import com.sessionconsole.ui.Fxml;
import com.sessionconsole.ui.Messages;
import com.sessionconsole.ui.SessionActions;
import com.sessionconsole.ui.ViewPrefs;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.controlsfx.control.Notifications;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The console window's content: menus, toolbar, filter bar, the tabs, and the status bar, each its own class. */
public final class MainView implements WindowActions {
    @FXML private BorderPane root;
    @FXML private VBox top;
    @FXML private HBox messageBar;
    @FXML private Label filterErrors;
    @FXML private Label pivotLabel;
    @FXML private Label message;
    @FXML private Hyperlink messageLink;
    @FXML private HBox exporting;
    @FXML private ProgressBar exportBar;
    @FXML private TabPane tabs;

    private final ConsoleViewModels vms;
    private final ViewPrefs prefs;
    private final DialogService dialogs;
    private final Appearance appearance;
    private final Map<GroupBy, GroupView> groupViews = new EnumMap<>(GroupBy.class);
    private final TabRegistry registry;
    private final SessionsView sessionsView;
    private final FilterBar filterBar;

    public MainView(ConsoleViewModels vms, ViewPrefs prefs, DialogService dialogs, boolean demo) {
        this.vms = vms;
        this.prefs = prefs;
        this.dialogs = dialogs;
        Fxml.load("MainView.fxml", this);
        registry = new TabRegistry(tabs);
        SessionActions sessionActions = new SessionActions(vms.live().feed()::serverNow, s -> vms.live().freshProperty().get().contains(s.id()),
                vms.watchlist()::isWatched, vms.findings()::citing, sessions -> vms.revoke().execute(vms.revoke().planRevoke(sessions)),
                vms.revoke().disabledReasonProperty(), this::showHistory, vms.watchlist()::watch);
        RowActions actions = new RowActions(sessionActions, (by, key) -> vms.revoke().execute(vms.revoke().planRevokeGroup(by, key)),
                by -> showTab(ConsoleTab.of(by)));
        sessionsView = new SessionsView(vms.live(), prefs, actions);
        registry.add(ConsoleTab.SESSIONS, sessionsView.root());
        for (GroupBy by : GroupBy.values()) {
            GroupView view = new GroupView(by, vms.live(), prefs, actions);
            groupViews.put(by, view);
            registry.add(ConsoleTab.of(by), view.root());
        }
        registry.add(ConsoleTab.FINDINGS, new FindingsView(vms.findings(), vms.live(), vms.revoke(), sessionActions, prefs,
                () -> showTab(ConsoleTab.SESSIONS)).root());
        registry.add(ConsoleTab.HISTORY, new HistoryView(vms.history(), prefs, sessionActions).root());
        registry.add(ConsoleTab.AUDIT, new AuditView(vms.audit()).root());
        registry.onShown(ConsoleTab.FINDINGS, vms.findings()::setVisible);
        registry.onShown(ConsoleTab.AUDIT, shown -> {
            if (shown) {
                vms.audit().reload();
            }
        });
        registry.onSelected(tab -> vms.live().setVisibleGroup(tab.group()));
        vms.revoke().lastOutcomeProperty().addListener((obs, old, outcome) -> vms.audit().reload());
        vms.watchlist().hitsProperty().addListener((obs, old, hits) -> notifyWatched(hits));

        filterBar = new FilterBar(vms.live(), prefs);
        if (!vms.live().filter().filterProperty().get().isEmpty()) { // a forgotten filter would hide sessions without a word
            vms.messages().show("Filters kept from your last run are applied (" + vms.live().filter().filterProperty().get().describe()
                    + "). Ctrl+Shift+L clears them.");
        }
        filterBar.searchField().addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN) {
                focusCurrentTable();
                e.consume();
            }
        });
        appearance = new Appearance(root, prefs);
        top.getChildren().addAll(0, List.of(new ConsoleMenus(vms.status(), vms.watchlist(), this, appearance.darkProperty(), appearance.utcProperty()).root(),
                new ConsoleToolBar(vms.status(), vms.revoke(), this, prefs, demo).root(), filterBar.root()));
        root.setBottom(new StatusBar(vms.status(), vms.live()).root());
        bindMessageBar();
        vms.status().staleProperty().addListener((obs, old, stale) -> tabs.pseudoClassStateChanged(PseudoClass.getPseudoClass("stale"), stale));
    }

    private void bindMessageBar() {
        filterErrors.textProperty().bind(vms.live().filter().errorSummaryProperty());
        pivotLabel.textProperty().bind(vms.live().pivotProperty().map(p -> "Showing only " + p.describe() + "  ✕").orElse(""));
        pivotLabel.visibleProperty().bind(vms.live().pivotProperty().isNotNull());
        pivotLabel.managedProperty().bind(pivotLabel.visibleProperty());
        message.textProperty().bind(vms.messages().textProperty());
        messageLink.visibleProperty().bind(vms.messages().linkProperty().isEqualTo(Messages.Link.AUDIT));
        messageLink.managedProperty().bind(messageLink.visibleProperty());
        exportBar.progressProperty().bind(vms.export().progressProperty());
        exporting.visibleProperty().bind(vms.export().progressProperty().greaterThanOrEqualTo(0));
        exporting.managedProperty().bind(exporting.visibleProperty());
        // the line keeps its height when empty: appearing with a message it would push the table down under the mouse
        messageBar.setMinHeight(26);
        messageBar.setPrefHeight(26);
        messageBar.setMaxHeight(26);
    }

    private void notifyWatched(List<Session> hits) {
        if (!hits.isEmpty() && window() != null) {
            Session first = hits.get(0);
            Notifications.create().owner(window()).title("Watched: " + hits.size() + " new session(s)")
                    .text("user " + first.userId() + "\nIP " + first.ipAddress() + "  device " + first.deviceId()
                            + (hits.size() > 1 ? "\n… and " + (hits.size() - 1) + " more" : ""))
                    .hideAfter(javafx.util.Duration.seconds(8)).showInformation();
        }
    }

    public Parent root() {
        return root;
    }

    public TextField searchField() {
        return filterBar.searchField();
    }

    @FXML
    private void clearPivot() {
        vms.live().clearPivot();
    }

    @FXML
    private void followMessageLink() {
        showTab(ConsoleTab.AUDIT);
        vms.audit().reloadAndSelectNewest();
    }

    @FXML
    private void cancelExport() {
        vms.export().cancel();
    }

    // ---- window actions --------------------------------------------------------------------------

    @Override
    public void showTab(ConsoleTab tab) {
        registry.select(tab);
        focusTable();
    }

    private void showHistory(GroupBy by, String key) {
        vms.history().load(by, key);
        showTab(ConsoleTab.HISTORY);
    }

    /** The keyboard starts in the table (not on the toolbar's first button, where Space would refresh). */
    void focusTable() {
        currentTable().ifPresent(TableView::requestFocus);
    }

    /** Down from the search box: into the table of the current tab, on its first row when none is selected. */
    private void focusCurrentTable() {
        currentTable().ifPresent(table -> {
            table.requestFocus();
            if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
                table.getSelectionModel().select(0);
                table.getFocusModel().focus(0);
            }
        });
    }

    /** The first table of the tab on show (a group view's is its summary table). */
    private java.util.Optional<TableView<?>> currentTable() {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        return tab != null && tab.getContent() != null && tab.getContent().lookup(".table-view") instanceof TableView<?> t
                ? java.util.Optional.of(t) : java.util.Optional.empty();
    }

    @Override
    public void revokeFromCurrentView() {
        GroupBy by = registry.currentGroup();
        if (by == null) {
            vms.revoke().execute(vms.revoke().planRevoke(sessionsView.selected()));
            return;
        }
        GroupView view = groupViews.get(by);
        List<Session> detailSelection = List.copyOf(view.detailTable().getSelectionModel().getSelectedItems());
        if (!detailSelection.isEmpty()) {
            vms.revoke().execute(vms.revoke().planRevoke(detailSelection));
        } else if (view.selectedGroup() != null) {
            vms.revoke().execute(vms.revoke().planRevokeGroup(by, view.selectedGroup().key()));
        } else {
            vms.messages().show("Select a row first: a group to revoke all its sessions, or sessions in the table below.");
        }
    }

    @Override
    public void exportCurrentView() {
        GroupBy by = registry.currentGroup();
        dialogs.saveFile("Export " + (by == null ? "sessions" : "by " + by.label()),
                        (by == null ? "sessions" : "by-" + by.name().toLowerCase()) + ".csv", ExportViewModel.FileChoice.fileTypes())
                .ifPresent(target -> vms.export().export(target.file(), by, ExportViewModel.FileChoice.placementOf(target.type())));
    }

    @Override
    public void findToken() {
        dialogs.askText("Paste a session token. It is compared on the server and never shown; only its fingerprint is.", "session token", true)
                .ifPresent(vms.tokens()::find);
    }

    @Override
    public void watchIp() {
        dialogs.askText("IP address or CIDR network to watch (e.g. 203.0.113.0/24)", "IP or CIDR", false)
                .ifPresent(v -> vms.watchlist().watch(GroupBy.IP, v.strip()));
    }

    @Override
    public void toggleTheme() {
        appearance.toggleTheme();
    }

    @Override
    public void focusSearch() {
        filterBar.searchField().requestFocus();
    }

    @Override
    public void clearFilters() {
        vms.live().filter().clear();
        vms.live().clearPivot();
    }

    @Override
    public void loadOnlyFiltered() {
        vms.live().loadOnlyFiltered();
        vms.messages().show("Loading only the sessions the IP, user, created and location filters select (read that way on the server).");
    }

    @Override
    public void loadEverything() {
        vms.live().loadEverything();
        vms.messages().show("Loading every active session.");
    }

    @Override
    public void quit() {
        root.getScene().getWindow().hide();
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
