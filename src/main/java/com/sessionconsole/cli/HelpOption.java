package com.sessionconsole.cli;

import picocli.CommandLine.Option;

/** Help on every command as -? or --help: -h is the host, as in psql. */
final class HelpOption {
    @Option(names = {"-?", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;
}
