package io.tiedepth.claims;

/** A claim's verdict (DESIGN §7). */
public enum Verdict {
    /** The interval lies entirely on the claimed side of the null value, and the Holm-adjusted p is below alpha. */
    SUPPORTED,
    /** The interval lies entirely on the other side, and the Holm-adjusted p is below alpha. */
    CONTRADICTED,
    /** The interval spans the null value (or excludes it only before the Holm adjustment). */
    INCONCLUSIVE,
    /** Too few owners have the data the claim needs, or the exports cannot answer it at all; the reason says why. */
    NOT_TESTABLE;

    /** The lower-case name written to the tables: supported, contradicted, inconclusive, not_testable. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Which side of the null value a claim predicts. */
    public enum Side {
        BELOW, ABOVE
    }

    /**
     * The interval rule of DESIGN §7: {@code SUPPORTED} when [lower, upper] lies strictly on the claimed side of
     * {@code nullValue}, {@code CONTRADICTED} when it lies strictly on the other side, else {@code INCONCLUSIVE}
     * (also when a bound is NaN).
     */
    public static Verdict byInterval(double lower, double upper, double nullValue, Side claimed) {
        if (Double.isNaN(lower) || Double.isNaN(upper)) {
            return INCONCLUSIVE;
        }
        boolean below = upper < nullValue;
        boolean above = lower > nullValue;
        if (claimed == Side.BELOW) {
            return below ? SUPPORTED : above ? CONTRADICTED : INCONCLUSIVE;
        }
        return above ? SUPPORTED : below ? CONTRADICTED : INCONCLUSIVE;
    }
}
