package com.sessionconsole.ui;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.VisibleText;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * One session in full: every column untruncated, absolute times with their zone, what the trust level means,
 * why the row is highlighted, the findings that cite it, and the actions. Values sit in read-only fields so
 * that any of them can be selected and copied; stored text shows with its hostile characters escaped.
 */
public final class SessionDetail {
    /** At or below this, a trust level is shown in red and the Findings' default low-trust rule fires. */
    public static final int LOW_TRUST = 20;

    private final Session s;
    private final SessionCommands actions;
    private final GridPane grid = new GridPane();
    private int row;

    private SessionDetail(Session s, SessionCommands actions) {
        this.s = s;
        this.actions = actions;
    }

    /** @param closed runs when the dialog closes: the keyboard goes back to the table it came from */
    public static void show(Window owner, Session session, SessionCommands actions, Runnable closed) {
        Dialog<Void> dialog = new SessionDetail(session, actions).dialog(owner);
        dialog.setOnHidden(e -> closed.run());
        dialog.show();
    }

    Dialog<Void> dialog(Window owner) {
        Instant now = actions.serverNow();
        grid.setHgap(10);
        grid.setVgap(4);
        grid.getColumnConstraints().addAll(new ColumnConstraints(120), new ColumnConstraints(200, 560, Double.MAX_VALUE));
        grid.getColumnConstraints().get(1).setHgrow(Priority.ALWAYS);
        field("Session id", s.id().toString());
        field("User", String.valueOf(s.userId()));
        field("Device", s.deviceId());
        field("IP", s.ipAddress() == null ? null : OddValues.ipShown(s.ipAddress()), false);
        field("Location", s.location());
        area("User agent", Collections.singletonList(s.userAgent() == null ? "— (NULL)" : s.userAgent()));
        field("Trust", (s.trustLevel() == null ? "NULL" : s.trustLevel()) + " — " + trustMeaning(s.trustLevel()));
        area("Highlighted", highlights(now));
        TextArea findings = area("Findings", List.of("Computing the findings that cite this session…"));
        actions.findingsCiting(s, lines -> {
            findings.setText(String.join("\n", (lines.isEmpty() ? List.of("None of the current findings cites this session.") : lines)
                    .stream().map(VisibleText::of).toList()));
            findings.setPrefRowCount(Math.min(6, findings.getText().lines().mapToInt(l -> 1 + l.length() / 90).sum()));
        });
        field("Created", time(s.createdAt(), now));
        field("Expires", time(s.expiresAt(), now));
        field("Updated", time(s.updatedAt(), now));
        field("Deleted", s.deletedAt() == null ? "— (not deleted)" : time(s.deletedAt(), now));
        field("Active flag", String.valueOf(s.active()));
        field("Token", s.token().text() + "  (masked: the full token never leaves the database)");
        field("Row version", "xmin " + s.version());

        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Session " + s.id().toString().substring(0, 8) + "…");
        dialog.setResizable(true);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(620, 36.0 * row));
        VBox content = new VBox(10, scroll, buttons(dialog));
        content.setPadding(new Insets(4));
        content.setId("session-detail");
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setPrefWidth(780);
        dialog.getDialogPane().setMinWidth(Region.USE_PREF_SIZE);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        return dialog;
    }

    private FlowPane buttons(Dialog<Void> dialog) {
        FlowPane box = new FlowPane(8, 6);
        box.getChildren().add(button(StandardAction.COPY_ROW.label(), dialog, false, () -> CopyRowsAction.execute(List.of(s))));
        // every key the context menu offers: the user's history is a button, the device's and the IP's a click away
        box.getChildren().add(button(StandardAction.SHOW_HISTORY.label(GroupBy.USER.label()), dialog, true,
                () -> actions.showHistory(GroupBy.USER, s.key(GroupBy.USER))));
        box.getChildren().add(perKey("History…", "detail-history", dialog, true, StandardAction.SHOW_HISTORY, actions::showHistory));
        box.getChildren().add(perKey("Watch…", "detail-watch", dialog, false, StandardAction.WATCH, actions::watch));
        Button revoke = button(StandardAction.REVOKE_SESSION.label(), dialog, true, () -> actions.revoke(List.of(s)));
        revoke.getStyleClass().add("danger");
        revoke.setId("detail-revoke");
        String disabled = actions.revokeDisabled().getValue();
        revoke.setDisable(disabled != null);
        // a disabled button shows no tooltip: the reason goes on its holder, and in words below the buttons
        StackPane holder = new StackPane(revoke);
        if (disabled != null) {
            Tooltip.install(holder, new Tooltip(disabled));
        }
        box.getChildren().add(holder);
        if (disabled != null) {
            Label why = new Label("Revoke is off: " + disabled);
            why.setId("detail-revoke-disabled");
            why.setWrapText(true);
            why.getStyleClass().add("dialog-note");
            why.prefWidthProperty().bind(box.widthProperty().subtract(4));
            box.getChildren().add(why);
        }
        return box;
    }

    /** A menu button with one item per user, device and IP of this session. */
    private MenuButton perKey(String text, String id, Dialog<Void> dialog, boolean closes, StandardAction action,
                              BiConsumer<GroupBy, String> command) {
        MenuButton b = new MenuButton(text);
        b.setId(id);
        b.setMnemonicParsing(false);
        b.setMinWidth(Region.USE_PREF_SIZE);
        for (GroupBy by : GroupBy.values()) {
            MenuItem item = new MenuItem(action.label(by.label()));
            item.setMnemonicParsing(false);
            item.setOnAction(e -> {
                if (closes) {
                    dialog.close();
                }
                command.accept(by, s.key(by));
            });
            b.getItems().add(item);
        }
        return b;
    }

    private static Button button(String text, Dialog<Void> dialog, boolean closes, Runnable action) {
        Button b = new Button(text);
        b.setMnemonicParsing(false);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> {
            if (closes) {
                dialog.close();
            }
            action.run();
        });
        return b;
    }

    private List<String> highlights(Instant now) {
        List<String> out = new ArrayList<>();
        if (actions.isFresh(s)) {
            out.add("New (green): arrived with the last poll.");
        }
        if (actions.isWatched(s)) {
            out.add("Watched (purple bar): its user, device or IP is on the watchlist.");
        }
        String ip = OddValues.ipNote(s.ipAddress());
        if (ip != null) {
            out.add("Invalid IP (red italic): " + ip);
        }
        if (OddValues.trustOutOfRange(s.trustLevel())) {
            out.add("Trust (⚠, red bold): " + OddValues.trustNote(s.trustLevel()));
        } else if (s.trustLevel() != null && s.trustLevel() <= LOW_TRUST) {
            out.add("Low trust (red bold): at or below " + LOW_TRUST + ".");
        }
        if (OddValues.createdInFuture(s.createdAt(), now)) {
            out.add("Created (⚠, red): " + OddValues.createdNote(s.createdAt(), now));
        }
        if (!s.isActiveAt(now)) {
            out.add("Not active by the console's rule (is_active = true, not deleted, expires after the server's now).");
        }
        if (s.decodeProblem() != null) {
            out.add("A column could not be decoded: " + VisibleText.of(s.decodeProblem()));
        }
        if (out.isEmpty()) {
            out.add("Nothing: an ordinary active session.");
        }
        return out;
    }

    static String trustMeaning(Integer trust) {
        if (trust == null) {
            return "unknown: the product recorded no trust level";
        }
        if (trust < 0 || trust > 100) {
            return "outside 0–100, not a value the product should write: treat as untrusted";
        }
        return (trust <= LOW_TRUST ? "low" : "normal") + " (0 is untrusted, 100 fully trusted; at or below " + LOW_TRUST + " shows in red)";
    }

    private static String time(Instant t, Instant now) {
        return t == null ? "— (NULL)" : TimeText.absolute(t) + "  (" + TimeText.relative(t, now) + ")";
    }

    private void field(String name, String value) {
        field(name, value, true);
    }

    /** @param escape false for a value already made visible (quoted, escaped) */
    private void field(String name, String value, boolean escape) {
        TextField f = new TextField(value == null ? "— (NULL)" : escape ? VisibleText.of(value) : value);
        f.setEditable(false);
        f.setId("detail-" + name.toLowerCase().replace(' ', '-'));
        add(name, f);
    }

    /** Each line escaped on its own, so a value cannot add lines of its own. */
    private TextArea area(String name, List<String> lines) {
        TextArea a = new TextArea(String.join("\n", lines.stream().map(VisibleText::of).toList()));
        a.setEditable(false);
        a.setWrapText(true);
        a.setPrefRowCount(Math.min(5, a.getText().lines().mapToInt(l -> 1 + l.length() / 90).sum()));
        a.setId("detail-" + name.toLowerCase().replace(' ', '-'));
        add(name, a);
        return a;
    }

    private void add(String name, Node value) {
        Label label = new Label(name);
        label.getStyleClass().add("detail-name");
        label.setLabelFor(value);
        grid.addRow(row++, label, value);
    }
}
