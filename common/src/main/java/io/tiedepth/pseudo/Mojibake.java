package io.tiedepth.pseudo;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Repairs text that is UTF-8 bytes mis-read as Latin-1, as every string in a Facebook JSON export is
 * ({@code "H\u00c3\u00a5kan"} for Håkan). Repaired only when every char is at most U+00FF, at least one is above
 * U+007F, and the bytes decode as strict UTF-8; otherwise the text is returned unchanged, so already-correct text
 * (including genuine Latin-1 names such as "Håkan") is never damaged.
 */
public final class Mojibake {
    private Mojibake() {
    }

    public static String repair(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        boolean high = false;
        byte[] bytes = new byte[s.length()];
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0xFF) {
                return s;
            }
            high |= c > 0x7F;
            bytes[i] = (byte) c;
        }
        if (!high) {
            return s;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return s;
        }
    }
}
