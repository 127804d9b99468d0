package io.tiedepth.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
     * H0). Deterministic for a seed ({@link Well19937c}). Cost per null draw: O(distinct windows · log months) binomial
     * counts for the events null ({@link WindowPlacement}, however many events), O(owner-months) for the months null.
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
        WindowPlacement placement = nullModel == Null.EVENTS_WITHIN_OWNER ? new WindowPlacement(owners, first, span)
                : null;
        int atLeast = 0;
        for (int r = 0; r < permutations; r++) {
            if (placement != null) {
                placement.draw(pooled, rng);
            } else {
                Arrays.fill(pooled, 0);
                for (OwnerMonths owner : owners) {
                    int length = owner.counts.length;
                    int offset = owner.firstMonth - first;
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

    /**
     * {@link Null#EVENTS_WITHIN_OWNER} as pooled counts: each owner's events placed independently and uniformly in its
     * window, drawn without placing them one by one, in the same law. Owners with the same window are merged (their
     * events are uniform on it too). The calendar is the leaves of a binary tree of dyadic month ranges; a window is
     * the union of at most 2·log2(months) maximal dyadic ranges, and its events fall in each with probability
     * (range length)/(window length), so they are split among them by successive binomials (a multinomial). Events
     * in a dyadic range are uniform on it whichever window they came from, so the ranges' counts are summed and split
     * in halves by binomial(count, 1/2) from the root down to the months. Cost per draw: O(windows · log months)
     * binomial counts ({@link CountDraws#binomial}) instead of one random number per event.
     */
    static final class WindowPlacement {
        private final int leaves;
        /** Per distinct window: its events, its length and its dyadic ranges (tree node indices). */
        private final int[] events;
        private final int[] lengths;
        private final int[][] ranges;
        private final long[] nodes;

        WindowPlacement(List<OwnerMonths> owners, int first, int span) {
            int size = 1;
            while (size < span) {
                size *= 2;
            }
            leaves = size;
            TreeMap<Long, Long> windows = new TreeMap<>();
            for (OwnerMonths owner : owners) {
                long total = 0;
                for (long c : owner.counts) {
                    total += c;
                }
                if (total > 0) {
                    windows.merge(((long) (owner.firstMonth - first) << 32) | owner.counts.length, total, Long::sum);
                }
            }
            events = new int[windows.size()];
            lengths = new int[windows.size()];
            ranges = new int[windows.size()][];
            int w = 0;
            for (Map.Entry<Long, Long> e : windows.entrySet()) {
                int offset = (int) (e.getKey() >>> 32);
                lengths[w] = (int) (e.getKey() & 0xffffffffL);
                events[w] = Math.toIntExact(e.getValue());
                ranges[w] = dyadicCover(offset, offset + lengths[w] - 1);
                w++;
            }
            nodes = new long[2 * leaves];
        }

        /** The tree nodes (root 1, children 2i and 2i + 1, leaf of month m: leaves + m) that tile [lo, hi]. */
        private int[] dyadicCover(int lo, int hi) {
            List<Integer> out = new ArrayList<>();
            int l = lo + leaves;
            int r = hi + leaves + 1;
            List<Integer> right = new ArrayList<>();
            while (l < r) {
                if ((l & 1) == 1) {
                    out.add(l++);
                }
                if ((r & 1) == 1) {
                    right.add(--r);
                }
                l >>= 1;
                r >>= 1;
            }
            for (int i = right.size() - 1; i >= 0; i--) {
                out.add(right.get(i));
            }
            return out.stream().mapToInt(Integer::intValue).toArray();
        }

        private int width(int node) {
            return leaves >> (31 - Integer.numberOfLeadingZeros(node));
        }

        /** Overwrites {@code pooled} (offsets from the first covered month) with one draw of the null. */
        void draw(long[] pooled, RandomGenerator rng) {
            Arrays.fill(nodes, 0);
            for (int w = 0; w < events.length; w++) {
                int left = events[w];
                int length = lengths[w];
                int[] cover = ranges[w];
                for (int i = 0; i < cover.length - 1 && left > 0; i++) {
                    int width = width(cover[i]);
                    int k = CountDraws.binomial(rng, left, width / (double) length);
                    nodes[cover[i]] += k;
                    left -= k;
                    length -= width;
                }
                nodes[cover[cover.length - 1]] += left;
            }
            for (int node = 1; node < leaves; node++) {
                long c = nodes[node];
                if (c > 0) {
                    int k = CountDraws.binomial(rng, Math.toIntExact(c), 0.5);
                    nodes[2 * node] += k;
                    nodes[2 * node + 1] += c - k;
                }
            }
            System.arraycopy(nodes, leaves, pooled, 0, pooled.length);
        }
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
