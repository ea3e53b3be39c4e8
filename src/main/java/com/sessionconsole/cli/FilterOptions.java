package com.sessionconsole.cli;

import com.sessionconsole.domain.Cidr;
import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.SessionFilter;
import com.sessionconsole.live.FilterParser;

import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The window's filter bar as options, defined once for every reading command and parsed by the filter bar's own
 * {@link FilterParser}. Identifiers match whole, as everywhere on the command line: {@code --user} is a user id,
 * {@code --device} a device id, {@code --ip} an address (any spelling) or a network. {@code --text} and
 * {@code --location} match part of the value in any case, as in the filter bar.
 */
final class FilterOptions {
    @Option(names = "--text", paramLabel = "TEXT", description = "only sessions whose user, device, IP, location or user agent contains this text (any case)")
    String text;

    @Option(names = "--ip", paramLabel = "ADDRESS|CIDR", description = "only this address in any spelling (::ffff:10.0.0.1 is 10.0.0.1) or this network (10.0.0.0/24, 2001:db8::/32); other text matches the stored text exactly")
    String ip;

    @Option(names = "--user", paramLabel = "USER_ID", description = "only this user id (a UUID; the database user is -U)")
    String user;

    @Option(names = "--device", paramLabel = "DEVICE_ID", description = "only this device id (the whole id)")
    String device;

    @Option(names = "--location", paramLabel = "TEXT", description = "only sessions whose location contains this text (any case)")
    String location;

    @Option(names = "--trust-max", paramLabel = "N", description = "only sessions with trust level at or below N (0 to 100)")
    String trustMax;

    @Option(names = "--created-within", paramLabel = "DURATION", description = "only sessions created within this long before now on the server (90s, 30m, 2h, 7d)")
    String createdWithin;

    @Option(names = "--expires-within", paramLabel = "DURATION", description = "only sessions that expire within this long from now on the server (30m, 2h)")
    String expiresWithin;

    /** The filter, or a usage error (exit 2) naming each bad option; a note on stderr when --ip will match stored text. */
    SessionMatch toMatch(PrintWriter err) {
        GivenValue.requireNotBlank("--text", text);
        GivenValue.requireNotBlank("--ip", ip);
        GivenValue.requireNotBlank("--user", user);
        GivenValue.requireNotBlank("--device", device);
        GivenValue.requireNotBlank("--location", location);
        GivenValue.requireNotBlank("--trust-max", trustMax);
        GivenValue.requireNotBlank("--created-within", createdWithin);
        GivenValue.requireNotBlank("--expires-within", expiresWithin);
        String userText = user == null ? null : UserFilter.parse(user).toString();
        boolean exactIpText = false;
        if (ip != null) {
            IpOption.check(ip, err);
            exactIpText = !Cidr.parse(ip).ok();
        }
        FilterParser.Parsed parsed = new FilterParser().parse(new FilterParser.Input(text, exactIpText ? null : ip, trustMax,
                createdWithin, expiresWithin, userText, device, location));
        if (parsed.hasErrors()) {
            throw new IllegalArgumentException(parsed.errors().entrySet().stream()
                    .map(e -> flag(e.getKey()) + ": " + e.getValue()).collect(Collectors.joining("; ")));
        }
        return new SessionMatch(parsed.filter(), exactIpText ? ip : null, device);
    }

    /** The key a history or revoke reads by: user, else device, else IP; null when none is given. */
    String firstKeyName() {
        return user != null ? "--user" : device != null ? "--device" : ip != null ? "--ip" : null;
    }

    static String flag(FilterParser.Field f) {
        return switch (f) {
            case MAX_TRUST -> "--trust-max";
            default -> "--" + f.name().toLowerCase(Locale.ROOT).replace('_', '-');
        };
    }

    /** A parsed filter: the filter bar's, plus the command line's whole-value rules for --device and a non-address --ip. */
    record SessionMatch(SessionFilter filter, String exactIpText, String exactDevice) {
        boolean matches(Session s, Instant serverNow) {
            return filter.matches(s, serverNow) && (exactIpText == null || exactIpText.equals(s.ipAddress()))
                    && (exactDevice == null || Objects.equals(exactDevice, s.deviceId()));
        }

        boolean isEmpty() {
            return filter.isEmpty() && exactIpText == null && exactDevice == null;
        }

        String describe() {
            return exactIpText == null ? filter.describe() : filter.describe() + "; ip text " + exactIpText;
        }
    }
}
