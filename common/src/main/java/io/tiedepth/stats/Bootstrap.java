package io.tiedepth.stats;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Owner-level nonparametric bootstrap (Efron &amp; Tibshirani 1993, <i>An Introduction to the Bootstrap</i>,
 * Chapman &amp; Hall, ch. 6 and 13): owners are resampled with replacement and any owner-level statistic is recomputed
 * on each resample.
 */
public final class Bootstrap {

    /** DESIGN §7: 1,000 resamples. */
    public static final int DEFAULT_RESAMPLES = 1000;
    /** DESIGN §7: 95 % intervals. */
    public static final double DEFAULT_LEVEL = 0.95;

    /**
     * A bootstrap percentile interval and the replicates behind it.
     *
     * @param estimate the statistic on the original sample (indices 0..n−1 in order)
     * @param lower the (1 − level)/2 quantile of the valid replicates (NaN if none)
     * @param upper the (1 + level)/2 quantile of the valid replicates
     * @param level the nominal coverage, e.g. 0.95
     * @param standardError sample standard deviation (divisor B − 1) of the valid replicates
     * @param resamples resamples drawn
     * @param nanReplicates resamples whose statistic was NaN (e.g. a correlation of a constant resample); they are
     *     dropped from every quantity above
     * @param replicates the valid (non-NaN) replicates, sorted ascending
     */
    public record Result(double estimate, double lower, double upper, double level, double standardError,
            int resamples, int nanReplicates, double[] replicates) {

        public Result {
            replicates = replicates.clone();
        }

        @Override
        public double[] replicates() {
            return replicates.clone();
        }

        /** Number of valid replicates B (resamples − nanReplicates). */
        public int validReplicates() {
            return replicates.length;
        }

           /**
         * Two-sided bootstrap p-value against a null value θ₀, the percentile-interval inversion (Efron &amp;
         * Tibshirani 1993, §15.4; Davison &amp; Hinkley 1997, <i>Bootstrap Methods</i>, §4.4 for the +1
         * correction):
         * <pre>  p = min(1, 2·min((#{θ* ≤ θ₀} + 1)/(B + 1), (#{θ* ≥ θ₀} + 1)/(B + 1)))</pre>
         * over the B valid replicates θ*. It is about the smallest α whose (1 − α) percentile interval excludes
         * θ₀, and never 0 (at least 2/(B + 1)). NaN when there are no valid replicates or θ₀ is NaN.
         */
        public double pValue(double nullValue) {
            int b = replicates.length;
            if (b == 0 || Double.isNaN(nullValue)) {
                return Double.NaN;
            }
            int atMost = 0;
            int atLeast = 0;
            for (double r : replicates) {
                if (r <= nullValue) {
                    atMost++;
                }
                if (r >= nullValue) {
                    atLeast++;
                }
            }
            double tail = Math.min(atMost + 1.0, atLeast + 1.0) / (b + 1.0);
            return Math.min(1.0, 2.0 * tail);
        }
    }

    private Bootstrap() {
    }

    /** {@link #percentileCI} with {@link #DEFAULT_RESAMPLES} and {@link #DEFAULT_LEVEL}. */
    public static Result percentileCI(int n, ToDoubleFunction<int[]> statistic, long seed) {
        return percentileCI(n, statistic, DEFAULT_RESAMPLES, seed, DEFAULT_LEVEL);
    }

    /**
     * Percentile bootstrap confidence interval (Efron &amp; Tibshirani 1993, §13.3).
     *
     * <p>The statistic receives an array of n owner indices in 0..n−1: first the identity (the estimate), then for
     * each of the {@code resamples} resamples n indices drawn uniformly with replacement. It must compute the
     * owner-level statistic on the owners at those indices, counting repeated indices repeatedly (any statistic
     * works: means, ratios, correlations, fitted breakpoints). The array is the statistic's to keep.
     *
     * <p>Interval: the (1 − level)/2 and (1 + level)/2 quantiles of the valid replicates, with linear interpolation
     * between order statistics (Hyndman &amp; Fan 1996 type 7, R's default; commons-math3 {@code Percentile} R_7).
     * NaN replicates are dropped and counted. Deterministic: the indices come from a {@link Well19937c} generator
     * seeded with {@code seed} and drawn in resample order, so the same seed and statistic give the same result.
     *
     * @throws IllegalArgumentException if n &lt; 1, resamples &lt; 1 or level is not in (0, 1)
     */
    public static Result percentileCI(int n, ToDoubleFunction<int[]> statistic, int resamples, long seed,
            double level) {
        if (n < 1 || resamples < 1 || !(level > 0 && level < 1)) {
            throw new IllegalArgumentException("Cannot bootstrap: need n ≥ 1, resamples ≥ 1 and 0 < level < 1, got n="
                    + n + ", resamples=" + resamples + ", level=" + level);
        }
        int[] identity = new int[n];
        for (int i = 0; i < n; i++) {
            identity[i] = i;
        }
        double estimate = statistic.applyAsDouble(identity);
        RandomGenerator rng = new Well19937c(seed);
        double[] values = new double[resamples];
        int valid = 0;
        for (int r = 0; r < resamples; r++) {
            int[] indices = new int[n];
            for (int i = 0; i < n; i++) {
                indices[i] = rng.nextInt(n);
            }
            double value = statistic.applyAsDouble(indices);
            if (!Double.isNaN(value)) {
                values[valid++] = value;
            }
        }
        return summarise(estimate, values, valid, level, resamples);
    }

    /**
     * The result of {@code resamples} draws whose first {@code valid} entries of {@code values} are the non-NaN
     * replicates: percentile CI (R type 7) at {@code level} and the replicates' standard deviation as the standard
     * error. Shared by every bootstrap loop of the project, so all report intervals the same way.
     */
    public static Result summarise(double estimate, double[] values, int valid, double level, int resamples) {
        double[] replicates = Arrays.copyOf(values, valid);
        Arrays.sort(replicates);
        double lower = Double.NaN;
        double upper = Double.NaN;
        double se = Double.NaN;
        if (valid > 0) {
            Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
            percentile.setData(replicates);
            lower = percentile.evaluate(100.0 * (1.0 - level) / 2.0);
            upper = percentile.evaluate(100.0 * (1.0 + level) / 2.0);
        }
        if (valid > 1) {
            double mean = 0;
            for (double v : replicates) {
                mean += v;
            }
            mean /= valid;
            double ss = 0;
            for (double v : replicates) {
                ss += (v - mean) * (v - mean);
            }
            se = Math.sqrt(ss / (valid - 1));
        }
        return new Result(estimate, lower, upper, level, se, resamples, resamples - valid, replicates);
    }
}
