package io.tiedepth.text;

import java.util.regex.Pattern;

/**
 * The only things kept of free text (messages, recommendations): its size. Callers measure, then drop the text.
 *
 * <ul>
 *   <li>{@link #words}: whitespace-separated tokens (Unicode whitespace) after HTML tags ({@code <...>}) are
 *       replaced by spaces; entities such as {@code &amp;} are not decoded. 0 for null or blank text.</li>
 *   <li>{@link #chars}: Unicode code points of the text as given (an emoji is 1, tags are counted). 0 for null.</li>
 * </ul>
 */
public final class TextSize {
    private static final Pattern TAG = Pattern.compile("<[^<>]*>");
    private static final Pattern SPACES = Pattern.compile("(?U)\\s+");

    private TextSize() {
    }

    public static int words(String text) {
        if (text == null) {
            return 0;
        }
        String plain = SPACES.matcher(TAG.matcher(text).replaceAll(" ")).replaceAll(" ").strip();
        return plain.isEmpty() ? 0 : plain.split(" ").length;
    }

    public static int chars(String text) {
        return text == null ? 0 : text.codePointCount(0, text.length());
    }
}
