package com.sessionconsole.ui;

import com.sessionconsole.domain.VisibleText;
import com.sessionconsole.domain.Session;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableIntegerValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.util.Callback;

import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Columns, cells and row styles for any table of sessions (the Sessions view and the detail tables). */
public final class SessionTable {
    static final PseudoClass FRESH = PseudoClass.getPseudoClass("fresh");
    static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final int AGENT_CHARS = 60;
    /** The longest text form of an address: IPv4-mapped IPv6 written out in full. */
    private static final int MAX_ADDRESS_CHARS = 45;
    /** The advance of one character of the monospaced cells (0.92 em of the 14 px AtlantaFX font). */
    private static final double MONO_CHAR_WIDTH = 8.0;
    /** The advance of one bold digit or sign of the 14 px font, with room for the ⚠ of a flagged value. */
    private static final double BOLD_CHAR_WIDTH = 10.0;

    private SessionTable() {
    }

    static final PseudoClass WATCHED = PseudoClass.getPseudoClass("watched");
    private static final double TRUST_MIN_WIDTH = 64;
    /** "59 min ago", "⚠ in 2 h": a relative time is never cut ("10 min …" read as nothing). */
    private static final double TIME_MIN_WIDTH = 100;

    /** The trust column of a table {@link #configure}d here, for {@link #fitTrustColumn}. */
    public static TableColumn<Session, ?> trustColumn(TableView<Session> table) {
        return table.getColumns().get(7);
    }

    /** The number of characters of the widest trust level among the rows as shown (at least 3, for 100; "⚠ " before one out of range). */
    public static <T> int widestTrust(Iterable<T> rows, Function<T, Integer> trust) {
        int longest = 3;
        for (T row : rows) {
            Integer t = trust.apply(row);
            if (OddValues.trustOutOfRange(t)) {
                longest = Math.max(longest, Integer.toString(t).length() + 2);
            }
        }
        return longest;
    }

    /** Keeps the trust column wide enough for its widest value: an out-of-range 2147483647 is shown whole, never "214748…". */
    public static <S> void fitTrustColumn(TableColumn<S, ?> column, ObservableIntegerValue chars) {
        fitColumn(column, chars, BOLD_CHAR_WIDTH, TRUST_MIN_WIDTH);
    }

    /** The IP column of a table {@link #configure}d here, for {@link #fitAddressColumn}. */
    public static TableColumn<Session, ?> ipColumn(TableView<Session> table) {
        return table.getColumns().get(2);
    }

    public static void configure(TableView<Session> table, Supplier<Instant> serverNow, ObservableValue<Set<UUID>> fresh,
                          Predicate<Session> watched, ViewPrefs prefs, String prefix) {
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setFixedCellSize(26);
        table.setTableMenuButtonVisible(true);
        ColumnMenu.install(table);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().setAll(
                middle(text("User", 270, s -> s.userId().toString(), Comparator.comparing(s -> s.userId().toString()))),
                middle(text("Device", 135, Session::deviceId, nullsFirst(Session::deviceId))),
                FlaggedColumns.ip(),
                text("Location", 120, Session::location, nullsFirst(Session::location)),
                agent(),
                FlaggedColumns.created(serverNow),
                time("Expires", Session::expiresAt, serverNow),
                FlaggedColumns.trust(),
                text("Token", 95, s -> s.token().text(), Comparator.comparing(s -> s.token().text())));
        for (int i : new int[]{0, 2, 8}) {
            table.getColumns().get(i).getStyleClass().add("mono");
        }
        table.getColumns().get(7).setMinWidth(TRUST_MIN_WIDTH); // "Trust" and its sort arrow
        table.getColumns().get(8).setMinWidth(Math.ceil(9 * MONO_CHAR_WIDTH) + 24); // a masked token, a1b2…9f3e
        table.getColumns().get(5).setMinWidth(TIME_MIN_WIDTH);
        table.getColumns().get(6).setMinWidth(TIME_MIN_WIDTH);
        table.getColumns().forEach(c -> {
            String key = prefix + ".col." + c.getText();
            c.setPrefWidth(prefs.getDouble(key, c.getPrefWidth()));
            c.widthProperty().addListener((obs, old, w) -> prefs.putDouble(key, w.doubleValue()));
        });
        // The few row cells the table reuses; a change of the fresh set restyles them without rebuilding any cell.
        // Held weakly: rows the table throws away (after a resize) are not kept alive by this set.
        Set<TableRow<Session>> rows = Collections.newSetFromMap(new WeakHashMap<>());
        fresh.addListener((obs, old, now) -> rows.forEach(r -> r.pseudoClassStateChanged(FRESH,
                !r.isEmpty() && r.getItem() != null && now.contains(r.getItem().id()))));
        table.setRowFactory(tv -> {
            TableRow<Session> row = new TableRow<>() {
                @Override
                protected void updateItem(Session item, boolean empty) {
                    super.updateItem(item, empty);
                    pseudoClassStateChanged(FRESH, !empty && item != null && fresh.getValue().contains(item.id()));
                    pseudoClassStateChanged(WATCHED, !empty && item != null && watched.test(item));
                }
            };
            rows.add(row);
            return row;
        });
    }

    /**
     * The length of the longest address among the rows, for an address column's minimum width: no address is
     * cut (an IPv6 address cut short looks like another one). Free text longer than any address does not count.
     * A pass over every row: the live views call it off the FX thread.
     */
    public static <T> int widestAddress(Iterable<T> rows, Function<T, String> address) {
        int longest = 7;
        for (T row : rows) {
            String a = address.apply(row);
            if (a != null && a.length() > longest && a.length() <= MAX_ADDRESS_CHARS) {
                longest = a.length();
                if (longest == MAX_ADDRESS_CHARS) {
                    break;
                }
            }
        }
        return longest;
    }

    /** Keeps an address column at least as wide as {@code chars} characters of the monospaced cells. */
    public static <S> void fitAddressColumn(TableColumn<S, ?> column, ObservableIntegerValue chars) {
        fitColumn(column, chars, MONO_CHAR_WIDTH, 0);
    }

    private static <S> void fitColumn(TableColumn<S, ?> column, ObservableIntegerValue chars, double charWidth, double floor) {
        Runnable fit = () -> {
            double min = Math.max(floor, Math.ceil(chars.get() * charWidth) + 24);
            column.setMinWidth(min);
            if (column.getWidth() < min && column.getTableView() != null) {
                column.getTableView().resizeColumn(column, min - column.getWidth()); // the resize policy takes it from the others
            }
        };
        chars.addListener((obs, old, now) -> fit.run());
        fit.run();
    }

    /** {@link #fitAddressColumn} for a small table that measures its own rows on the FX thread when they change. */
    public static <T> void fitWidestAddress(TableColumn<T, ?> column, ObservableList<T> items, Function<T, String> address) {
        IntegerProperty chars = new SimpleIntegerProperty(widestAddress(items, address));
        items.addListener((ListChangeListener<T>) c -> chars.set(widestAddress(items, address)));
        fitAddressColumn(column, chars);
    }

    /**
     * Keeps a small table's column at least as wide as its widest text (times, masked tokens), measured in the table's
     * font on the FX thread when the rows change: a time or a token cut short reads as another value.
     */
    public static <T> void fitWidestText(TableColumn<T, ?> column, ObservableList<T> items, Function<T, String> text) {
        double floor = column.getMinWidth();
        Runnable fit = () -> {
            Text probe = new Text();
            probe.setFont(Font.font(14)); // the AtlantaFX base size; the mono cells (0.92 em) come out narrower, so this errs wide
            double widest = 0;
            for (T item : items) {
                String s = text.apply(item);
                if (s != null && !s.isEmpty()) {
                    probe.setText(s);
                    widest = Math.max(widest, probe.getLayoutBounds().getWidth());
                }
            }
            double min = Math.max(floor, Math.ceil(widest * 1.08) + 24);
            column.setMinWidth(min);
            if (column.getWidth() < min && column.getTableView() != null) {
                column.getTableView().resizeColumn(column, min - column.getWidth());
            }
        };
        items.addListener((ListChangeListener<T>) c -> fit.run());
        fit.run();
    }

    @SuppressWarnings("unchecked")
    public static Comparator<Session> comparatorOf(TableColumn<Session, ?> column) {
        return (Comparator<Session>) column.getUserData();
    }

    static <T extends Comparable<T>> Comparator<Session> nullsFirst(Function<Session, T> f) {
        return Comparator.comparing(f, Comparator.nullsFirst(Comparator.naturalOrder()));
    }

    static TableColumn<Session, String> text(String title, double width, Function<Session, String> value, Comparator<Session> order) {
        TableColumn<Session, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        // stored text is attacker-written: controls and bidi marks show as escapes and cannot reorder the cell
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(VisibleText.of(value.apply(cd.getValue()))));
        c.setCellFactory(plainCells());
        c.setUserData(order);
        return c;
    }

    /** Text cut at its end, with the whole value in a tooltip once it is cut. */
    private static Callback<TableColumn<Session, String>, TableCell<Session, String>> plainCells() {
        return col -> new CutTextCell<>();
    }

    /** Ids that share a long prefix are cut in the middle, so the part that tells rows apart stays on screen. */
    private static TableColumn<Session, String> middle(TableColumn<Session, String> c) {
        c.setCellFactory(col -> CutTextCell.middle());
        return c;
    }

    private static TableColumn<Session, String> agent() {
        TableColumn<Session, String> c = text("User agent", 200, Session::userAgent, nullsFirst(Session::userAgent));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(empty ? null : "—");
                    setTooltip(null);
                } else {
                    setText(item.length() > AGENT_CHARS ? item.substring(0, AGENT_CHARS) + "…" : item);
                    Tooltip t = new Tooltip(item);
                    t.setWrapText(true);
                    t.setMaxWidth(600);
                    setTooltip(t);
                }
            }
        });
        return c;
    }

    static TableColumn<Session, Instant> time(String title, Function<Session, Instant> value, Supplier<Instant> serverNow) {
        TableColumn<Session, Instant> c = new TableColumn<>(title);
        c.setPrefWidth(90);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setUserData(nullsFirst(value));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? "—" : TimeText.relative(item, serverNow.get()));
                setTooltip(empty || item == null ? null : new Tooltip(TimeText.absolute(item)));
            }
        });
        return c;
    }

}
