package io.tiedepth.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * One-breakpoint continuous piecewise-linear ("broken-stick", segmented) regression, used for the Dunbar-ceiling
 * claim C2 (n_active against n_ties).
 */
public final class SegmentedRegression {

    /**
     * Fitting options.
     *
     * @param logX fit on log x (natural log) instead of x; x ≤ 0 is then excluded. Slopes are then per unit of log x
     *     and the breakpoint is reported in both scales.
     * @param minPointsPerSegment the breakpoint is searched only where at least this many points, and at least 2
     *     distinct x values, lie on each side (x ≤ ψ and x ≥ ψ); values below 2 are raised to 2
     * @param daviesGridPoints number K of fixed breakpoints evaluated by the Davies test
     */
    public record Options(boolean logX, int minPointsPerSegment, int daviesGridPoints) {

        /** Defaults: linear x, at least 5 points per segment, K = 10 Davies evaluation points (as R segmented). */
        public static final Options DEFAULT = new Options(false, 5, 10);

        public Options {
            if (daviesGridPoints < 2) {
                throw new IllegalArgumentException(
                        "Cannot configure segmented regression: daviesGridPoints must be at least 2, got "
                                + daviesGridPoints);
            }
        }

        /** These options with {@code logX} set. */
        public Options withLogX(boolean value) {
            return new Options(value, minPointsPerSegment, daviesGridPoints);
        }
    }

    /**
     * Result of {@link #fit}. All numbers are NaN when {@code estimable} is false; {@code reason} then says why.
     *
     * @param breakpoint ψ in the units of x (exp of {@code breakpointOnFitScale} when logX)
     * @param breakpointOnFitScale ψ on the scale the model was fitted on (x or log x)
     * @param intercept a, the fitted y at fit-scale x = 0 of the first segment
     * @param slopeBefore b, slope for x &lt; ψ
     * @param slopeAfter b + c, slope for x &gt; ψ
     * @param fittedAtBreakpoint a + b·ψ, the level of the fitted curve at the breakpoint (the "plateau" height when
     *     the slope after ψ is near 0)
     * @param rss residual sum of squares of the segmented fit
     * @param linearSlope slope of the ordinary straight-line fit (same scale)
     * @param linearIntercept intercept of the straight-line fit
     * @param linearRss residual sum of squares of the straight-line fit
     * @param fStatistic ((linearRss − rss)/2) / (rss/(n − 4)); descriptive only: its F(2, n−4) p-value would be
     *     anti-conservative because ψ does not exist under the null (Davies 1987), use {@code daviesP}
     * @param daviesP Davies (1987) upper bound for the p-value of "no change in slope" (see {@link #fit})
     * @param n points used
     * @param excluded points excluded (NaN or infinite, or x ≤ 0 with logX)
     */
    public record Fit(boolean estimable, String reason, double breakpoint, double breakpointOnFitScale,
            double intercept, double slopeBefore, double slopeAfter, double fittedAtBreakpoint, double rss,
            double linearSlope, double linearIntercept, double linearRss, double fStatistic, double daviesP, int n,
            int excluded, boolean logX) {

        static Fit notEstimable(String reason, int n, int excluded, boolean logX) {
            double nan = Double.NaN;
            return new Fit(false, reason, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, n, excluded,
                    logX);
        }
    }

    private SegmentedRegression() {
    }

    /** {@link #fit(double[], double[], Options)} with {@link Options#DEFAULT}. */
    public static Fit fit(double[] x, double[] y) {
        return fit(x, y, Options.DEFAULT);
    }

    /**
     * Least-squares fit of the continuous one-breakpoint model
     * <pre>  y = a + b·x + c·(x − ψ)₊ + ε,   (u)₊ = max(u, 0)</pre>
     * (x replaced by log x when {@code logX}), the model of Muggeo (2003) "Estimating regression models with unknown
     * break-points", Stat. Med. 22:3055–3071. Muggeo estimates ψ iteratively from a starting value; here the
     * least-squares estimate is found <b>exactly</b> (global minimum of RSS over ψ, no starting value, cannot diverge)
     * by Hudson's (1966) method, "Fitting segmented curves whose join points have to be estimated", JASA
     * 61:1097–1129: for ψ at a data value the model is linear and RSS(ψ) is evaluated in closed form; for ψ strictly
     * between consecutive distinct x values the only possible optimum is the crossing of the two separate
     * least-squares lines fitted left and right of the gap (the first-order conditions reduce to theirs), accepted when
     * the crossing lies inside the gap. Every data value and gap of the admissible range (at least
     * {@code minPointsPerSegment} points and 2 distinct x values on each side) is examined, O(n) after sorting, with
     * prefix sums. Deterministic; among equal RSS the smallest ψ wins.
     *
     * <p>Test for a change in slope (H0: c = 0): Davies (1987) "Hypothesis testing when a nuisance parameter is
     * present only under the alternative", Biometrika 74:33–43, as in R {@code segmented::davies.test} (Muggeo 2008,
     * R News 8(1):20–25): for K breakpoints ψ₁..ψ_K evenly spaced between the 5th and 95th percentiles of x, take the
     * Wald statistic t_k = ĉ/se(ĉ) of the fixed-ψ_k fit; M = max|t_k|, V = Σ|t_k − t_{k−1}|;
     * p = 2·(1 − Φ(M) + V·exp(−M²/2)/√(8π)), capped at 1 (two-sided, normal approximation).
     *
     * <p>Confidence intervals for ψ and the slopes are left to the owner-level bootstrap ({@link Bootstrap}).
     *
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static Fit fit(double[] x, double[] y, Options options) {
        return fit(x, y, options, true);
    }

    /**
     * {@link #fit(double[], double[], Options)} without the straight-line comparison and the Davies test
     * ({@code rss} and the segmented coefficients only; linearSlope, linearIntercept, linearRss, fStatistic and
     * daviesP are NaN): for bootstrap resamples, which use only the coefficients, at about half the cost. The
     * coefficients are those of {@code fit}, to the bit.
     */
    public static Fit fitCoefficients(double[] x, double[] y, Options options) {
        return fit(x, y, options, false);
    }

    private static Fit fit(double[] x, double[] y, Options options, boolean tests) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(
                    "Cannot fit segmented regression: x has " + x.length + " values but y has " + y.length);
        }
        boolean logX = options.logX();
        double[][] data = sortedByX(x, y, logX);
        double[] t = data[0];
        double[] v = data[1];
        int n = t.length;
        int excluded = x.length - n;
        int m = Math.max(2, options.minPointsPerSegment());
        if (n < 2 * m) {
            return Fit.notEstimable("needs at least " + (2 * m) + " points, got " + n, n, excluded, logX);
        }
        Profile profile = new Profile(t, v);
        int lowIndex = admissibleLow(profile.u, m);
        int highIndex = admissibleHigh(profile.u, m);
        if (lowIndex < 0 || highIndex < 0 || !(profile.u[lowIndex] < profile.u[highIndex])) {
            return Fit.notEstimable("no breakpoint leaves " + m + " points and 2 distinct x values on each side", n,
                    excluded, logX);
        }
        double psi = Double.NaN;
        double bestRss = Double.POSITIVE_INFINITY;
        int at = lowIndex;
        while (at <= highIndex) {
            double rss = profile.rss(profile.u[at]);
            if (rss < bestRss) {
                bestRss = rss;
                psi = profile.u[at];
            }
            int next = profile.firstAbove(profile.u[at]);
            if (next <= highIndex) {
                double[] join = profile.separateLinesJoin(next);
                if (join != null && join[0] > profile.u[at] && join[0] < profile.u[next] && join[1] < bestRss) {
                    psi = join[0];
                    bestRss = join[1];
                }
            }
            at = next;
        }
        if (Double.isNaN(psi)) {
            return Fit.notEstimable("the design is singular at every candidate breakpoint", n, excluded, logX);
        }
        Coefficients c = profile.solve(psi);
        double rss = profile.directRss(psi, c);
        double psiFit = psi + profile.tMean;
        double intercept = profile.vMean + c.a - c.b * profile.tMean;
        double atBreakpoint = profile.vMean + c.a + c.b * psi;
        if (!tests) {
            double nan = Double.NaN;
            return new Fit(true, null, logX ? Math.exp(psiFit) : psiFit, psiFit, intercept, c.b, c.b + c.c,
                    atBreakpoint, rss, nan, nan, nan, nan, nan, n, excluded, logX);
        }

        SimpleRegression linear = new SimpleRegression(true);
        for (int i = 0; i < n; i++) {
            linear.addData(t[i], v[i]);
        }
        double linearRss = linear.getSumSquaredErrors();
        double f = rss > 0 ? ((linearRss - rss) / 2.0) / (rss / (n - 4))
                : (linearRss > 0 ? Double.POSITIVE_INFINITY : Double.NaN);

        return new Fit(true, null, logX ? Math.exp(psiFit) : psiFit, psiFit, intercept, c.b, c.b + c.c, atBreakpoint,
                rss, linear.getSlope(), linear.getIntercept(), linearRss, f,
                daviesP(profile, options.daviesGridPoints()), n, excluded, logX);
    }

    /**
     * {t, v}: the usable points (finite, x &gt; 0 with logX) in ascending t = x (or log x), ties in input order (a
     * stable sort); read only. Points given already sorted and usable (the bootstrap of C2 sorts its resamples in
     * linear time) are used as they are, which is the same order.
     */
    private static double[][] sortedByX(double[] x, double[] y, boolean logX) {
        boolean sorted = !logX;
        for (int i = 0; i < x.length && sorted; i++) {
            sorted = Double.isFinite(x[i]) && Double.isFinite(y[i])
                    && (i == 0 || Double.compare(x[i - 1], x[i]) <= 0);
        }
        if (sorted) {
            return new double[][] {x, y};
        }
        int n = 0;
        double[][] pairs = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            boolean usable = Double.isFinite(x[i]) && Double.isFinite(y[i]) && (!logX || x[i] > 0);
            if (usable) {
                pairs[n++] = new double[] {logX ? Math.log(x[i]) : x[i], y[i]};
            }
        }
        double[][] byT = Arrays.copyOf(pairs, n);
        Arrays.sort(byT, (p, q) -> Double.compare(p[0], q[0]));
        double[] t = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = byT[i][0];
            v[i] = byT[i][1];
        }
        return new double[][] {t, v};
    }

    /** Index of the smallest x with at least m points and 2 distinct values at or below it, or −1. */
    private static int admissibleLow(double[] u, int m) {
        for (int i = m - 1; i < u.length; i++) {
            if (u[i] > u[0]) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the largest x with at least m points and 2 distinct values at or above it, or −1. */
    private static int admissibleHigh(double[] u, int m) {
        int last = u.length - 1;
        for (int i = u.length - m; i >= 0; i--) {
            if (u[i] < u[last]) {
                return i;
            }
        }
        return -1;
    }

    private static double daviesP(Profile profile, int k) {
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        percentile.setData(profile.u);
        double from = percentile.evaluate(5.0);
        double to = percentile.evaluate(95.0);
        double[] stats = new double[k];
        int valid = 0;
        for (int i = 0; i < k; i++) {
            double psi = from + (to - from) * i / (k - 1);
            Coefficients c = profile.solve(psi);
            if (c != null && !Double.isNaN(c.tC)) {
                stats[valid++] = c.tC;
            }
        }
        if (valid < 2) {
            return Double.NaN;
        }
        double max = 0;
        double variation = 0;
        for (int i = 0; i < valid; i++) {
            max = Math.max(max, Math.abs(stats[i]));
            if (i > 0) {
                variation += Math.abs(stats[i] - stats[i - 1]);
            }
        }
        if (Double.isInfinite(max)) {
            return 0.0;
        }
        NormalDistribution normal = new NormalDistribution(null, 0.0, 1.0);
        double p = 2.0 * (normal.cumulativeProbability(-max) + variation * Math.exp(-max * max / 2.0)
                / Math.sqrt(8.0 * Math.PI));
        return Math.min(1.0, p);
    }

    /** Fixed-ψ coefficients on the centred scale: v = a + b·u + c·(u − ψ)₊, with the Wald statistic of c. */
    private record Coefficients(double a, double b, double c, double rss, double tC) {
    }

    /** Sorted, centred data with suffix sums so that the fixed-ψ least-squares fit costs O(log n). */
    private static final class Profile {
        final double[] u;
        final double[] v;
        final double tMean;
        final double vMean;
        final int n;
        final double su;
        final double suu;
        final double sv;
        final double suv;
        final double svv;
        final double[] ru;
        final double[] ruu;
        final double[] rv;
        final double[] ruv;
        final double[] rvv;

        Profile(double[] t, double[] y) {
            n = t.length;
            tMean = mean(t);
            vMean = mean(y);
            u = new double[n];
            v = new double[n];
            for (int i = 0; i < n; i++) {
                u[i] = t[i] - tMean;
                v[i] = y[i] - vMean;
            }
            ru = new double[n + 1];
            ruu = new double[n + 1];
            rv = new double[n + 1];
            ruv = new double[n + 1];
            rvv = new double[n + 1];
            for (int i = n - 1; i >= 0; i--) {
                ru[i] = ru[i + 1] + u[i];
                ruu[i] = ruu[i + 1] + u[i] * u[i];
                rv[i] = rv[i + 1] + v[i];
                ruv[i] = ruv[i + 1] + u[i] * v[i];
                rvv[i] = rvv[i + 1] + v[i] * v[i];
            }
            su = ru[0];
            suu = ruu[0];
            sv = rv[0];
            suv = ruv[0];
            svv = rvv[0];
        }

        double rss(double psi) {
            Coefficients c = solve(psi);
            return c == null ? Double.POSITIVE_INFINITY : c.rss;
        }

        Coefficients solve(double psi) {
            int idx = firstAbove(psi);
            int k = n - idx;
            double rx = ru[idx];
            double rxx = ruu[idx];
            double ry = rv[idx];
            double rxy = ruv[idx];
            double sz = rx - k * psi;
            double szz = rxx - 2.0 * psi * rx + k * psi * psi;
            double sxz = rxx - psi * rx;
            double szy = rxy - psi * ry;
            double cxx = suu - su * su / n;
            double cxz = sxz - su * sz / n;
            double czz = szz - sz * sz / n;
            double cxy = suv - su * sv / n;
            double czy = szy - sz * sv / n;
            double cyy = svv - sv * sv / n;
            double det = cxx * czz - cxz * cxz;
            if (!(czz > 0) || !(det > 1e-12 * cxx * czz)) {
                return null;
            }
            double b = (czz * cxy - cxz * czy) / det;
            double c = (cxx * czy - cxz * cxy) / det;
            double a = (sv - b * su - c * sz) / n;
            double rss = Math.max(0.0, cyy - b * cxy - c * czy);
            double sigma2 = n > 3 ? rss / (n - 3) : Double.NaN;
            double seC = Math.sqrt(sigma2 * cxx / det);
            double tC = seC > 0 ? c / seC : (c == 0 ? Double.NaN : Math.copySign(Double.POSITIVE_INFINITY, c));
            return new Coefficients(a, b, c, rss, tC);
        }

        double directRss(double psi, Coefficients c) {
            double rss = 0;
            for (int i = 0; i < n; i++) {
                double r = v[i] - c.a - c.b * u[i] - c.c * Math.max(0.0, u[i] - psi);
                rss += r * r;
            }
            return rss;
        }

        /**
         * Separate least-squares lines on points [0, split) and [split, n); returns {ψ, RSS} where ψ is where the lines
         * cross and RSS the sum of both lines' residual sums of squares, or null if a line or the
         * crossing is undefined.
         */
        double[] separateLinesJoin(int split) {
            double[] left = line(split, su - ru[split], suu - ruu[split], sv - rv[split], suv - ruv[split],
                    svv - rvv[split]);
            double[] right = line(n - split, ru[split], ruu[split], rv[split], ruv[split], rvv[split]);
            if (left == null || right == null || left[1] == right[1]) {
                return null;
            }
            double psi = (right[0] - left[0]) / (left[1] - right[1]);
            return new double[] {psi, left[2] + right[2]};
        }

        /** {intercept, slope, rss} of the least-squares line through points given by their sums, or null. */
        private static double[] line(int count, double sx, double sxx, double sy, double sxy, double syy) {
            double cxx = sxx - sx * sx / count;
            if (count < 2 || !(cxx > 1e-12 * sxx)) {
                return null;
            }
            double cxy = sxy - sx * sy / count;
            double cyy = syy - sy * sy / count;
            double slope = cxy / cxx;
            double intercept = (sy - slope * sx) / count;
            return new double[] {intercept, slope, Math.max(0.0, cyy - slope * cxy)};
        }

        int firstAbove(double psi) {
            int low = 0;
            int high = n;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (u[mid] > psi) {
                    high = mid;
                } else {
                    low = mid + 1;
                }
            }
            return low;
        }

        private static double mean(double[] values) {
            double sum = 0;
            for (double value : values) {
                sum += value;
            }
            return sum / values.length;
        }
    }
}
