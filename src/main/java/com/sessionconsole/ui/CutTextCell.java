package com.sessionconsole.ui;

import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

/**
 * A table cell of text that says when it is cut: once the column is too narrow for the whole value, the value is
 * in a tooltip. Ids that share a long prefix are cut in the middle ({@link OverrunStyle#CENTER_ELLIPSIS}), so the
 * part that tells rows apart stays on screen.
 */
public class CutTextCell<S> extends TableCell<S, String> {
    private final String empty;

    /** @param overrun where the cut goes; @param empty what a NULL shows */
    public CutTextCell(OverrunStyle overrun, String empty) {
        this.empty = empty;
        setTextOverrun(overrun);
        setEllipsisString("…"); // one character, not three: more of the value stays on screen
    }

    /** Cut at the end, NULL as "—". */
    public CutTextCell() {
        this(OverrunStyle.ELLIPSIS, "—");
    }

    /** Cut in the middle (user and device ids), NULL as "—". */
    public static <S> CutTextCell<S> middle() {
        return new CutTextCell<>(OverrunStyle.CENTER_ELLIPSIS, "—");
    }

    @Override
    protected void updateItem(String item, boolean isEmpty) {
        super.updateItem(item, isEmpty);
        setText(isEmpty ? null : item == null ? empty : item);
        setTooltip(null);
        requestLayout();
    }

    /** The extra lines of the tooltip (a reason the value is flagged), or null. */
    protected String note() {
        return null;
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        String whole = getText();
        String shown = lookup(".text") instanceof Text t ? t.getText() : whole;
        boolean cut = whole != null && !whole.equals(shown);
        String note = note();
        String tip = cut && note != null ? whole + "\n" + note : cut ? whole : note;
        if (tip == null ? getTooltip() != null : getTooltip() == null || !tip.equals(getTooltip().getText())) {
            Tooltip t = tip == null ? null : new Tooltip(tip);
            if (t != null) {
                t.setWrapText(true);
                t.setMaxWidth(600);
            }
            setTooltip(t);
        }
    }
}
