package com.sessionconsole.cli;

import com.sessionconsole.domain.VisibleText;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Everything the CLI prints passes through here, so that no byte an attacker stored (a device id with an
 * ESC sequence, a bidi override in a user agent) reaches the terminal as a control. Only the line breaks
 * the CLI writes itself pass; every other control or bidi character is printed as its escape. Values are
 * already escaped (newlines included) where they are formatted; this is the net under that.
 */
final class TerminalWriter extends FilterWriter {
    private TerminalWriter(Writer out) {
        super(out);
    }

    static PrintWriter wrap(Writer out) {
        return new PrintWriter(new TerminalWriter(out), true);
    }

    /** A high surrogate at the end of one write, waiting for its low half (tag characters are supplementary). */
    private char pendingHigh;

    @Override
    public void write(int c) throws IOException {
        write(new char[]{(char) c}, 0, 1);
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        StringBuilder sb = new StringBuilder(len + 8);
        if (pendingHigh != 0) {
            sb.append(pendingHigh);
            pendingHigh = 0;
        }
        sb.append(buf, off, len);
        if (sb.length() > 0 && Character.isHighSurrogate(sb.charAt(sb.length() - 1))) {
            pendingHigh = sb.charAt(sb.length() - 1);
            sb.setLength(sb.length() - 1);
        }
        StringBuilder safe = new StringBuilder(sb.length() + 8);
        for (int i = 0; i < sb.length(); ) {
            int c = sb.codePointAt(i);
            if (c != '\n' && VisibleText.isHostile(c)) {
                VisibleText.appendEscape(safe, c);
            } else {
                safe.appendCodePoint(c);
            }
            i += Character.charCount(c);
        }
        out.write(safe.toString());
    }

    @Override
    public void flush() throws IOException {
        if (pendingHigh != 0) {
            out.write(pendingHigh);
            pendingHigh = 0;
        }
        super.flush();
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        char[] part = new char[len]; // only the part written: a long string is not copied whole for each slice
        str.getChars(off, off + len, part, 0);
        write(part, 0, len);
    }
}
