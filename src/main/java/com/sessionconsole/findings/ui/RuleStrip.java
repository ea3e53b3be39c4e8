package com.sessionconsole.findings.ui;

import com.sessionconsole.domain.FindingRule;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The per-rule summary strip: one button per rule with findings ("New IP for user (104)"), whose menu
 * lists, collapses or mutes that rule. A muted rule keeps its button and its count ("muted: 104").
 */
final class RuleStrip {
    private static final Map<RuleDisplay, String> CHOICES = Map.of(RuleDisplay.LIST, "List each finding",
            RuleDisplay.GROUP, "Collapse into one row", RuleDisplay.MUTE, "Mute (keep counting)");

    private static final PseudoClass MUTED = PseudoClass.getPseudoClass("muted");

    private final FindingsViewModel vm;
    private final HBox pane = new HBox(6);
    /** One row that scrolls sideways: wrapped into rows it would leave a narrow window no room for the findings. */
    private final ScrollPane scroll = new ScrollPane(pane);
    private final Map<FindingRule, MenuButton> buttons = new EnumMap<>(FindingRule.class);
    private final Map<FindingRule, ToggleGroup> toggles = new EnumMap<>(FindingRule.class);

    RuleStrip(FindingsViewModel vm) {
        this.vm = vm;
        pane.setId("findings-rules");
        scroll.setFitToHeight(true);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.getStyleClass().add("edge-to-edge");
        vm.summaries().addListener((ListChangeListener<RuleSummary>) c -> update());
        update();
    }

    private void update() {
        List<Node> shown = new ArrayList<>();
        for (RuleSummary s : vm.summaries()) {
            MenuButton b = buttons.computeIfAbsent(s.rule(), this::button);
            b.setText(s.text());
            b.pseudoClassStateChanged(MUTED, s.display() == RuleDisplay.MUTE);
            toggles.get(s.rule()).getToggles().stream().filter(t -> t.getUserData() == s.display()).findFirst()
                    .ifPresent(t -> t.setSelected(true));
            shown.add(b);
        }
        // the same buttons in the same order are left in place, so that a refresh does not close an open menu
        if (!pane.getChildren().equals(shown)) {
            pane.getChildren().setAll(shown);
        }
    }

    private MenuButton button(FindingRule rule) {
        MenuButton b = new MenuButton();
        b.setId("rule-" + rule.cliName());
        b.setMnemonicParsing(false);
        b.getStyleClass().add("rule-chip");
        ToggleGroup group = new ToggleGroup();
        for (RuleDisplay d : RuleDisplay.values()) {
            RadioMenuItem item = new RadioMenuItem(CHOICES.get(d));
            item.setId("rule-" + rule.cliName() + "-" + d.name().toLowerCase());
            item.setMnemonicParsing(false);
            item.setUserData(d);
            item.setToggleGroup(group);
            item.setOnAction(e -> vm.setDisplay(rule, d));
            b.getItems().add(item);
        }
        toggles.put(rule, group);
        return b;
    }

    Node root() {
        return scroll;
    }
}
