package com.sessionconsole.cli;

import com.sessionconsole.domain.Narrowing;
import com.sessionconsole.live.FilterParser;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.stream.Collectors;

/** The root command's --where-* flags: open a huge tenant on only part of its active set, chosen on the server. */
final class NarrowingOptions {
    @Option(names = "--where-ip", paramLabel = "CIDR", description = "load only sessions from this IP network (e.g. 10.0.0.0/8)")
    String ip;

    @Option(names = "--where-user", paramLabel = "TEXT", description = "load only sessions whose user id contains this")
    String user;

    @Option(names = "--where-created-within", paramLabel = "DURATION", description = "load only sessions created within this (30m, 2h, 1d)")
    String createdWithin;

    @Option(names = "--where-location", paramLabel = "TEXT", description = "load only sessions whose location contains this")
    String location;

    /** The narrowing, or a usage error (exit 2) that names each bad flag and why. */
    Narrowing toNarrowing(CommandLine cl) {
        try {
            GivenValue.requireNotBlank("--where-ip", ip);
            GivenValue.requireNotBlank("--where-user", user);
            GivenValue.requireNotBlank("--where-created-within", createdWithin);
            GivenValue.requireNotBlank("--where-location", location);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        FilterParser.Parsed parsed = new FilterParser().parse(new FilterParser.Input(null, ip, null, createdWithin, null, user, null, location));
        if (!parsed.errors().isEmpty()) {
            throw new CommandLine.ParameterException(cl, parsed.errors().entrySet().stream()
                    .map(e -> "--where-" + flag(e.getKey()) + ": " + e.getValue()).collect(Collectors.joining("; ")));
        }
        return Narrowing.of(parsed.filter());
    }

    private static String flag(FilterParser.Field f) {
        return switch (f) {
            case IP -> "ip";
            case USER -> "user";
            case CREATED_WITHIN -> "created-within";
            case LOCATION -> "location";
            default -> f.name().toLowerCase(Locale.ROOT);
        };
    }
}
