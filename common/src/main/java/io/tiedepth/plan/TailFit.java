package io.tiedepth.plan;

import io.tiedepth.generate.GeneratorParams;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

/**
 * The Pareto tail of the network sizes, fitted by maximum likelihood given the log-normal body: the generator draws
 * a size from the tail (α, m = {@code tailMin}: density α·m^α·n^(−α−1) above m) with probability t, else from the
 * body, and clips it at the cap. With the body's density f and survival S fixed, an owner's likelihood is
 * (1 − t)·f(n) below m, (1 − t)·f(n) + t·α·m^α·n^(−α−1) from m to the cap, and (1 − t)·S(cap) + t·(m/cap)^α at the
 * cap (censored there). The log-likelihood is maximised over t in [0, {@value #SHARE_MAX}] for each α, and over α in
 * [{@value #ALPHA_MIN}, {@value #ALPHA_MAX}] (Brent's method for both), or over t alone when α is fixed.
 *
 * @param share the tail share t
 * @param alpha the Pareto exponent α
 */
record TailFit(double share, double alpha) {
    static final double ALPHA_MIN = 0.2;
    static final double ALPHA_MAX = 8;
    static final double SHARE_MAX = 0.5;

    /**
     * The maximum-likelihood (t, α) of the sizes {@code n} given the body (its median and σ).
     *
     * @param fixedAlpha α to keep (too few owners above {@code tailMin} to estimate it), or NaN to fit it
     */
    static TailFit fit(double[] n, double median, double sigma, GeneratorParams.Sizes s, double fixedAlpha) {
        Likelihood ll = new Likelihood(n, new LogNormalDistribution(Math.log(median), sigma), s);
        if (!Double.isNaN(fixedAlpha)) {
            return new TailFit(ll.bestShare(fixedAlpha), fixedAlpha);
        }
        double alpha = argMax(a -> ll.value(ll.bestShare(a), a), ALPHA_MIN, ALPHA_MAX);
        return new TailFit(ll.bestShare(alpha), alpha);
    }

    private static double argMax(DoubleUnaryOperator f, double lo, double hi) {
        return new BrentOptimizer(1e-7, 1e-10).optimize(new MaxEval(500),
                new UnivariateObjectiveFunction(f::applyAsDouble), GoalType.MAXIMIZE,
                new SearchInterval(lo, hi)).getPoint();
    }

    /** The log-likelihood in (t, α) with the body fixed; the body's own factor f(n) below m is left out. */
    private static final class Likelihood {
        private final int below;
        private final double[] tailFree;
        private final double[] bodyDensity;
        private final int atCap;
        private final double bodySurvival;
        private final GeneratorParams.Sizes s;

        Likelihood(double[] n, LogNormalDistribution body, GeneratorParams.Sizes s) {
            this.s = s;
            this.below = (int) Arrays.stream(n).filter(v -> v < s.tailMin()).count();
            this.atCap = (int) Arrays.stream(n).filter(v -> v >= s.cap()).count();
            this.tailFree = Arrays.stream(n).filter(v -> v >= s.tailMin() && v < s.cap()).toArray();
            this.bodyDensity = Arrays.stream(tailFree).map(body::density).toArray();
            this.bodySurvival = 1 - body.cumulativeProbability(s.cap());
        }

        /** The t that maximises the likelihood for this α; 0 when no tail fits better than none. */
        double bestShare(double alpha) {
            double t = argMax(share -> value(share, alpha), 0, SHARE_MAX);
            return value(t, alpha) > value(0, alpha) ? t : 0;
        }

        double value(double t, double alpha) {
            double m = s.tailMin();
            double sum = below * Math.log(1 - t);
            for (int i = 0; i < tailFree.length; i++) {
                sum += Math.log((1 - t) * bodyDensity[i] + t * alpha * Math.pow(m, alpha)
                        * Math.pow(tailFree[i], -alpha - 1));
            }
            if (atCap > 0) {
                sum += atCap * Math.log((1 - t) * bodySurvival + t * Math.pow(m / s.cap(), alpha));
            }
            return sum;
        }
    }
}
