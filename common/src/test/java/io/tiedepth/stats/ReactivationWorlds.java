package io.tiedepth.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Small populations of owners' monthly reactivation counts for C8's null and power tests: each owner is eligible for
 * 24–59 consecutive months starting in the first two years of a 7-year calendar (from January 2000, month index
 * 24,000), with Poisson counts of mean {@code rate}·(owner factor, log-normal sd 0.5)·(trend)·(January factor), plus
 * Poisson({@code waveMean}) more in each wave month.
 *
 * @param owners number of owners
 * @param rate mean reactivations per owner-month before the factors
 * @param trendEnd multiplier reached at the end of the calendar (1 = no trend; rises linearly)
 * @param january multiplier of every January (1 = no seasonality)
 * @param waveMonths month indices where every eligible owner gets Poisson(waveMean) more
 * @param waveMean mean extra reactivations per owner in a wave month
 */
public record ReactivationWorlds(int owners, double rate, double trendEnd, double january, int[] waveMonths,
                                 double waveMean) {

    public static final int FIRST_MONTH = 24_000;
    public static final int CALENDAR_MONTHS = 84;

    public static ReactivationWorlds noWaves(int owners) {
        return new ReactivationWorlds(owners, 0.6, 1, 1, new int[0], 0);
    }

    public ReactivationWorlds withJanuary(double factor) {
        return new ReactivationWorlds(owners, rate, trendEnd, factor, waveMonths, waveMean);
    }

    public ReactivationWorlds withTrend(double end) {
        return new ReactivationWorlds(owners, rate, end, january, waveMonths, waveMean);
    }

    public ReactivationWorlds withWaves(double mean, int... months) {
        return new ReactivationWorlds(owners, rate, trendEnd, january, months, mean);
    }

    public List<PermutationTest.OwnerMonths> draw(long seed) {
        RandomGenerator rng = new Well19937c(seed);
        List<PermutationTest.OwnerMonths> out = new ArrayList<>();
        for (int o = 0; o < owners; o++) {
            int first = FIRST_MONTH + rng.nextInt(12);
            long[] c = new long[48 + rng.nextInt(24)];
            double ownerRate = rate * Math.exp(0.5 * rng.nextGaussian() - 0.125);
            for (int i = 0; i < c.length; i++) {
                int month = first + i;
                double mean = ownerRate * (1 + (trendEnd - 1) * (month - FIRST_MONTH) / (CALENDAR_MONTHS - 1.0))
                        * (Math.floorMod(month, 12) == 0 ? january : 1);
                c[i] = poisson(rng, mean);
                for (int w : waveMonths) {
                    c[i] += w == month ? poisson(rng, waveMean) : 0;
                }
            }
            out.add(new PermutationTest.OwnerMonths(first, c));
        }
        return out;
    }

    private static long poisson(RandomGenerator rng, double mean) {
        return mean > 0 ? new PoissonDistribution(rng, mean, 1e-12, 10_000).sample() : 0;
    }
}
