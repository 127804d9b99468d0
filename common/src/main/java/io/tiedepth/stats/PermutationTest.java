package io.tiedepth.stats;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Monte Carlo permutation test for calendar clustering of events (DESIGN claim C8, "dormant ties wake up together":
 * reactivations per calendar month across owners, peak-to-median ratio against shuffled months).
 */
public final class PermutationTest {

    /** Default number of null draws. */
    public static final int DEFAULT_PERMUTATIONS = 999;

    /**
     * One owner's monthly event counts over the months in which the owner could have had an event.
     *
     * @param firstMonth index of the first month on a common calendar (e.g. year·12 + month − 1)
     * @param counts counts[i] = events in month firstMonth + i; the series covers exactly the owner's eligible months
     *     (for reactivations: observed months at least 180 days after the export's window start, since a reactivation
     *     needs a 180-day silence before it)
     */
    public record OwnerMonths(int firstMonth, long[] counts) {

        public OwnerMonths {
            counts = counts.clone();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] < 0) {
                    throw new IllegalArgumentException(
                            "Cannot use owner months: count " + counts[i] + " at month " + (firstMonth + i)
                                    + " is negative");
                }
            }
        }

        @Override
        public long[] counts() {
            return counts.clone();
        }
    }

    /** How the null reshuffles each owner's events in time. */
    public enum Null {
        /**
         * Default. Each event is placed in a month drawn uniformly and independently from its own owner's eligible
         * months (owner totals and observation windows kept). H0: every owner's events occur at a constant rate
         * over the owner's window. Destroys both an owner's own bursts and synchronisation across owners.
         */
        EVENTS_WITHIN_OWNER,
        /**
         * Each owner's vector of monthly counts is permuted among that owner's months (owner totals, windows and the
         * multiset of monthly counts kept). H0: no calendar synchronisation across owners; an owner's own burst is kept
         * as a burst at a random month. Use it to ask whether owners' bursts coincide in calendar time.
         */
        MONTHS_WITHIN_OWNER
    }

    /**
     * Test result.
     *
     * @param statistic observed peak / median (+∞ when the median is 0 and the peak is not; NaN with no events)
     * @param peak largest pooled monthly count
     * @param median median pooled monthly count over the covered months
     * @param months calendar months covered by at least one owner (months no owner covers are not counted)
     * @param events total events
     * @param nullAtLeastObserved null draws whose statistic was ≥ the observed one
     * @param permutations null draws
     * @param pValue (1 + nullAtLeastObserved) / (1 + permutations); NaN with no events
     * @param nullModel the null used
     */
    public record Result(double statistic, long peak, double median, int months, long events, int nullAtLeastObserved,
            int permutations, double pValue, Null nullModel) {

        /**
         * True when the observed median is 0, so the statistic is +∞ and the test cannot reject (most months have no
         * events: aggregate more owners or coarser periods before reading it).
         */
        public boolean zeroMedian() {
            return median == 0;
        }
    }

    private PermutationTest() {
    }

    /** A single pooled series: {@link #peakToMedian(List, Null, int, long)} with one series and the events null. */
    public static Result peakToMedian(long[] countsPerMonth, int permutations, long seed) {
        return peakToMedian(List.of(new OwnerMonths(0, countsPerMonth)), Null.EVENTS_WITHIN_OWNER, permutations, seed);
    }

    /** {@link #peakToMedian(List, Null, int, long)} with {@link Null#EVENTS_WITHIN_OWNER}. */
    public static Result peakToMedian(List<OwnerMonths> owners, int permutations, long seed) {
        return peakToMedian(owners, Null.EVENTS_WITHIN_OWNER, permutations, seed);
    }

    /**
     * Peak-to-median test of calendar clustering.
     *
     * <p>Statistic: pool the owners' counts by calendar month over the months covered by at least one owner;
     * T = max pooled count / median pooled count (median of an even number of months = mean of the middle two).
     *
     * <p>Null: {@code nullModel} (see {@link Null}); because each owner's events stay inside the owner's own window,
     * the uneven number of owners observed per calendar month is part of the null and cannot by itself produce a
     * significant peak. p = (1 + #{T_null ≥ T_obs}) / (1 + permutations), the Monte Carlo p-value of Davison &amp;
     * Hinkley (1997) <i>Bootstrap Methods</i> §4.2.5 (valid because the observed data are a draw from the null under
     * H0). Deterministic for a seed ({@link Well19937c}, owners and events drawn in input order). Cost per null draw:
     * O(events) for the events null, O(owner-months) for the months null.
     *
     * @throws IllegalArgumentException if permutations &lt; 1
     */
    public static Result peakToMedian(List<OwnerMonths> owners, Null nullModel, int permutations, long seed) {
        if (permutations < 1) {
            throw new IllegalArgumentException(
                    "Cannot run permutation test: permutations must be at least 1, got " + permutations);
        }
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (OwnerMonths owner : owners) {
            if (owner.counts.length > 0) {
                first = Math.min(first, owner.firstMonth);
                last = Math.max(last, owner.firstMonth + owner.counts.length - 1);
            }
        }
        if (first > last) {
            return new Result(Double.NaN, 0, Double.NaN, 0, 0, 0, permutations, Double.NaN, nullModel);
        }
        int span = last - first + 1;
        boolean[] covered = new boolean[span];
        long[] pooled = new long[span];
        long events = 0;
        for (OwnerMonths owner : owners) {
            for (int i = 0; i < owner.counts.length; i++) {
                int m = owner.firstMonth - first + i;
                covered[m] = true;
                pooled[m] += owner.counts[i];
                events += owner.counts[i];
            }
        }
        Pooled observed = Pooled.of(pooled, covered);
        if (events == 0) {
            return new Result(Double.NaN, 0, observed.median, observed.months, 0, 0, permutations, Double.NaN,
                    nullModel);
        }
        RandomGenerator rng = new Well19937c(seed);
        int atLeast = 0;
        for (int r = 0; r < permutations; r++) {
            Arrays.fill(pooled, 0);
            for (OwnerMonths owner : owners) {
                int length = owner.counts.length;
                int offset = owner.firstMonth - first;
                if (nullModel == Null.EVENTS_WITHIN_OWNER) {
                    long total = 0;
                    for (long c : owner.counts) {
                        total += c;
                    }
                    for (long e = 0; e < total; e++) {
                        pooled[offset + rng.nextInt(length)]++;
                    }
                } else {
                    long[] shuffled = owner.counts.clone();
                    for (int i = length - 1; i > 0; i--) {
                        int j = rng.nextInt(i + 1);
                        long tmp = shuffled[i];
                        shuffled[i] = shuffled[j];
                        shuffled[j] = tmp;
                    }
                    for (int i = 0; i < length; i++) {
                        pooled[offset + i] += shuffled[i];
                    }
                }
            }
            if (Pooled.of(pooled, covered).statistic >= observed.statistic) {
                atLeast++;
            }
        }
        return new Result(observed.statistic, observed.peak, observed.median, observed.months, events, atLeast,
                permutations, (1.0 + atLeast) / (1.0 + permutations), nullModel);
    }

    private record Pooled(double statistic, long peak, double median, int months) {

        static Pooled of(long[] pooled, boolean[] covered) {
            long[] values = new long[pooled.length];
            int months = 0;
            for (int i = 0; i < pooled.length; i++) {
                if (covered[i]) {
                    values[months++] = pooled[i];
                }
            }
            long[] sorted = Arrays.copyOf(values, months);
            Arrays.sort(sorted);
            long peak = sorted[months - 1];
            double median = months % 2 == 1 ? sorted[months / 2]
                    : (sorted[months / 2 - 1] + sorted[months / 2]) / 2.0;
            double statistic = median > 0 ? peak / median : (peak > 0 ? Double.POSITIVE_INFINITY : Double.NaN);
            return new Pooled(statistic, peak, median, months);
        }
    }
}
