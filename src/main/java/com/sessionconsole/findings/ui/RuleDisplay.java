package com.sessionconsole.findings.ui;

import com.sessionconsole.domain.FindingRule;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/** How the Findings view shows one rule's findings. A view choice only: the findings themselves never change. */
public enum RuleDisplay {
    /** One row per finding. */
    LIST,
    /** One row for all of the rule's findings. */
    GROUP,
    /** No rows; the rule's count stays in the summary strip. */
    MUTE;

    /** "new_ip_for_user=mute,shared_ip=group": rules shown as a list are left out. */
    public static String format(Map<FindingRule, RuleDisplay> displays) {
        return displays.entrySet().stream().filter(e -> e.getValue() != LIST)
                .map(e -> e.getKey().cliName() + "=" + e.getValue().name().toLowerCase()).collect(Collectors.joining(","));
    }

    /** Reads {@link #format}; an entry it does not understand (an older or newer version's) is skipped. */
    public static Map<FindingRule, RuleDisplay> parse(String text) {
        Map<FindingRule, RuleDisplay> out = new EnumMap<>(FindingRule.class);
        for (String entry : text.split(",")) {
            String[] kv = entry.split("=", 2);
            try {
                out.put(FindingRule.parse(kv[0]), RuleDisplay.valueOf(kv[1].strip().toUpperCase()));
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                // a preference is a convenience: a damaged one shows that rule as a list
            }
        }
        return out;
    }
}
