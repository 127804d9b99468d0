package io.tiedepth.text;

/**
 * The only things kept of free text (messages, recommendations): its size. Callers measure, then drop the text.
 *
 * <ul>
 *   <li>{@link #words}: whitespace-separated tokens (Unicode White_Space, as {@code (?U)\s}) after HTML tags
 *       ({@code <} then no {@code <} or {@code >} up to a {@code >}, as {@code <[^<>]*>}) are replaced by spaces;
 *       entities such as {@code &amp;} are not decoded. 0 for null or blank text. One pass over the chars, no
 *       regular expression (it ran for every message).</li>
 *   <li>{@link #chars}: Unicode code points of the text as given (an emoji is 1, tags are counted). 0 for null.</li>
 * </ul>
 */
public final class TextSize {
    private TextSize() {
    }

    public static int words(String text) {
        if (text == null) {
            return 0;
        }
        int words = 0;
        boolean inWord = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '<') {
                int end = tagEnd(text, i);
                if (end > 0) {
                    inWord = false;
                    i = end;
                    continue;
                }
            }
            if (isWhiteSpace(c)) {
                inWord = false;
            } else if (!inWord) {
                inWord = true;
                words++;
            }
        }
        return words;
    }

    /** The index of the {@code >} closing a tag opened at {@code open}, or -1 when a {@code <} or the end comes first. */
    private static int tagEnd(String text, int open) {
        for (int j = open + 1; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '>') {
                return j;
            }
            if (c == '<') {
                return -1;
            }
        }
        return -1;
    }

    /** Unicode's White_Space property (what {@code (?U)\\s} matches); every such char is in the BMP. */
    static boolean isWhiteSpace(char c) {
        if (c <= ' ') {
            return c == ' ' || (c >= '\t' && c <= '\r');
        }
        if (c < 0x85) {
            return false;
        }
        return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029
                || c == 0x202F || c == 0x205F || c == 0x3000;
    }

    public static int chars(String text) {
        return text == null ? 0 : text.codePointCount(0, text.length());
    }
}
