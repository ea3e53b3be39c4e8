package com.sessionconsole.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Help a person can read: the connection options are listed once, under their own heading, in the root's help; every
 * command's help starts with its examples, lists its own options and names the connection options in one line.
 */
final class HelpSections {
    private static final String CONNECTION = "connection";

    private HelpSections() {
    }

    static void install(CommandLine root) {
        Set<String> connectionNames = root.getCommandSpec().mixins().get(CONNECTION).options().stream()
                .map(OptionSpec::longestName).collect(Collectors.toSet());
        root.setUsageHelpWidth(WIDTH);
        for (CommandLine sub : root.getSubcommands().values()) {
            helpIsNotDashH(sub.getCommandSpec());
        }
        install(root, connectionNames, true);
        root.getSubcommands().values().forEach(sub -> install(sub, connectionNames, false));
        // the command list names each command by the first line of its description
        root.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, help -> {
            StringBuilder sb = new StringBuilder();
            int width = root.getSubcommands().keySet().stream().mapToInt(String::length).max().orElse(0);
            root.getSubcommands().forEach((name, sub) -> {
                String[] d = sub.getCommandSpec().usageMessage().description();
                sb.append("  ").append(name).append(" ".repeat(width - name.length())).append("  ").append(d.length == 0 ? "" : d[0].replace("%n", ""))
                        .append(System.lineSeparator());
            });
            return sb.toString();
        });
    }

    private static final int WIDTH = 110;

    /** picocli's own help and generate-completion commands take -h for help; here, as in psql, -h is the host. */
    private static void helpIsNotDashH(CommandLine.Model.CommandSpec spec) {
        OptionSpec dashH = spec.findOption("-h");
        if (dashH != null && dashH.usageHelp()) {
            spec.remove(dashH);
            spec.addOption(OptionSpec.builder("-?", "--help").usageHelp(true).description("show this help and exit").build());
        }
    }

    private static void install(CommandLine cl, Set<String> connectionNames, boolean isRoot) {
        List<OptionSpec> own = new ArrayList<>();
        List<OptionSpec> connection = new ArrayList<>();
        for (OptionSpec o : cl.getCommandSpec().options()) {
            (connectionNames.contains(o.longestName()) ? connection : own).add(o);
        }
        if (connection.isEmpty()) {
            return;
        }
        cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, help -> help.optionListExcludingGroups(own));
        cl.getHelpSectionMap().put(CONNECTION, help -> isRoot
                ? String.format("%nConnection options (the same for every command, written before or after its name):%n")
                + help.optionListExcludingGroups(connection)
                : String.format("%nConnection: -h HOST -p PORT -d DBNAME -U NAME, or --url CONNECTION, or --profile NAME, or --demo;"
                + " with --read-url, --read-only, --config FILE.%nThey are described once, in 'session-console --help'.%n"));
        List<String> keys = new ArrayList<>(cl.getHelpSectionKeys());
        if (keys.contains(CONNECTION)) {
            return;
        }
        // a command's examples (its footer, where the man page keeps them) lead its help
        keys.remove(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER);
        keys.add(0, CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER);
        cl.setUsageHelpWidth(WIDTH);
        keys.add(keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST) + 1, CONNECTION);
        cl.setHelpSectionKeys(keys);
    }
}
