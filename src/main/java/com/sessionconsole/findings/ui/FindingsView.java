package com.sessionconsole.findings.ui;

import com.sessionconsole.live.ui.LiveViewModel;
import com.sessionconsole.live.ui.GroupView;
import com.sessionconsole.revoke.ui.RevokeViewModel;
import com.sessionconsole.ui.CutTextCell;
import com.sessionconsole.ui.Fxml;
import com.sessionconsole.ui.SessionCommands;
import com.sessionconsole.ui.SessionMenu;
import com.sessionconsole.ui.SessionTable;
import com.sessionconsole.ui.ViewPrefs;

import com.sessionconsole.domain.Finding;
import com.sessionconsole.domain.FindingRule;
import com.sessionconsole.domain.FindingSettings;
import com.sessionconsole.domain.FindingState;
import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.VisibleText;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Findings by severity (coloured, with a legend), with rule switches, thresholds, the per-rule strip that
 * collapses or mutes a rule, a "why flagged" tooltip on each row, the evidence rows, and show / revoke actions.
 */
public final class FindingsView {
    @FXML private VBox header;
    @FXML private FlowPane controls; // wraps in a narrow window instead of cutting the last controls off
    @FXML private Label status;
    @FXML private TableView<FindingRow> findings;
    @FXML private TableView<Session> evidence;
    @FXML private Label evidenceTitle;
    @FXML private Button show;
    @FXML private Button revoke;
    @FXML private StackPane revokeHolder;
    @FXML private Label explanation;
    @FXML private MenuButton stateMenu;

    private final Parent root;

    public FindingsView(FindingsViewModel vm, LiveViewModel console, RevokeViewModel revoker, SessionCommands actions, ViewPrefs prefs,
                        Runnable showSessions) {
        root = Fxml.load("FindingsView.fxml", this);
        findings.setId("findings-table");
        findings.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        findings.setFixedCellSize(26);
        findings.getColumns().add(severity());
        TableColumn<FindingRow, String> risk = column("Risk", 50, r -> Integer.toString(r.risk()));
        risk.setMinWidth(56);
        risk.setStyle("-fx-alignment: CENTER-RIGHT;");
        findings.getColumns().add(risk);
        // subjects are ids that may share a long prefix: cut in the middle; every cut value is whole in its tooltip
        TableColumn<FindingRow, String> subject = column("Subject", 250, FindingsView::subject);
        subject.setCellFactory(c -> CutTextCell.middle());
        findings.getColumns().add(subject);
        TableColumn<FindingRow, String> ruleNames = column("Rules", 170, FindingsView::rules);
        ruleNames.setCellFactory(c -> new CutTextCell<>());
        findings.getColumns().add(ruleNames);
        TableColumn<FindingRow, String> why = column("Why", 420, r -> r.isGroup() ? r.size() + " findings, collapsed" : r.finding().detail());
        why.setCellFactory(c -> new CutTextCell<>());
        findings.getColumns().add(why);
        TableColumn<FindingRow, String> state = column("State", 110, FindingRow::stateText);
        state.setMinWidth(124); // "acknowledged" whole
        findings.getColumns().add(state);
        TableColumn<FindingRow, String> count = column("Rows", 56, r -> Long.toString(r.sessionCount()));
        count.setMinWidth(60);
        findings.getColumns().add(count);
        findings.setRowFactory(t -> whyRow());
        findings.setItems(vm.rows());
        findings.getSelectionModel().selectedItemProperty().addListener((obs, old, r) -> vm.select(r));
        vm.selectedProperty().addListener((obs, old, r) -> {
            if (r == null) {
                findings.getSelectionModel().clearSelection();
            } else if (findings.getSelectionModel().getSelectedItem() != r) {
                findings.getSelectionModel().select(r);
            }
            evidenceTitle.setText(r == null ? "Select a finding to see its evidence." : (r.isGroup() ? r.rule().explained()
                    : subject(r) + ", risk " + r.risk()) + " — " + r.sessionsText());
            explanation.setText(r == null ? "" : r.why().lines().map(VisibleText::of).collect(Collectors.joining("\n")));
        });
        for (FindingState st : List.of(FindingState.NEW, FindingState.ACKNOWLEDGED, FindingState.MUTED)) {
            MenuItem item = new MenuItem(switch (st) {
                case NEW -> "New (reopen)";
                case ACKNOWLEDGED -> "Acknowledged: someone is on it";
                default -> "Muted: known and accepted";
            });
            item.setId("finding-state-" + st.cliName());
            item.setOnAction(e -> vm.setState(vm.selectedProperty().get(), st));
            stateMenu.getItems().add(item);
        }
        stateMenu.disableProperty().bind(vm.selectedProperty().map(r -> r.isGroup() || r.triage() == null || r.isResolved()).orElse(true));
        SessionTable.configure(evidence, console.feed()::serverNow, console.freshProperty(), actions::isWatched, prefs, "findings.evidence");
        evidence.setItems(vm.evidence());
        SessionTable.fitWidestAddress(SessionTable.ipColumn(evidence), evidence.getItems(), Session::ipAddress);
        SessionMenu.install(evidence, x -> x, actions);
        status.textProperty().bind(vm.statusProperty());

        // a collapsed group has no one subject, and a whole rule is never revoked at once: list it, then revoke a finding
        show.disableProperty().bind(vm.selectedProperty().map(r -> r.isGroup() || r.finding().subjectKind() == null).orElse(true));
        show.setOnAction(e -> {
            Finding f = vm.selectedProperty().get().finding();
            console.pivotTo(f.subjectKind(), f.subject());
            showSessions.run();
        });
        // why "Revoke evidence…" cannot be used: revoking is off, or the selection has no active session to revoke
        ObservableValue<String> revokeOff = Bindings.createStringBinding(() -> {
            FindingRow r = vm.selectedProperty().get();
            String off = revoker.disabledReasonProperty().get();
            return off != null ? off : r == null ? "select a finding first" : r.isGroup() ? "list the rule, then revoke one finding"
                    : r.evidence().stream().noneMatch(s -> s.isActiveAt(console.feed().serverNow()))
                    ? "none of this finding's sessions is active" : null;
        }, vm.selectedProperty(), revoker.disabledReasonProperty());
        revoke.disableProperty().bind(Bindings.createBooleanBinding(() -> revokeOff.getValue() != null, revokeOff));
        Tooltip revokeTip = new Tooltip();
        revokeTip.textProperty().bind(Bindings.createStringBinding(() -> revokeOff.getValue() == null
                ? "Revoke the active sessions of this finding's evidence" : "Revoke evidence is off: " + revokeOff.getValue(), revokeOff));
        Tooltip.install(revokeHolder, revokeTip); // on the holder: a disabled button shows no tooltip
        revoke.setOnAction(e -> revoker.execute(revoker.planRevokeActive(vm.selectedProperty().get().evidence())));

        String displaysKey = "findings.display." + Integer.toHexString(vm.workspace().hashCode());
        vm.setDisplays(RuleDisplay.parse(prefs.get(displaysKey, "")));
        vm.displaysProperty().addListener((obs, old, d) -> prefs.put(displaysKey, RuleDisplay.format(d)));
        header.getChildren().add(new RuleStrip(vm).root());

        MenuButton rules = new MenuButton("Rules");
        rules.setMnemonicParsing(false);
        for (FindingRule r : FindingRule.values()) {
            CheckMenuItem item = new CheckMenuItem(r.explained());
            item.setMnemonicParsing(false);
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
        refresh.setTooltip(new Tooltip("The ended sessions of the window, the users' histories and the zombie rows come from bounded, indexed "
                + "queries, read again at most once a minute"));
        refresh.setOnAction(e -> vm.refresh(true));
        controls.getChildren().addAll(rules, labelled("IPs per user ≥", ips), labelled("users per IP ≥", users),
                labelled("low trust ≤", trust), labelled("burst ≥", burst), refresh);
        // the legend shares the status line: one row less for the controls in a 1024-pixel window
        int statusAt = header.getChildren().indexOf(status);
        HBox statusRow = new HBox(12, status, SeverityStyle.legend());
        statusRow.setAlignment(Pos.CENTER_LEFT);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        header.getChildren().add(statusAt, statusRow);
    }

    private static Spinner<Integer> spinner(int min, int max, int value, String tip) {
        Spinner<Integer> s = new Spinner<>(min, max, value);
        s.setEditable(true);
        s.setPrefWidth(70);
        s.setTooltip(new Tooltip(tip));
        return s;
    }

    private static HBox labelled(String text, Spinner<Integer> s) {
        HBox box = new HBox(4, new Label(text), s);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** "shared_ip+40 burst_ip+25": the rules that added risk, most first. */
    private static String rules(FindingRow r) {
        if (r.isGroup()) {
            return r.rule().label();
        }
        List<String> parts = r.finding().contributions().stream().filter(c -> c.points() > 0)
                .map(c -> c.rule().label() + " +" + c.points()).toList();
        return parts.isEmpty() ? r.rule().label() : String.join(", ", parts);
    }

    private static String subject(FindingRow r) {
        if (r.isGroup()) {
            return "(" + r.size() + " subjects)";
        }
        Finding f = r.finding();
        return f.subjectKind() == null ? "(table)" : f.subjectKind().label() + " " + GroupView.keyText(f.subject());
    }

    private static TableRow<FindingRow> whyRow() {
        Tooltip why = new Tooltip();
        return new TableRow<>() {
            @Override
            protected void updateItem(FindingRow r, boolean empty) {
                super.updateItem(r, empty);
                why.setText(empty || r == null ? null : r.why().lines().map(VisibleText::of).collect(Collectors.joining("\n")));
                setTooltip(empty || r == null ? null : why);
            }
        };
    }

    private static TableColumn<FindingRow, String> column(String title, double width, Function<FindingRow, String> value) {
        TableColumn<FindingRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(VisibleText.of(value.apply(cd.getValue()))));
        return c;
    }

    private static TableColumn<FindingRow, FindingRule.Severity> severity() {
        TableColumn<FindingRow, FindingRule.Severity> c = new TableColumn<>("Severity");
        // wide enough for MEDIUM in bold at any width of the window: a severity is never cut to "MEDI…"
        c.setPrefWidth(90);
        c.setMinWidth(84);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().severity()));
        c.setCellFactory(col -> {
            TableCell<FindingRow, FindingRule.Severity> cell = new TableCell<>() {
                @Override
                protected void updateItem(FindingRule.Severity s, boolean empty) {
                    super.updateItem(s, empty);
                    setText(empty || s == null ? null : s.name());
                    SeverityStyle.apply(this, empty ? null : s);
                }
            };
            cell.getStyleClass().add("severity");
            return cell;
        });
        return c;
    }

    public Parent root() {
        return root;
    }
}
