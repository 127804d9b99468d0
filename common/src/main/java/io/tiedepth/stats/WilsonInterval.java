package io.tiedepth.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Wilson score interval of a binomial proportion (Wilson 1927, <i>JASA</i> 22:209; recommended over the Wald
 * interval by Brown, Cai &amp; DasGupta 2001, <i>Stat. Sci.</i> 16:101): the p whose score test against k of n is not
 * rejected, (p̂ + z²/2n ± z·√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n). Stays within [0, 1] and is not empty at k = 0 or
 * k = n.
 *
 * @param low lower bound (NaN when n = 0)
 * @param high upper bound
 */
public record WilsonInterval(double low, double high) {

    /** The interval of level {@code level} (0.95) for {@code successes} of {@code trials}. */
    public static WilsonInterval of(long successes, long trials, double level) {
        if (trials <= 0) {
            return new WilsonInterval(Double.NaN, Double.NaN);
        }
        double z = new NormalDistribution().inverseCumulativeProbability(1 - (1 - level) / 2);
        double n = trials;
        double p = successes / n;
        double centre = p + z * z / (2 * n);
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n));
        double scale = 1 + z * z / n;
        return new WilsonInterval(Math.max(0, (centre - half) / scale), Math.min(1, (centre + half) / scale));
    }
}
