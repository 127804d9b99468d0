package io.tiedepth.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes bytes through unchanged while counting byte sequences that are not valid UTF-8 (a stray continuation
 * byte, a truncated sequence, a byte that never starts one). Readers decode such bytes as U+FFFD, so nothing is
 * lost; the count becomes a warning on the export. A stream starting with a UTF-16 byte-order mark is not checked.
 */
final class Utf8Check extends FilterInputStream {
    private final Runnable onInvalid;
    private int pending;
    private long position;
    private boolean utf16;

    Utf8Check(InputStream in, Runnable onInvalid) {
        super(in);
        this.onInvalid = onInvalid;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            check(b);
        } else {
            end();
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n < 0) {
            end();
        }
        for (int i = 0; i < n; i++) {
            check(buf[off + i] & 0xFF);
        }
        return n;
    }

    private void check(int b) {
        if (position++ == 0 && (b == 0xFF || b == 0xFE)) {
            utf16 = true;
        }
        if (utf16) {
            return;
        }
        if (pending > 0) {
            if ((b & 0xC0) == 0x80) {
                pending--;
                return;
            }
            pending = 0;
            onInvalid.run();
        }
        if (b < 0x80) {
            return;
        }
        if (b >= 0xC2 && b <= 0xDF) {
            pending = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            pending = 2;
        } else if (b >= 0xF0 && b <= 0xF4) {
            pending = 3;
        } else {
            onInvalid.run();
        }
    }

    private void end() {
        if (pending > 0 && !utf16) {
            pending = 0;
            onInvalid.run();
        }
    }
}
