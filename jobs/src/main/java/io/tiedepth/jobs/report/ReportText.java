package io.tiedepth.jobs.report;

import io.tiedepth.claims.Fmt;
import java.util.Locale;

/** Shared formatting of the renderers. */
final class ReportText {
    static final String SUPPRESSED = "suppressed";

    private ReportText() {
    }

    static String num(double v) {
        return Double.isNaN(v) ? "–" : Fmt.num(v);
    }

    static String count(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    static String pct(long part, long whole) {
        return whole == 0 ? "–" : String.format(Locale.ROOT, "%.1f %%", 100.0 * part / whole);
    }

    static String html(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A Markdown table cell: pipes escaped, no line breaks. */
    static String md(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }
}
