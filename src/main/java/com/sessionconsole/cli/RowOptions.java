package com.sessionconsole.cli;

import com.sessionconsole.domain.CodePointOrder;
import com.sessionconsole.files.SpreadsheetCells;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** {@code --limit}, {@code --sort} and {@code --columns}: which rows and columns a command prints, checked before it connects. */
final class RowOptions {
    @Option(names = "--limit", paramLabel = "N", description = "print at most N rows (after sorting); when rows were cut, standard error says how many there were")
    Integer limit;

    @Option(names = "--sort", paramLabel = "COLUMN[,desc]", description = "sort by this column, ascending unless ',desc' follows; NULL sorts last")
    String sort;

    @Option(names = "--columns", paramLabel = "A,B,…", split = ",", description = "print only these columns, in this order")
    List<String> columns;

    /** What to print of rows with this header; a usage error (exit 2) for an unknown column or a bad limit. */
    Shape shape(List<String> header) {
        if (limit != null && limit < 0) {
            throw new IllegalArgumentException("--limit " + limit + ": give a number of rows, 0 or more");
        }
        Comparator<List<Object>> order = null;
        if (sort != null) {
            String[] parts = sort.split(",", -1);
            if (parts.length > 2 || parts.length == 2 && !parts[1].strip().equalsIgnoreCase("desc") && !parts[1].strip().equalsIgnoreCase("asc")) {
                throw new IllegalArgumentException("--sort '" + sort + "': write COLUMN or COLUMN,desc");
            }
            int i = index(header, parts[0], "--sort");
            Comparator<Object> values = RowOptions::compare;
            boolean desc = parts.length == 2 && parts[1].strip().equalsIgnoreCase("desc");
            Comparator<Object> byValue = Comparator.nullsLast(desc ? values.reversed() : values);
            order = (a, b) -> byValue.compare(a.get(i), b.get(i));
        }
        int[] picked = null;
        if (columns != null) {
            picked = new int[columns.size()];
            for (int c = 0; c < picked.length; c++) {
                picked[c] = index(header, columns.get(c), "--columns");
                for (int before = 0; before < c; before++) {
                    if (picked[before] == picked[c]) {
                        throw new IllegalArgumentException("--columns: '" + header.get(picked[c]) + "' is named twice; name each column once");
                    }
                }
            }
        }
        return new Shape(header, order, limit, picked);
    }

    private static int index(List<String> header, String name, String flag) {
        int i = header.indexOf(name.strip().toLowerCase(Locale.ROOT));
        if (i < 0) {
            throw new IllegalArgumentException(flag + ": unknown column '" + name.strip() + "'; the columns are " + String.join(",", header));
        }
        return i;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return CodePointOrder.INSTANCE.compare(x, y);
        }
        if (a instanceof Comparable x && a.getClass() == b.getClass()) {
            return x.compareTo(b);
        }
        return CodePointOrder.INSTANCE.compare(SpreadsheetCells.text(a), SpreadsheetCells.text(b));
    }

    /** The rows' order (null: as they come), how many, and which columns (null: all). */
    record Shape(List<String> header, Comparator<List<Object>> order, Integer limit, int[] picked) {
        static Shape all(List<String> header) {
            return new Shape(header, null, null, null);
        }

        List<String> printedHeader() {
            return picked == null ? header : project(new ArrayList<>(header));
        }

        <T> List<T> project(List<T> row) {
            if (picked == null) {
                return row;
            }
            List<T> out = new ArrayList<>(picked.length);
            for (int i : picked) {
                out.add(row.get(i));
            }
            return out;
        }
    }
}
