package io.tiedepth.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/** Rank correlation between two owner-level variables. */
public final class Correlation {

    /**
     * Spearman's rank correlation and what it was computed on.
     *
     * @param rho Spearman's ρ, or NaN when it is undefined (fewer than 2 complete pairs, or one variable constant)
     * @param n number of complete pairs used
     * @param dropped number of pairs dropped because x or y was NaN
     * @param pValue two-sided p-value of the t approximation (see {@link #spearman}), NaN when n &lt; 3 or ρ is NaN
     */
    public record Spearman(double rho, int n, int dropped, double pValue) {
    }

    private Correlation() {
    }

    /**
     * Spearman's rank correlation coefficient ρ (Spearman 1904).
     *
     * <p>Definition: ρ is Pearson's correlation between the ranks of x and the ranks of y, where tied values
     * receive the average of the ranks they span ("mid-ranks"; Kendall &amp; Gibbons 1990, <i>Rank Correlation
     * Methods</i>, 5th ed., ch. 3). With ties this differs from the shortcut 1 − 6Σd²/(n(n²−1)), which is exact only
     * without ties. Computed with commons-math3 {@code SpearmansCorrelation} and
     * {@code NaturalRanking(TiesStrategy.AVERAGE)}.
     *
     * <p>Missing values: a pair is <b>dropped</b> (pairwise deletion) when x or y is NaN; the number dropped is
     * reported. Infinite values are legitimate extreme ranks. ρ is NaN when fewer than 2 pairs remain or one
     * variable is constant after dropping.
     *
     * <p>p-value: two-sided, from t = ρ·√((n−2)/(1−ρ²)) on n−2 degrees of freedom (the usual large-sample
     * approximation, e.g. Zar 1972, JASA 67:578). The claims engine uses bootstrap intervals instead; this is for
     * descriptive tables.
     *
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static Spearman spearman(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(
                    "Cannot compute Spearman correlation: x has " + x.length + " values but y has " + y.length);
        }
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                n++;
            }
        }
        double[] xs = new double[n];
        double[] ys = new double[n];
        int j = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                xs[j] = x[i];
                ys[j] = y[i];
                j++;
            }
        }
        int dropped = x.length - n;
        if (n < 2) {
            return new Spearman(Double.NaN, n, dropped, Double.NaN);
        }
        double rho = new SpearmansCorrelation(new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE))
                .correlation(xs, ys);
        return new Spearman(rho, n, dropped, tApproximationP(rho, n));
    }

    private static double tApproximationP(double rho, int n) {
        if (Double.isNaN(rho) || n < 3) {
            return Double.NaN;
        }
        if (Math.abs(rho) >= 1.0) {
            return 0.0;
        }
        double t = rho * Math.sqrt((n - 2) / (1.0 - rho * rho));
        TDistribution dist = new TDistribution(null, n - 2);
        return Math.min(1.0, 2.0 * dist.cumulativeProbability(-Math.abs(t)));
    }
}
