package io.tiedepth.claims;

import java.math.BigDecimal;
import java.math.MathContext;

/** Number formatting for reasons, extras and CSV cells: plain decimals, 4 (text) or 6 (CSV) significant digits. */
public final class Fmt {
    private Fmt() {
    }

    /** 4 significant digits, plain notation; "NaN", "Inf", "-Inf" for non-finite values. */
    public static String num(double v) {
        return digits(v, 4);
    }

    /** A p-value: 4 significant digits, or "&lt; 0.0001". */
    public static String p(double v) {
        return !Double.isNaN(v) && v < 1e-4 ? "< 0.0001" : digits(v, 4);
    }

    /** A CSV cell: 6 significant digits, empty for NaN, "Inf"/"-Inf" for infinities. */
    public static String cell(double v) {
        return Double.isNaN(v) ? "" : digits(v, 6);
    }

    /** An interval "[low, high]". */
    public static String interval(double low, double high) {
        return "[" + num(low) + ", " + num(high) + "]";
    }

    /**
     * A coverage level as a percentage: "95 %", "99.4 %", with as many decimals (up to 4) as keep it below 100 %
     * ("99.995 %"), "&gt; 99.9999 %" beyond; "–" for NaN.
     */
    public static String level(double level) {
        if (Double.isNaN(level)) {
            return "–";
        }
        BigDecimal percent = new BigDecimal(100 * level);
        for (int decimals = 1; decimals <= 4; decimals++) {
            BigDecimal shown = percent.setScale(decimals, java.math.RoundingMode.HALF_UP);
            if (shown.compareTo(BigDecimal.valueOf(100)) < 0) {
                return shown.stripTrailingZeros().toPlainString() + " %";
            }
        }
        return "> 99.9999 %";
    }

    static String digits(double v, int significant) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Inf" : "-Inf";
        }
        if (v == 0) {
            return "0";
        }
        return new BigDecimal(v).round(new MathContext(significant)).stripTrailingZeros().toPlainString();
    }
}
