package io.tiedepth.jobs.report;

import io.tiedepth.claims.Claims;
import io.tiedepth.claims.Fmt;
import java.util.Locale;

/** Shared formatting of the renderers. */
final class ReportText {
    static final String SUPPRESSED = "suppressed";

    private ReportText() {
    }

    /** The note under the months table when months are hidden. */
    static String hiddenMonths(long hidden, int kMin) {
        return hidden + " month(s) suppressed: reactivations of fewer than " + kMin + " owners, or hidden with them "
                + "so that the total cannot give them away.";
    }

    /**
     * What a verdict means, in plain words, for a Holm family of {@code testable} claims. Shown beside the claims
     * table of both renderers; it claims no more than the statistics give.
     */
    static String verdictMeaning(long testable) {
        return "What a verdict means: supported = consistent with the claim in these donors: an association across "
                + "owners, not an effect. contradicted = the data point the other way; inconclusive = these data "
                + "cannot tell; not_testable = too few owners have the data. The donors were not drawn to represent "
                + "any population, so a verdict describes them only. Intervals and p-values account for resampling "
                + "owners (owner bootstrap) and for testing " + testable + " claims at once (Holm): a claim is decided "
                + "only when its Holm-adjusted interval excludes the null value.";
    }

    /**
     * What the within-owner verdicts mean: the same rule as the others, over each owner's own months, as a separate
     * pre-specified Holm family of {@code testable} claims.
     */
    static String withinMeaning(long testable) {
        return "C11 and C12 follow each owner month by month and compare the owner only with themselves, so anything "
                + "constant about an owner cannot make or hide the relation. A verdict describes an association "
                + "within these donors over time, not an effect. They are a separate, pre-specified Holm family of "
                + Claims.WITHIN_OWNER.size() + " claims (" + testable + " tested here), kept apart from C1–C10 because "
                + "the designs differ (between owners at one moment, within owners over time); each family holds its "
                + "own 5 % family-wise error rate.";
    }

    /** The within-owner chart's caption. */
    static String withinChartCaption(int kMin) {
        return "Median active ties (an interaction in the past 12 months) against ties held, following the same "
                + "owners month by month, one line per size class at the end of their panel: each owner's months in "
                + "a doubling of ties held give one value (their median), and a point is the median over the owners "
                + "of the class, drawn only when at least k_min = " + kMin + " owners make it (and no point of a size "
                + "class the cohort tables hide); a median of 0 active ties cannot be drawn on a log scale. An "
                + "association within these donors over time, not an effect.";
    }

    /** An interval "[low, high]", or "" when it has no bounds. */
    static String interval(double low, double high) {
        return Double.isNaN(low) && Double.isNaN(high) ? "" : "[" + num(low) + ", " + num(high) + "]";
    }

    /** The adjusted interval's label: "Holm-adjusted, 99.4 %". */
    static String adjustedLabel(double level) {
        return "Holm-adjusted, " + Fmt.level(level);
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
