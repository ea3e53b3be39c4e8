package com.sessionconsole.cli;

/**
 * On the command line an option that is given names a filter: a blank value is a mistake (an empty shell variable),
 * never "no filter", which would widen a read, an export or a revoke to every row. The window's empty field is another
 * matter and still means no filter.
 */
final class GivenValue {
    private GivenValue() {
    }

    /** Refuses (exit 2) a given but blank value; null (the option left out) passes. */
    static void requireNotBlank(String option, String value) {
        if (value != null && value.isBlank()) {
            throw new IllegalArgumentException(option + ": the value is empty; give a value, or leave " + option
                    + " out to not filter by it");
        }
    }
}
