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
    private static final Pattern SCHEME = Pattern.compile("^[a-z][a-z0-9+.-]*://");
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
        u = SCHEME.matcher(u).replaceFirst("");
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
        String n = Normalizer.normalize(Mojibake.repair(name), Normalizer.Form.NFC);
        n = SPACES.matcher(n).replaceAll(" ").trim();
        return n.toLowerCase(Locale.ROOT);
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
