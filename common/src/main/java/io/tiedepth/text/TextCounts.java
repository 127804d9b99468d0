package io.tiedepth.text;

/**
 * The only things kept of free text (DESIGN §4): its number of words (maximal runs of non-whitespace characters)
 * and of characters (Unicode code points, so an emoji counts once). Null text gives null counts.
 */
public final class TextCounts {
    private TextCounts() {
    }

    public static Integer words(String text) {
        if (text == null) {
            return null;
        }
        int n = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean space = Character.isWhitespace(cp) || Character.isSpaceChar(cp);
            if (!space && !inWord) {
                n++;
            }
            inWord = !space;
            i += Character.charCount(cp);
        }
        return n;
    }

    public static Integer chars(String text) {
        return text == null ? null : text.codePointCount(0, text.length());
    }
}
