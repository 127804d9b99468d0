package io.tiedepth.stats;

import java.util.Arrays;

/**
 * Poisson pseudo-maximum likelihood (PPML) with one regressor: the fit of E[y | x] = exp(a + b·x) that solves the
 * Poisson score equations Σ wᵢ·(yᵢ − μᵢ) = 0 and Σ wᵢ·xᵢ·(yᵢ − μᵢ) = 0, μᵢ = exp(a + b·xᵢ).
 *
 * <p>Why PPML for the claims' elasticities (C1, C4): with x = log(n_ties), b is the elasticity of the conditional
 * <b>mean</b> E[y | n_ties], and the estimator is consistent for it whatever the distribution of y given x — binomial,
 * overdispersed, with many zeros — as long as the mean is log-linear (Gourieroux, Monfort &amp; Trognon 1984,
 * <i>Econometrica</i> 52:681; Santos Silva &amp; Tenreyro 2006, <i>Rev. Econ. Stat.</i> 88:641, "The log of
 * gravity"). OLS of log(y) or log(1 + y) instead estimates the mean of the log, which differs from the log of the
 * mean whenever the spread of y changes with x, and must drop or shift zeros. y need not be an integer (rates
 * work). When the mean is not log-linear, b converges to the pseudo-true value: the slope of the log-linear mean
 * closest to the data in Poisson deviance.
 *
 * <p>Algorithm: Newton–Raphson on the score equations, which for the canonical log link is iteratively reweighted
 * least squares (McCullagh &amp; Nelder 1989, <i>Generalized Linear Models</i>, §2.5), started from a = log(ȳ), b = 0,
 * with step halving when the Poisson pseudo-log-likelihood decreases by more than its rounding error; converged when
 * both score equations are below 1e-10 relative to Σ w·y, or when a step changes the log-likelihood by less than
 * 1e-13 relative (the criterion of R's {@code glm.fit}, which uses 1e-8 on the deviance): near the optimum the
 * log-likelihood of thousands of owners no longer changes in double precision, and the score test alone then ran
 * to the iteration limit with repeated step halving (100 steps and about 0.4 s per fit at 5,000 owners).
 */
public final class PoissonRegression {
    private static final int MAX_ITERATIONS = 100;
    private static final double TOLERANCE = 1e-10;
    /** Relative change of the log-likelihood below which a step has converged (and within which it is no decrease). */
    private static final double LL_TOLERANCE = 1e-13;

    /**
     * @param intercept a
     * @param slope b (NaN when not estimable: fewer than 2 distinct x among points with weight, or Σ w·y = 0)
     * @param n points used
     * @param iterations Newton steps taken
     */
    public record Fit(double intercept, double slope, int n, int iterations) {
        public boolean estimable() {
            return !Double.isNaN(slope);
        }
    }

    private PoissonRegression() {
    }

    /** Unweighted fit over the points with finite x and finite y ≥ 0. */
    public static Fit fit(double[] x, double[] y) {
        return fit(x, y, null);
    }

    /**
     * Weighted fit (weights w ≥ 0, e.g. exposure: a rate y with weight t is the count t·y with offset log t) over the
     * points with finite x, finite y ≥ 0 and finite w &gt; 0. {@code weights} null means all 1.
     *
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static Fit fit(double[] x, double[] y, double[] weights) {
        if (x.length != y.length || (weights != null && weights.length != x.length)) {
            throw new IllegalArgumentException("Cannot fit a Poisson regression: x, y and weights differ in length");
        }
        int n = 0;
        double sw = 0;
        double swy = 0;
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        boolean[] used = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            double w = weights == null ? 1 : weights[i];
            if (Double.isFinite(x[i]) && Double.isFinite(y[i]) && y[i] >= 0 && Double.isFinite(w) && w > 0) {
                used[i] = true;
                n++;
                sw += w;
                swy += w * y[i];
                minX = Math.min(minX, x[i]);
                maxX = Math.max(maxX, x[i]);
            }
        }
        if (n < 2 || !(maxX > minX) || !(swy > 0)) {
            return new Fit(Double.NaN, Double.NaN, n, 0);
        }
        double a = Math.log(swy / sw);
        double b = 0;
        double ll = logLikelihood(x, y, weights, used, a, b);
        for (int it = 1; it <= MAX_ITERATIONS; it++) {
            double g0 = 0;
            double g1 = 0;
            double h00 = 0;
            double h01 = 0;
            double h11 = 0;
            for (int i = 0; i < x.length; i++) {
                if (!used[i]) {
                    continue;
                }
                double w = weights == null ? 1 : weights[i];
                double mu = Math.exp(a + b * x[i]);
                double r = w * (y[i] - mu);
                g0 += r;
                g1 += r * x[i];
                double wm = w * mu;
                h00 += wm;
                h01 += wm * x[i];
                h11 += wm * x[i] * x[i];
            }
            if (Math.abs(g0) <= TOLERANCE * swy && Math.abs(g1) <= TOLERANCE * swy * Math.max(1, Math.abs(maxX))) {
                return new Fit(a, b, n, it - 1);
            }
            double det = h00 * h11 - h01 * h01;
            if (!(det > 0)) {
                return new Fit(Double.NaN, Double.NaN, n, it);
            }
            double da = (h11 * g0 - h01 * g1) / det;
            double db = (h00 * g1 - h01 * g0) / det;
            double step = 1;
            double slack = LL_TOLERANCE * (Math.abs(ll) + 1);
            double next = logLikelihood(x, y, weights, used, a + da, b + db);
            while (!(next >= ll - slack) && step > 1e-6) {
                step /= 2;
                next = logLikelihood(x, y, weights, used, a + step * da, b + step * db);
            }
            a += step * da;
            b += step * db;
            boolean flat = Math.abs(next - ll) <= slack;
            ll = next;
            if (flat) {
                return new Fit(a, b, n, it);
            }
        }
        return new Fit(a, b, n, MAX_ITERATIONS);
    }

    /**
     * Fits over resamples of rows that share few distinct x values (the claims' log n_ties): rows with the same x
     * enter the score equations and the pseudo-log-likelihood only through Σw and Σw·y at that x, so the fit over the
     * rows equals the weighted fit over the distinct x with weights Σw and responses Σw·y / Σw (the same estimates,
     * up to the rounding of the sums). A resample then costs one pass over its rows to add them up and a fit over
     * the distinct x, instead of Newton steps over every row.
     */
    public static final class Levels {
        private final double[] distinct;
        private final int[] level;
        private final double[] y;
        private final double[] weights;

        /**
         * @param x the regressor of each row
         * @param y the response of each row
         * @param weights each row's weight, null for all 1; rows the fit would not use (x, y or w not finite, y &lt; 0,
         *     w ≤ 0) are left out
         */
        public Levels(double[] x, double[] y, double[] weights) {
            if (x.length != y.length || (weights != null && weights.length != x.length)) {
                throw new IllegalArgumentException("Cannot fit a Poisson regression: x, y and weights differ in length");
            }
            this.y = y.clone();
            this.weights = weights == null ? null : weights.clone();
            distinct = Arrays.stream(x).filter(Double::isFinite).sorted().distinct().toArray();
            level = new int[x.length];
            for (int i = 0; i < x.length; i++) {
                double w = weights == null ? 1 : weights[i];
                boolean used = Double.isFinite(x[i]) && Double.isFinite(y[i]) && y[i] >= 0 && Double.isFinite(w)
                        && w > 0;
                level[i] = used ? Arrays.binarySearch(distinct, x[i]) : -1;
            }
        }

        /**
         * The fit over the rows at {@code rows} (indices into the constructor's arrays, repeats counted repeatedly);
         * {@link Fit#n()} counts those rows.
         */
        public Fit fit(int[] rows) {
            double[] sw = new double[distinct.length];
            double[] swy = new double[distinct.length];
            int used = 0;
            for (int r : rows) {
                int l = level[r];
                if (l >= 0) {
                    double w = weights == null ? 1 : weights[r];
                    sw[l] += w;
                    swy[l] += w * y[r];
                    used++;
                }
            }
            int k = 0;
            for (int l = 0; l < distinct.length; l++) {
                k += sw[l] > 0 ? 1 : 0;
            }
            double[] gx = new double[k];
            double[] gy = new double[k];
            double[] gw = new double[k];
            k = 0;
            for (int l = 0; l < distinct.length; l++) {
                if (sw[l] > 0) {
                    gx[k] = distinct[l];
                    gy[k] = swy[l] / sw[l];
                    gw[k++] = sw[l];
                }
            }
            Fit f = PoissonRegression.fit(gx, gy, gw);
            return new Fit(f.intercept(), f.slope(), used, f.iterations());
        }
    }

    /** Σ w·(y·η − exp(η)), the Poisson log-likelihood up to terms free of (a, b). */
    private static double logLikelihood(double[] x, double[] y, double[] weights, boolean[] used, double a,
                                        double b) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            if (used[i]) {
                double eta = a + b * x[i];
                sum += (weights == null ? 1 : weights[i]) * (y[i] * eta - Math.exp(eta));
            }
        }
        return sum;
    }
}
