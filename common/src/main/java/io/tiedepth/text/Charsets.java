package io.tiedepth.text;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Opens a text stream by its byte-order mark: UTF-8 (BOM or none) or UTF-16 LE/BE with a BOM (the 2018 LinkedIn
 * files). The BOM is consumed. Bytes that are not valid in the charset become U+FFFD rather than failing the file.
 */
public final class Charsets {
    private Charsets() {
    }

    public static Reader reader(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(3);
        int b0 = in.read();
        int b1 = in.read();
        int b2 = in.read();
        Charset cs;
        int skip;
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            cs = StandardCharsets.UTF_8;
            skip = 3;
        } else if (b0 == 0xFF && b1 == 0xFE) {
            cs = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (b0 == 0xFE && b1 == 0xFF) {
            cs = StandardCharsets.UTF_16BE;
            skip = 2;
        } else {
            cs = StandardCharsets.UTF_8;
            skip = 0;
        }
        in.reset();
        in.skipNBytes(skip);
        return new InputStreamReader(in, cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
    }
}
