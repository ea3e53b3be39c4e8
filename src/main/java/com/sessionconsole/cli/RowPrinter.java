package com.sessionconsole.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.sessionconsole.domain.VisibleText;
import com.sessionconsole.files.Json;
import com.sessionconsole.files.SpreadsheetCells;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Prints rows of named columns as an aligned table, CSV (header first), a JSON array of objects or one object per line (ndjson).
 * Table cells show controls, bidi marks and invisible characters as escapes, NULL as ∅ and the empty text as "";
 * CSV cells are escaped the same way and neutralised (NULL is an empty field, the empty text ""); JSON is exact (null, "").
 */
final class RowPrinter {
    private static final int MAX_TABLE_CELL = 48;
    private static final int TABLE_WIDTH_SAMPLE = 1000;

    private RowPrinter() {
    }

    /** Rows handed on one at a time, as a database cursor reads them. */
    @FunctionalInterface
    interface Rows {
        void forEach(Consumer<List<Object>> sink);
    }

    static void print(PrintWriter out, OutputFormat format, List<String> header, List<List<Object>> rows) {
        print(out, format, header, rows::forEach);
    }

    static void print(PrintWriter out, OutputFormat format, List<String> header, Rows rows) {
        // without a limit nothing is cut, so there is nothing to say on standard error
        print(out, new PrintWriter(java.io.Writer.nullWriter()), format, RowOptions.Shape.all(header), rows);
    }

    static void print(PrintWriter out, PrintWriter err, OutputFormat format, RowOptions.Shape shape, List<List<Object>> rows) {
        print(out, err, format, shape, rows::forEach);
    }

    /**
     * Every format is written as the rows arrive; nothing holds the whole result, unless the shape sorts them.
     * The shape's limit stops printing, not reading: when it cut rows, standard error says how many there were (and the
     * table's footer too), so that a cut list is never taken for the whole.
     */
    static void print(PrintWriter out, PrintWriter err, OutputFormat format, RowOptions.Shape shape, Rows rows) {
        long[] total = {0};
        Rows shaped = shaped(shape, rows, total);
        List<String> header = shape.printedHeader();
        switch (format) {
            case csv -> csv(out, header, shaped);
            case json -> json(out, header, shaped);
            case ndjson -> ndjson(out, header, shaped);
            default -> table(out, header, shaped, total, shape.limit());
        }
        out.flush();
        if (shape.limit() != null && total[0] > shape.limit()) {
            err.println(cut(shape.limit(), total[0]));
            err.flush();
        }
    }

    private static String cut(long limit, long total) {
        return "showing the first " + limit + " of " + total + " rows (--limit " + limit + ")";
    }

    private static Rows shaped(RowOptions.Shape shape, Rows rows, long[] total) {
        Rows ordered = rows;
        if (shape.order() != null) {
            List<List<Object>> all = new ArrayList<>();
            rows.forEach(all::add);
            all.sort(shape.order());
            ordered = all::forEach;
        }
        Rows from = ordered;
        long max = shape.limit() == null ? Long.MAX_VALUE : shape.limit();
        return sink -> from.forEach(row -> {
            if (total[0]++ < max) {
                sink.accept(shape.project(row));
            }
        });
    }

    /** A list (the ids a finding cites) as one cell: its items, space-separated; JSON keeps it an array. */
    private static String text(Object value) {
        if (value instanceof List<?> items) {
            StringBuilder sb = new StringBuilder();
            items.forEach(i -> sb.append(sb.isEmpty() ? "" : " ").append(i instanceof java.util.Map<?, ?> ? Json.write(i) : SpreadsheetCells.text(i)));
            return sb.toString();
        }
        return SpreadsheetCells.text(value);
    }

    /** One JSON object per line, each written as it arrives: for jq, a SIEM, or a pipe read line by line. */
    private static void ndjson(PrintWriter out, List<String> header, Rows rows) {
        rows.forEach(row -> {
            out.println(Json.write(object(header, row)));
        });
    }

    static java.util.Map<String, Object> object(List<String> header, List<Object> row) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            Object v = row.get(i);
            m.put(header.get(i), v instanceof java.util.UUID ? v.toString() : v);
        }
        return m;
    }

    private static void csv(PrintWriter out, List<String> header, Rows rows) {
        try {
            CSVPrinter printer = new CSVPrinter(out, SpreadsheetCells.format());
            SpreadsheetCells.printHeader(printer, header);
            rows.forEach(row -> {
                List<String> cells = new ArrayList<>(row.size());
                // on stdout even CSV shows a line break inside a value as \x0a (a value cannot start a forged line);
                // what is written is then neutralised like any cell
                row.forEach(v -> cells.add(SpreadsheetCells.neutralise(VisibleText.of(text(v)))));
                unchecked(() -> printer.printRecord(cells));
            });
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface IoStep {
        void run() throws IOException;
    }

    private static void unchecked(IoStep step) {
        try {
            step.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Streamed through Jackson's generator: the rows are written as they are read, never held as one text. */
    private static void json(PrintWriter out, List<String> header, Rows rows) {
        try (JsonGenerator g = Json.generator(out)) {
            g.writeStartArray();
            rows.forEach(row -> unchecked(() -> {
                g.writeStartObject();
                for (int i = 0; i < header.size(); i++) {
                    g.writeFieldName(header.get(i));
                    g.writeObject(row.get(i));
                }
                g.writeEndObject();
            }));
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    /**
     * A value as a table cell: escaped, NULL as ∅. Text whose blanks at its ends would vanish in the column (" ",
     * "loc ") is quoted, and a quote that is part of the value is escaped. A table's cells are read by eye, so what
     * could pass for its own marks or for other text is escaped too: every symbol and punctuation mark outside ASCII
     * (∅ look-alikes such as ⌀ ⦰ ⊘, the cut mark … and its look-alikes ․ ⋯ ︙) and a combining mark stacked on
     * another. Letters in any script stay as they are.
     */
    static String tableCell(String value) {
        if (value == null || value.isEmpty()) {
            return VisibleText.cell(value);
        }
        // quotes in a cell are the table's own (around blank-edged text, "" for the empty text): a stored one is escaped
        String s = value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ' ? VisibleText.quoted(value)
                : VisibleText.cell(value).replace("\"", "\\x22");
        StringBuilder sb = new StringBuilder(s.length());
        int[] previousType = {-1};
        s.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (c > 0x7f && (mayPassForAMark(type) || isMark(type) && isMark(previousType[0]))) {
                VisibleText.appendEscape(sb, c);
            } else {
                sb.appendCodePoint(c);
            }
            previousType[0] = type;
        });
        return sb.toString();
    }

    private static boolean mayPassForAMark(int type) {
        return switch (type) {
            case Character.MATH_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL, Character.DASH_PUNCTUATION,
                 Character.START_PUNCTUATION, Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                 Character.FINAL_QUOTE_PUNCTUATION, Character.CONNECTOR_PUNCTUATION, Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    private static boolean isMark(int type) {
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    /**
     * An aligned table that streams too: the column widths come from the first {@value #TABLE_WIDTH_SAMPLE} rows, then
     * every row is printed as it arrives (a later, wider cell pushes its line to the right rather than being cut).
     */
    private static void table(PrintWriter out, List<String> header, Rows rows, long[] total, Integer limit) {
        List<List<String>> first = new ArrayList<>();
        int[][] widths = {null};
        long[] count = {0};
        rows.forEach(row -> {
            List<String> cells = tableCells(row);
            count[0]++;
            if (widths[0] != null) {
                line(out, cells, widths[0]);
                return;
            }
            first.add(cells);
            if (first.size() == TABLE_WIDTH_SAMPLE) {
                widths[0] = startTable(out, header, first);
            }
        });
        if (widths[0] == null) {
            startTable(out, header, first);
        }
        out.println(limit != null && total[0] > limit ? "(" + cut(limit, total[0]) + ")" : "(" + count[0] + " rows)");
    }

    private static List<String> tableCells(List<Object> row) {
        List<String> c = new ArrayList<>(row.size());
        for (Object v : row) {
            String s = tableCell(text(v));
            c.add(s.codePointCount(0, s.length()) > MAX_TABLE_CELL ? s.substring(0, s.offsetByCodePoints(0, MAX_TABLE_CELL - 1)) + "…" : s);
        }
        return c;
    }

    /** Prints the header and the rows held so far with widths that fit them all; returns the widths for the rows to come. */
    private static int[] startTable(PrintWriter out, List<String> header, List<List<String>> held) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> c : held) {
                widths[i] = Math.max(widths[i], c.get(i).length());
            }
        }
        line(out, header, widths);
        held.forEach(c -> line(out, c, widths));
        return widths;
    }

    private static void line(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append("  ");
            }
            sb.append(cells.get(i));
            if (i < cells.size() - 1) {
                sb.append(" ".repeat(Math.max(0, widths[i] - cells.get(i).length())));
            }
        }
        out.println(sb);
    }
}
