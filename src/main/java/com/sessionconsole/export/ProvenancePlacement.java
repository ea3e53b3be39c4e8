package com.sessionconsole.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where an export records who exported what, when, from where and with which filter: '#' lines above a CSV
 * (scripts), a sidecar file FILE.provenance.json beside it (spreadsheets read the CSV as plain rows), or
 * nowhere. A JSON export always carries it in its "provenance" field.
 */
public enum ProvenancePlacement {
    HEADER, SIDECAR, NONE;

    public static ProvenancePlacement parse(String text) {
        for (ProvenancePlacement p : values()) {
            if (p.name().equalsIgnoreCase(text)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown provenance placement '" + text + "': use " + names());
    }

    /** "header, sidecar or none". */
    public static String names() {
        String all = Arrays.stream(values()).map(p -> p.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " or " + all.substring(last + 2);
    }
}
