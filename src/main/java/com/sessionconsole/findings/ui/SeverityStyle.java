package com.sessionconsole.findings.ui;

import com.sessionconsole.domain.FindingRule;
import com.sessionconsole.domain.FindingRule.Severity;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

import java.util.EnumMap;
import java.util.Map;

/**
 * The severity colours (console.css: {@code .severity:severity-high} and so on, with dark-theme
 * overrides). Their own pseudo-classes, not {@code :high}/{@code :low}: {@code .table-cell:low} is the
 * Sessions table's low-trust red, which made LOW look like HIGH.
 */
final class SeverityStyle {
    private static final Map<Severity, PseudoClass> CLASSES = new EnumMap<>(Severity.class);

    static {
        for (Severity s : Severity.values()) {
            CLASSES.put(s, PseudoClass.getPseudoClass("severity-" + s.name().toLowerCase()));
        }
    }

    private SeverityStyle() {
    }

    /** Marks {@code node} with {@code severity} (null: none); the node needs the "severity" style class. */
    static void apply(Node node, Severity severity) {
        CLASSES.forEach((s, pc) -> node.pseudoClassStateChanged(pc, s == severity));
    }

    static Node legend() {
        HBox box = new HBox(8, new Label("Severity:"));
        box.setId("severity-legend");
        for (Severity s : Severity.values()) {
            Label l = new Label(s.name());
            l.getStyleClass().add("severity");
            apply(l, s);
            box.getChildren().add(l);
        }
        Tooltip.install(box, new Tooltip("From the risk: each rule adds points to the user, IP or device it involves (docs/findings.md);"
                + "\nHIGH from " + FindingRule.HIGH_RISK + " points, MEDIUM from " + FindingRule.MEDIUM_RISK + ", LOW below."));
        return box;
    }
}
