package com.sessionconsole.ui;

import com.sessionconsole.domain.Session;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * The columns of a session table whose values can look normal but are not (see {@link OddValues}): the IP (not an
 * address, or blanks around it), the creation time (in the future) and the trust level (outside 0-100). Each is
 * marked in its cell and explained in its tooltip.
 */
final class FlaggedColumns {
    static final PseudoClass OUT_OF_RANGE = PseudoClass.getPseudoClass("out-of-range");
    static final PseudoClass FUTURE = PseudoClass.getPseudoClass("future");

    private FlaggedColumns() {
    }

    static TableColumn<Session, String> ip() {
        TableColumn<Session, String> c = SessionTable.text("IP", 165, Session::ipAddress, SessionTable.nullsFirst(Session::ipAddress));
        c.setCellFactory(col -> new CutTextCell<>() {
            private String note;

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                Session s = empty || getIndex() < 0 || getIndex() >= getTableView().getItems().size() ? null : getTableView().getItems().get(getIndex());
                note = s == null ? null : OddValues.ipNote(s.ipAddress());
                if (s != null && s.ipAddress() != null) {
                    setText(OddValues.ipShown(s.ipAddress())); // blanks at its ends are seen: " 10.8.8.4 "
                }
                pseudoClassStateChanged(SessionTable.INVALID, note != null);
            }

            @Override
            protected String note() {
                return note;
            }
        });
        return c;
    }

    /** Created, flagged when it lies in the future by the server's clock. */
    static TableColumn<Session, Instant> created(Supplier<Instant> serverNow) {
        TableColumn<Session, Instant> c = SessionTable.time("Created", Session::createdAt, serverNow);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                Instant now = serverNow.get();
                boolean future = !empty && OddValues.createdInFuture(item, now);
                setText(empty ? null : item == null ? "—" : (future ? "⚠ " : "") + TimeText.relative(item, now));
                setTooltip(empty || item == null ? null : new Tooltip(TimeText.absolute(item) + (future ? "\n" + OddValues.createdNote(item, now) : "")));
                pseudoClassStateChanged(FUTURE, future);
            }
        });
        return c;
    }

    static TableColumn<Session, Integer> trust() {
        TableColumn<Session, Integer> c = new TableColumn<>("Trust");
        c.setPrefWidth(55);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().trustLevel()));
        c.setUserData(SessionTable.nullsFirst(Session::trustLevel));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Integer item, boolean empty) {
                super.updateItem(item, empty);
                boolean outOfRange = !empty && OddValues.trustOutOfRange(item);
                setText(empty ? null : item == null ? "—" : (outOfRange ? "⚠ " : "") + item);
                pseudoClassStateChanged(PseudoClass.getPseudoClass("low"), !empty && item != null && item <= 20);
                pseudoClassStateChanged(OUT_OF_RANGE, outOfRange);
                setTooltip(outOfRange ? new Tooltip(OddValues.trustNote(item)) : null);
            }
        });
        return c;
    }
}
