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

    @Override
    public void write(int c) throws IOException {
        if (c != '\n' && VisibleText.isHostile(c)) {
            StringBuilder sb = new StringBuilder(6);
            VisibleText.appendEscape(sb, (char) c);
            out.write(sb.toString());
        } else {
            out.write(c);
        }
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        int start = off;
        for (int i = off; i < off + len; i++) {
            char c = buf[i];
            if (c != '\n' && VisibleText.isHostile(c)) {
                out.write(buf, start, i - start);
                write(c);
                start = i + 1;
            }
        }
        out.write(buf, start, off + len - start);
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        write(str.toCharArray(), off, len);
    }
}
