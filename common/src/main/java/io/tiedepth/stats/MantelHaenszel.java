package io.tiedepth.stats;

/**
 * The Mantel–Haenszel risk ratio over strata (Mantel &amp; Haenszel 1959, <i>J. Natl Cancer Inst.</i> 22:719;
 * Rothman, Greenland &amp; Lash 2008, <i>Modern Epidemiology</i>, 3rd ed., eq. 15-16), and the Greenland–Robins
 * (1985, <i>Biometrics</i> 41:55) variance of its logarithm, which is valid both with many sparse strata (one stratum
 * per owner) and with few large ones.
 *
 * <p>In stratum i, a of n exposed units and b of m unexposed units have the outcome, N = n + m:
 * <pre>  RR_MH = Σ a·m/N / Σ b·n/N
 *  Var(log RR_MH) = Σ (n·m·(a + b)/N² − a·b/N) / ((Σ a·m/N)·(Σ b·n/N))</pre>
 * Strata with no exposed or no unexposed unit contribute nothing. The estimate is a weighted average of the
 * within-stratum risk ratios, so differences <i>between</i> strata (owners) cannot create or hide an effect, as
 * pooling all units across strata can (Simpson's paradox).
 *
 * @param ratio RR_MH (NaN when either sum is 0)
 * @param logVariance Greenland–Robins variance of log RR_MH (NaN when undefined)
 * @param strata strata that contribute (both groups present)
 */
public record MantelHaenszel(double ratio, double logVariance, int strata) {

    /**
     * Over the strata at {@code rows} (indices into the arrays, repeats counted repeatedly: a bootstrap resample).
     *
     * @param a exposed units with the outcome, per stratum
     * @param n exposed units
     * @param b unexposed units with the outcome
     * @param m unexposed units
     */
    public static MantelHaenszel of(long[] a, long[] n, long[] b, long[] m, int[] rows) {
        double num = 0;
        double den = 0;
        double var = 0;
        int strata = 0;
        for (int i : rows) {
            if (n[i] == 0 || m[i] == 0) {
                continue;
            }
            double total = n[i] + m[i];
            num += a[i] * (double) m[i] / total;
            den += b[i] * (double) n[i] / total;
            var += (n[i] * (double) m[i] * (a[i] + b[i]) / (total * total)) - a[i] * (double) b[i] / total;
            strata++;
        }
        if (!(num > 0) || !(den > 0)) {
            return new MantelHaenszel(num == 0 && den > 0 ? 0 : Double.NaN, Double.NaN, strata);
        }
        return new MantelHaenszel(num / den, var / (num * den), strata);
    }

    /** The Greenland–Robins interval exp(log RR ± z·√Var) at coverage {@code level}. */
    public double[] interval(double level) {
        return new NormalInterval(ratio, Math.sqrt(logVariance), NormalInterval.Scale.LOG).atLevel(level);
    }
}
