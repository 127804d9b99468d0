package io.tiedepth.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The normal-theory ("standard") bootstrap interval and its test (Efron &amp; Tibshirani 1993, <i>An Introduction to
 * the Bootstrap</i>, §12.2 and §13.2): on a scale g where the estimator is close to normal (log for ratios, Fisher's
 * atanh for correlations, identity otherwise), the interval is g⁻¹(g(θ̂) ± z·se) with se the standard deviation of the
 * bootstrap replicates g(θ*), and the two-sided p-value against θ₀ is 2·Φ(−|g(θ̂) − g(θ₀)|/se).
 *
 * <p>Why not the percentile interval: its p-value (the inversion of the interval) moves in steps of 2/(B + 1), so with
 * 1,000 resamples it cannot go below 0.002 and a Holm step over nine claims turns on one or two replicates. Here p is
 * continuous in the data, the (1 − a) interval excludes θ₀ exactly when p &lt; a, at every level a, so intervals
 * adjusted for multiplicity ({@link #atLevel}) agree with adjusted verdicts by construction.
 *
 * @param estimate θ̂ on the original scale
 * @param standardError se of g(θ̂): the standard deviation (divisor B − 1) of the valid replicates on the scale g
 * @param scale g
 */
public record NormalInterval(double estimate, double standardError, Scale scale) {
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    /** The scale g on which the estimator is treated as normal. */
    public enum Scale {
        /** g(x) = x: elasticities, slopes, differences. */
        IDENTITY,
        /** g(x) = log x: ratios (risk ratios, peak ratios); θ ≤ 0 is outside the scale. */
        LOG,
        /** g(x) = atanh x (Fisher 1915): correlations; |θ| ≥ 1 is clamped to ±(1 − 1e-12). */
        ATANH;

        public double forward(double x) {
            return switch (this) {
                case IDENTITY -> x;
                case LOG -> x > 0 ? Math.log(x) : Double.NaN;
                case ATANH -> {
                    double c = Math.max(-1 + 1e-12, Math.min(1 - 1e-12, x));
                    yield 0.5 * Math.log((1 + c) / (1 - c));
                }
            };
        }

        public double back(double y) {
            return switch (this) {
                case IDENTITY -> y;
                case LOG -> Math.exp(y);
                case ATANH -> Math.tanh(y);
            };
        }
    }

    /**
     * From bootstrap replicates: se is the standard deviation of the defined replicates on the scale (NaN
     * replicates, and replicates outside the scale's domain, are dropped).
     */
    public static NormalInterval of(double estimate, double[] replicates, Scale scale) {
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (double r : replicates) {
            double g = scale.forward(r);
            if (Double.isFinite(g)) {
                sum += g;
                sumSq += g * g;
                n++;
            }
        }
        double se = Double.NaN;
        if (n > 1) {
            double mean = sum / n;
            se = Math.sqrt(Math.max(0, (sumSq - n * mean * mean) / (n - 1)));
        }
        return new NormalInterval(estimate, se, scale);
    }

    /** {@link #of(double, double[], Scale)} of a bootstrap result's estimate and valid replicates. */
    public static NormalInterval of(Bootstrap.Result result, Scale scale) {
        return of(result.estimate(), result.replicates(), scale);
    }

    /**
     * Whether the interval exists: a finite estimate on the scale and a finite se. se = 0 (every replicate equal,
     * e.g. a share that is 0 in every resample) gives the point interval [θ̂, θ̂] and p = 0 against any other value.
     */
    private boolean defined() {
        return Double.isFinite(scale.forward(estimate)) && standardError >= 0 && Double.isFinite(standardError);
    }

    /** Lower bound of the two-sided interval of coverage {@code level} (e.g. 0.95); NaN when undefined. */
    public double lower(double level) {
        return bound(level, -1);
    }

    /** Upper bound of the two-sided interval of coverage {@code level}. */
    public double upper(double level) {
        return bound(level, 1);
    }

    private double bound(double level, int side) {
        if (!defined() || !(level > 0 && level < 1)) {
            return Double.NaN;
        }
        if (standardError == 0) {
            return estimate;
        }
        double z = NORMAL.inverseCumulativeProbability(0.5 + level / 2);
        return scale.back(scale.forward(estimate) + side * z * standardError);
    }

    /** The interval {lower, upper} of coverage {@code level}. */
    public double[] atLevel(double level) {
        return new double[] {lower(level), upper(level)};
    }

    /** Two-sided p-value against θ₀: 2·Φ(−|g(θ̂) − g(θ₀)|/se); NaN when undefined or θ₀ is outside the scale. */
    public double pValue(double nullValue) {
        double g0 = scale.forward(nullValue);
        if (!defined() || !Double.isFinite(g0)) {
            return Double.NaN;
        }
        double distance = Math.abs(scale.forward(estimate) - g0);
        if (standardError == 0) {
            return distance == 0 ? 1.0 : 0.0;
        }
        return Math.min(1.0, 2 * NORMAL.cumulativeProbability(-distance / standardError));
    }
}
