package com.sessionconsole.cli;

import com.sessionconsole.domain.Cidr;
import com.sessionconsole.domain.VisibleText;

import java.io.PrintWriter;

/** An --ip value that is neither an address nor a network still finds rows, by their exact text; the analyst is told which rule applies. */
final class IpKeyNote {
    private IpKeyNote() {
    }

    static void warnIfExactText(String key, PrintWriter err) {
        Cidr.Result r = Cidr.parse(key);
        if (!r.ok()) {
            err.println("note: --ip '" + VisibleText.of(key) + "' is not an address or a network (" + r.error()
                    + "); matching the stored text exactly");
            err.flush();
        }
    }
}
