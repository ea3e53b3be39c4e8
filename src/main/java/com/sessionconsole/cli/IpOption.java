package com.sessionconsole.cli;

import com.sessionconsole.domain.Cidr;
import com.sessionconsole.domain.VisibleText;

import java.io.PrintWriter;
import java.util.regex.Pattern;

/**
 * What an --ip value means, the same on every command: an address (any spelling) or a network matches by address;
 * text made of address characters that is still no address ({@code 300.1.1.1}, {@code 10.0.0.0/33}) is a mistake
 * and refused; any other text (a hostile value seen in a table) matches the stored text exactly, and the analyst is
 * told which rule applies.
 */
final class IpOption {
    private static final Pattern ADDRESS_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.%/\\s]+");

    private IpOption() {
    }

    /** Refuses a mistyped address or network (exit 2); notes on stderr when the value will match stored text exactly. */
    static void check(String value, PrintWriter err) {
        Cidr.Result r = Cidr.parse(value);
        if (r.ok()) {
            return;
        }
        if (ADDRESS_CHARACTERS.matcher(value).matches()) {
            throw new IllegalArgumentException("--ip: " + r.error() + "; give an IPv4 or IPv6 address or a network such as 10.0.0.0/24");
        }
        err.println("note: --ip '" + VisibleText.of(value) + "' is not an address or a network; matching the stored text exactly");
        err.flush();
    }
}
