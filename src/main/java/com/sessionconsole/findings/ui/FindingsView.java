package com.sessionconsole.findings.ui;

import com.sessionconsole.live.ui.LiveViewModel;
import com.sessionconsole.live.ui.GroupView;
import com.sessionconsole.revoke.ui.RevokeViewModel;
import com.sessionconsole.ui.Fxml;
import com.sessionconsole.ui.SessionTable;
import com.sessionconsole.ui.ViewPrefs;

import com.sessionconsole.domain.Finding;
import com.sessionconsole.domain.FindingRule;
import com.sessionconsole.domain.FindingSettings;
import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.VisibleText;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.Function;

/** Findings by severity, with rule switches, thresholds, the evidence rows, and show / revoke actions. */
public final class FindingsView {
    @FXML private HBox controls;
    @FXML private Label status;
    @FXML private TableView<Finding> findings;
    @FXML private TableView<Session> evidence;
    @FXML private Label evidenceTitle;
    @FXML private Button show;
    @FXML private Button revoke;

    private final Parent root;

    public FindingsView(FindingsViewModel vm, LiveViewModel console, RevokeViewModel revoker, Predicate<Session> isWatched, ViewPrefs prefs,
                        Runnable showSessions) {
        root = Fxml.load("FindingsView.fxml", this);
        findings.setId("findings-table");
        findings.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        findings.setFixedCellSize(26);
        findings.getColumns().add(severity());
        findings.getColumns().add(column("Rule", 170, f -> f.rule().cliName()));
        findings.getColumns().add(column("Subject", 290, f -> f.subjectKind() == null ? "(table)" : f.subjectKind().label() + " "
                + GroupView.keyText(f.subject())));
        findings.getColumns().add(column("Finding", 380, Finding::detail));
        findings.getColumns().add(column("Rows", 60, f -> Integer.toString(f.evidence().size())));
        findings.setItems(vm.findings());
        findings.getSelectionModel().selectedItemProperty().addListener((obs, old, f) -> {
            vm.select(f);
            evidenceTitle.setText(f == null ? "Select a finding to see its evidence." : f.rule().description() + " — " + f.evidence().size() + " row(s)");
        });
        SessionTable.configure(evidence, console.feed()::serverNow, console.freshProperty(), isWatched, prefs, "findings.evidence");
        evidence.setItems(vm.evidence());
        status.textProperty().bind(vm.statusProperty());

        show.disableProperty().bind(findings.getSelectionModel().selectedItemProperty().map(f -> f.subjectKind() == null).orElse(true));
        show.setOnAction(e -> {
            Finding f = findings.getSelectionModel().getSelectedItem();
            console.pivotTo(f.subjectKind(), f.subject());
            showSessions.run();
        });
        revoke.disableProperty().bind(findings.getSelectionModel().selectedItemProperty().isNull()
                .or(revoker.disabledReasonProperty().isNotNull()));
        revoke.setOnAction(e -> revoker.execute(revoker.planRevokeActive(findings.getSelectionModel().getSelectedItem().evidence())));

        MenuButton rules = new MenuButton("Rules");
        for (FindingRule r : FindingRule.values()) {
            CheckMenuItem item = new CheckMenuItem(r.cliName() + " — " + r.description());
            item.setSelected(vm.settingsProperty().get().on(r));
            item.selectedProperty().addListener((obs, old, on) -> vm.setRule(r, on));
            rules.getItems().add(item);
        }
        FindingSettings d = vm.settingsProperty().get();
        Spinner<Integer> ips = spinner(2, 100, d.minIpsPerUser(), "IPs per user ≥");
        Spinner<Integer> users = spinner(2, 10_000, d.minUsersPerIp(), "users per IP ≥");
        Spinner<Integer> trust = spinner(0, 100, d.maxLowTrust(), "low trust ≤");
        Spinner<Integer> burst = spinner(2, 10_000, d.burstSessions(), "burst sessions ≥");
        Runnable apply = () -> vm.setThresholds(ips.getValue(), users.getValue(), trust.getValue(), burst.getValue());
        for (Spinner<Integer> s : List.of(ips, users, trust, burst)) {
            s.valueProperty().addListener((obs, old, v) -> apply.run());
        }
        Button refresh = new Button("Re-check database rules");
        refresh.setTooltip(new Tooltip("Zombie rows and first-seen IPs/devices come from indexed queries, refreshed at most once a minute"));
        refresh.setOnAction(e -> vm.refresh(true));
        controls.getChildren().addAll(rules, labelled("IPs per user ≥", ips), labelled("users per IP ≥", users),
                labelled("low trust ≤", trust), labelled("burst ≥", burst), refresh);
    }

    private static Spinner<Integer> spinner(int min, int max, int value, String tip) {
        Spinner<Integer> s = new Spinner<>(min, max, value);
        s.setEditable(true);
        s.setPrefWidth(90);
        s.setTooltip(new Tooltip(tip));
        return s;
    }

    private static HBox labelled(String text, Spinner<Integer> s) {
        HBox box = new HBox(4, new Label(text), s);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }

    private static TableColumn<Finding, String> column(String title, double width, Function<Finding, String> value) {
        TableColumn<Finding, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(VisibleText.of(value.apply(cd.getValue()))));
        return c;
    }

    private static TableColumn<Finding, Finding> severity() {
        TableColumn<Finding, Finding> c = new TableColumn<>("Severity");
        c.setPrefWidth(80);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Finding f, boolean empty) {
                super.updateItem(f, empty);
                setText(empty || f == null ? null : f.severity().name());
                for (FindingRule.Severity s : FindingRule.Severity.values()) {
                    pseudoClassStateChanged(PseudoClass.getPseudoClass(s.name().toLowerCase()), !empty && f != null && f.severity() == s);
                }
            }
        });
        return c;
    }

    public Parent root() {
        return root;
    }
}
