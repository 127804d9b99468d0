package io.tiedepth.stats;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.HypergeometricDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.util.FastMath;

/**
 * Exact draws of counts: binomial and hypergeometric variates, and the multivariate hypergeometric deal of an urn
 * into hands. They let a null that moves events one at a time draw the resulting counts directly, in the same law
 * and with far fewer random numbers: shuffling the labels of N events and dealing them into hands of given sizes
 * gives each hand's label counts a multivariate hypergeometric law ({@link #deal}); placing N events independently
 * and uniformly among cells gives the cells' counts a multinomial law, drawn as successive binomials.
 *
 * <p>Algorithm of {@link #binomial} and {@link #hypergeometric}: inversion of one uniform variate by sequential
 * search of the support (Devroye 1986, <i>Non-Uniform Random Variate Generation</i>, ch. III.2), in the order mode,
 * mode − 1, mode + 1, mode − 2, mode + 2, ... (any fixed order of the support gives an exact inversion; starting at
 * the mode makes the expected number of steps proportional to the standard deviation instead of the mean). The
 * probability of the mode comes from Commons Math's saddle-point log-probability (Loader 2000) and its neighbours'
 * from the exact ratio of successive probabilities. Should rounding leave the uniform variate beyond the mass
 * searched (probability of the order of 1e-15), a new one is drawn: the law is then the computed probabilities
 * renormalised, within rounding of the exact one. Deterministic: the same generator state gives the same counts on
 * every platform (only {@link FastMath} and IEEE arithmetic are used). Cost per draw: O(1 + standard deviation).
 *
 * <p>Commons Math's own {@code sample()} inverts by bisection over cumulative probabilities summed from the bottom
 * of the support, O(sample size · log) per draw, too slow for the claims' nulls.
 */
public final class CountDraws {

    private CountDraws() {
    }

    /**
     * A binomial variate: successes in {@code trials} independent trials of probability {@code p}.
     *
     * @throws IllegalArgumentException if trials &lt; 0 or p is not in [0, 1]
     */
    public static int binomial(RandomGenerator rng, int trials, double p) {
        if (trials < 0 || !(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("Cannot draw a binomial count: need trials ≥ 0 and 0 ≤ p ≤ 1, got "
                    + trials + " and " + p);
        }
        if (trials == 0 || p == 0) {
            return 0;
        }
        if (p == 1) {
            return trials;
        }
        int mode = (int) Math.min(trials, Math.floor((trials + 1) * p));
        double atMode = FastMath.exp(new BinomialDistribution(null, trials, p).logProbability(mode));
        double odds = p / (1 - p);
        return search(rng, 0, trials, mode, atMode, (k, up) -> up
                ? (trials - k) / (k + 1.0) * odds
                : k / ((trials - k + 1.0) * odds));
    }

    /**
     * A hypergeometric variate: successes among {@code sample} items drawn without replacement from a
     * {@code population} holding {@code successes} successes.
     *
     * @throws IllegalArgumentException unless 0 ≤ successes ≤ population and 0 ≤ sample ≤ population
     */
    public static int hypergeometric(RandomGenerator rng, int population, int successes, int sample) {
        if (population < 0 || successes < 0 || successes > population || sample < 0 || sample > population) {
            throw new IllegalArgumentException("Cannot draw a hypergeometric count: need 0 ≤ successes ≤ population "
                    + "and 0 ≤ sample ≤ population, got " + successes + ", " + sample + " and " + population);
        }
        int failures = population - successes;
        int lo = Math.max(0, sample - failures);
        int hi = Math.min(sample, successes);
        if (lo == hi) {
            return lo;
        }
        int mode = (int) ((sample + 1L) * (successes + 1L) / (population + 2L));
        mode = Math.max(lo, Math.min(hi, mode));
        double atMode = FastMath.exp(new HypergeometricDistribution(null, population, successes, sample)
                .logProbability(mode));
        return search(rng, lo, hi, mode, atMode, (k, up) -> up
                ? (successes - k) * (double) (sample - k) / ((k + 1.0) * (failures - sample + k + 1.0))
                : k * (double) (failures - sample + k) / ((successes - k + 1.0) * (sample - k + 1.0)));
    }

    /**
     * Deals an urn into hands: the urn holds {@code colours[c]} items of colour c, shuffled uniformly, and hand h
     * takes the next {@code hands[h]} items. Returns the counts {@code [h][c]} of colour c in hand h, which have the
     * multivariate hypergeometric law of that shuffle (drawn hand by hand and colour by colour, each count
     * hypergeometric given the ones before: {@code hands.length · (colours.length − 1)} draws however many items).
     *
     * @throws IllegalArgumentException if the hands do not add up to the urn's items
     */
    public static int[][] deal(RandomGenerator rng, int[] colours, int[] hands) {
        long items = 0;
        for (int c : colours) {
            items += c;
        }
        long dealt = 0;
        for (int h : hands) {
            dealt += h;
        }
        if (items != dealt) {
            throw new IllegalArgumentException("Cannot deal an urn: the hands take " + dealt + " items, the urn holds "
                    + items);
        }
        int[] left = colours.clone();
        int inUrn = Math.toIntExact(items);
        int[][] out = new int[hands.length][colours.length];
        for (int h = 0; h < hands.length; h++) {
            int hand = hands[h];
            int rest = inUrn;
            for (int c = 0; c < colours.length && hand > 0; c++) {
                int k = c == colours.length - 1 ? hand : hypergeometric(rng, rest, left[c], hand);
                out[h][c] = k;
                rest -= left[c];
                left[c] -= k;
                hand -= k;
            }
            inUrn -= hands[h];
        }
        return out;
    }

    /** The ratio P(k ± 1)/P(k): towards larger k when {@code up}, else towards smaller k. */
    private interface Ratio {
        double next(int k, boolean up);
    }

    /** Inversion by search from the mode over [lo, hi] (class javadoc). */
    private static int search(RandomGenerator rng, int lo, int hi, int mode, double atMode, Ratio ratio) {
        while (true) {
            double u = rng.nextDouble() - atMode;
            if (u < 0) {
                return mode;
            }
            int down = mode;
            int up = mode;
            double pDown = atMode;
            double pUp = atMode;
            while (down > lo || up < hi) {
                if (down > lo) {
                    pDown *= ratio.next(down, false);
                    down--;
                    u -= pDown;
                    if (u < 0) {
                        return down;
                    }
                }
                if (up < hi) {
                    pUp *= ratio.next(up, true);
                    up++;
                    u -= pUp;
                    if (u < 0) {
                        return up;
                    }
                }
            }
        }
    }
}
