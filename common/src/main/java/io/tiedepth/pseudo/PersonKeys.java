package io.tiedepth.pseudo;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalised person keys (DESIGN §4), in order of preference: platform account id, profile URL, display name.
 *
 * <ul>
 *   <li>{@code id:<platform>:<account id>}, e.g. an X {@code accountId}; ids stay strings.</li>
 *   <li>{@code url:<host>/<path>}: scheme, {@code www.}, query, fragment and trailing {@code /} removed, lower
 *       case; so {@code https://www.linkedin.com/in/Jane-Doe/} and {@code linkedin.com/in/jane-doe} are one key,
 *       in every export of the study (shared contacts can be counted).</li>
 *   <li>{@code name:<platform>:<scope>:<name>}: Unicode NFC, mojibake repaired, whitespace (including no-break
 *       and other Unicode spaces) collapsed, case-folded.
 *       A display name is only unique within one owner's network, so name keys are scoped to the owner: the same
 *       name in two owners' exports is two contact ids.</li>
 * </ul>
 */
public final class PersonKeys {
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

    private PersonKeys() {
    }

    public static String accountKey(String platform, String accountId) {
        return "id:" + platform + ":" + accountId.trim();
    }

    public static String urlKey(String url) {
        return "url:" + normaliseUrl(url);
    }

    public static String nameKey(String platform, String scope, String name) {
        return "name:" + platform + ":" + scope + ":" + normaliseName(name);
    }

    /** Lower case, no scheme, no {@code www.}, no query or fragment, no trailing slash. */
    public static String normaliseUrl(String url) {
        String u = url.trim().toLowerCase(Locale.ROOT);
        int scheme = schemeEnd(u);
        if (scheme > 0) {
            u = u.substring(scheme);
        }
        int cut = indexOfAny(u, '?', '#');
        if (cut >= 0) {
            u = u.substring(0, cut);
        }
        if (u.startsWith("www.")) {
            u = u.substring(4);
        }
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    /** NFC, mojibake repaired, whitespace collapsed and trimmed, case-folded. */
    public static String normaliseName(String name) {
        if (isPlainAscii(name)) {
            return name.toLowerCase(Locale.ROOT);
        }
        String n = Normalizer.normalize(Mojibake.repair(name), Normalizer.Form.NFC);
        n = SPACES.matcher(n).replaceAll(" ").trim();
        return n.toLowerCase(Locale.ROOT);
    }

    /**
     * Printable ASCII with single inner spaces only: already NFC, nothing to repair or collapse (the common case,
     * checked without regular expressions since it runs for every name of every row).
     */
    private static boolean isPlainAscii(String s) {
        int n = s.length();
        if (n == 0 || s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E || c == ' ' && s.charAt(i - 1) == ' ') {
                return false;
            }
        }
        return true;
    }

    /** The length of a leading {@code scheme://} ({@code [a-z][a-z0-9+.-]*://}), else 0. */
    private static int schemeEnd(String u) {
        int colon = u.indexOf("://");
        if (colon <= 0) {
            return 0;
        }
        for (int i = 0; i < colon; i++) {
            char c = u.charAt(i);
            boolean letter = c >= 'a' && c <= 'z';
            if (!(letter || i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '.' || c == '-'))) {
                return 0;
            }
        }
        return colon + 3;
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        if (i < 0) {
            return j;
        }
        return j < 0 ? i : Math.min(i, j);
    }
}
