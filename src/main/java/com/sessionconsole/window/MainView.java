package com.sessionconsole.window;

import com.sessionconsole.live.ui.FilterBar;
import com.sessionconsole.ui.DialogService;
import com.sessionconsole.ui.Fxml;
import com.sessionconsole.ui.Messages;
import com.sessionconsole.ui.ViewPrefs;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * The console window's content: it composes the menus, the toolbar, the filter bar, the tabs ({@link ConsoleTabs}),
 * the message line and the status bar, and wires the named actions to them.
 */
public final class MainView {
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
    private final TabRegistry registry;
    private final FilterBar filterBar;

    public MainView(ConsoleViewModels vms, ViewPrefs prefs, DialogService dialogs, boolean demo) {
        this.vms = vms;
        Fxml.load("MainView.fxml", this);
        registry = new TabRegistry(tabs);
        RevokeSelectedAction revokeSelected = new RevokeSelectedAction(vms.revoke());
        RevokeGroupAction revokeGroup = new RevokeGroupAction(vms.revoke());
        WatchAction watch = new WatchAction(vms.watchlist());
        ConsoleTabs consoleTabs = new ConsoleTabs(registry, vms, prefs, new WindowSessionCommands(vms, registry, revokeSelected,
                revokeGroup, new ShowHistoryAction(vms.history(), registry), watch));
        vms.revoke().lastOutcomeProperty().addListener((obs, old, outcome) -> vms.audit().reload());
        WatchNotifications.install(root, vms.watchlist());

        filterBar = new FilterBar(vms.live(), prefs);
        if (!vms.live().filter().filterProperty().get().isEmpty()) { // a forgotten filter would hide sessions without a word
            vms.messages().show("Filters kept from your last run are applied (" + vms.live().filter().filterProperty().get().describe()
                    + "). Ctrl+Shift+L clears them.");
        }
        filterBar.searchField().addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN) {
                registry.focusCurrentTable();
                e.consume();
            }
        });
        Appearance appearance = new Appearance(root, prefs);
        ConsoleActions actions = new ConsoleActions(new RevokeFromViewAction(consoleTabs, revokeSelected, revokeGroup, vms.messages()),
                new ExportViewAction(registry, dialogs, vms.export()), new FindTokenAction(dialogs, vms.tokens()),
                new WatchIpAction(dialogs, watch), new ClearFiltersAction(vms.live()), new LoadOnlyFilteredAction(vms.live(), vms.messages()),
                new LoadEverythingAction(vms.live(), vms.messages()), new LookUpHistoryAction(registry, consoleTabs.historyView()), new QuitAction(root));
        top.getChildren().addAll(0, List.of(
                new ConsoleMenus(vms.status(), vms.watchlist(), actions, registry, filterBar.searchField(), appearance).root(),
                new ConsoleToolBar(vms.status(), vms.revoke(), actions, appearance, prefs, demo).root(), filterBar.root()));
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

    public Parent root() {
        return root;
    }

    public TextField searchField() {
        return filterBar.searchField();
    }

    /** The keyboard starts in the table (not on the toolbar's first button, where Space would refresh). */
    void focusTable() {
        registry.focusTable();
    }

    @FXML
    private void clearPivot() {
        vms.live().clearPivot();
    }

    @FXML
    private void followMessageLink() {
        registry.show(ConsoleTab.AUDIT);
        vms.audit().reloadAndSelectNewest();
    }

    @FXML
    private void cancelExport() {
        vms.export().cancel();
    }
}
