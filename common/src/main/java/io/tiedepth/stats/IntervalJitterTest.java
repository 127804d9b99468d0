package io.tiedepth.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Calendar clustering of events across owners tested against an <b>interval jitter</b> null (Date, Nowak &amp;
 * Tiesinga 1998; Amarasingham, Harrison, Hatsopoulos &amp; Geman 2012, "Conditional modeling and the jitter method of
 * spike resampling", J. Neurophysiol. 107:517–531). Used by claim C8 ("dormant ties wake up together").
 *
 * <p>The calendar is cut into fixed blocks of {@code blockMonths} months (block = floorDiv(month, blockMonths), so
 * with 2-month blocks every block is January–February, March–April, ... of one year). Each null draw keeps every
 * owner's number of events per block, hence every trend slower than a block (networks growing towards the export,
 * owners entering and leaving observation), and re-draws only where in its block each event falls, among its own
 * owner's eligible months of that block ({@link Null}). For any statistic T, p = (1 + #{T* ≥ T})/(1 + draws) is a
 * valid Monte Carlo p-value (Davison &amp; Hinkley 1997, <i>Bootstrap Methods</i>, §4.2.5) when the data are a draw
 * from the null. The result also gives the <b>effect ratio</b> T / E0[T*] (E0 estimated by the mean of the draws):
 * 1 when the observed peak is no larger than the null's typical peak, and the 2.5 % and 97.5 % quantiles of
 * T* / E0[T*], the range of that ratio under the null. A maximum over months has no consistent bootstrap interval
 * (Andrews 2000, Econometrica 68:399), hence null quantiles rather than a confidence interval.
 *
 * <p>Blind spot: clustering spread over more than a block (a wave lasting months) is kept by every null draw.
 * Compare {@link PermutationTest.Null#EVENTS_WITHIN_OWNER}, which spreads events over the owner's whole window and
 * so reads any rise over the years as clustering.
 */
public final class IntervalJitterTest {

    /** A statistic of the pooled monthly counts over the covered months. */
    public enum Statistic {
        /**
         * Largest pooled month / median pooled month over all covered months (+∞ when the median is 0 and the peak
         * is not): DESIGN's peak-to-median ratio. Under a trend its peak is the top of the trend.
         */
        PEAK_TO_MEDIAN,
        /**
         * Largest local ratio (c_m + 1) / (median of c_j over the covered months j with 1 ≤ |j − m| ≤
         * {@value #LOCAL_HALF_WIDTH} + 1): how far a month stands out from the year around it; a smooth trend does not
         * raise it, a spike anywhere does. Only months whose neighbours' median is at least {@value #MIN_BASELINE}
         * count: in the sparse edges of a calendar (few owners observed) ratios such as 4/1 are noise, and they
         * would set the null's maximum and hide real peaks. NaN when no month qualifies.
         */
        LOCAL_PEAK
    }

    /** Where in its block a null draw puts each event. */
    public enum Null {
        /**
         * Uniformly among the owner's eligible months of the block, independently (the plain jitter). Exact when,
         * within a block, an owner's events are equally likely in each month; a month-of-year pattern (greetings
         * every January) violates that and reads as clustering.
         */
        UNIFORM,
        /**
         * Month-of-year conditional jitter: the events are grouped into strata (the block's months of the year, and
         * the owner's eligible months of the block), and each draw permutes the events' positions within the block
         * among all events of a stratum, across owners and years. This keeps each owner's block totals and, exactly,
         * the number of events in each calendar month-of-year, so a yearly recurring month (greetings every January,
         * 31-day months) is in the null; a month that stands out in one year only is not. It is the exact
         * conditional test of the Poisson log-linear model log μ(owner, month) = α(owner, block) + β(month of year)
         * given its sufficient statistics (Agresti 2013, <i>Categorical Data Analysis</i>, 3rd ed., §16.5 on exact
         * conditional inference; the jitter as conditional inference: Amarasingham et al. 2012). Danger: a stratum
         * seen in one calendar block only (a month-of-year observed in one year) cannot move, so with less than
         * two years of data the test has no power there ({@link Result#movable()} counts the events that can).
         */
        MONTH_OF_YEAR
    }

    /** Half-width, in months, of the neighbourhood of {@link Statistic#LOCAL_PEAK}. */
    public static final int LOCAL_HALF_WIDTH = 6;

    /** Smallest neighbours' median of a month that {@link Statistic#LOCAL_PEAK} considers. */
    public static final int MIN_BASELINE = 10;

    /** Share of the null draws outside each of {@link Result#nullLow()} and {@link Result#nullHigh()}. */
    public static final double NULL_TAIL = 0.025;

    /**
     * @param statistic T on the observed data (NaN without events)
     * @param peakMonth month index at which T is attained (the largest month for PEAK_TO_MEDIAN)
     * @param peak pooled count of that month
     * @param baseline the median it is compared with (global or local)
     * @param months covered months
     * @param events total events
     * @param movable events that a null draw can move to another month
     * @param nullAtLeastObserved null draws with T* ≥ T
     * @param draws null draws
     * @param pValue (1 + nullAtLeastObserved) / (1 + draws); NaN without events
     * @param nullMean mean of T* over the draws, the estimate of the null's expected peak E0[T*]
     * @param nullLow 2.5 % quantile of T* / nullMean (R type 7)
     * @param nullHigh 97.5 % quantile of T* / nullMean
     */
    public record Result(double statistic, int peakMonth, long peak, double baseline, int months, long events,
                         long movable, int nullAtLeastObserved, int draws, double pValue, double nullMean,
                         double nullLow, double nullHigh) {

        /** T / E0[T*]: 1 when the observed peak is the null's typical peak; NaN without events. */
        public double effectRatio() {
            return statistic / nullMean;
        }
    }

    private IntervalJitterTest() {
    }

    /**
     * The statistic of the pooled counts, its Monte Carlo p-value under {@code nullModel} and the effect ratio with
     * the null's quantiles (class javadoc). Same owners, arguments and seed give the same result.
     *
     * @param owners each owner's counts over its eligible months ({@link PermutationTest.OwnerMonths})
     * @param draws null draws; each costs one pass over the events for {@link Null#UNIFORM}, and one hypergeometric
     *     count per calendar block and position in it for {@link Null#MONTH_OF_YEAR}, however many events
     * @throws IllegalArgumentException if draws &lt; 1 or blockMonths &lt; 1
     */
    public static Result test(List<PermutationTest.OwnerMonths> owners, Statistic statistic, Null nullModel,
                              int blockMonths, int draws, long seed) {
        if (draws < 1 || blockMonths < 1) {
            throw new IllegalArgumentException("Cannot run jitter test: draws and blockMonths must be at least 1, got "
                    + draws + " and " + blockMonths);
        }
        Calendar cal = Calendar.of(owners);
        if (cal == null) {
            return new Result(Double.NaN, 0, 0, Double.NaN, 0, 0, 0, 0, draws, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN);
        }
        double[] observed = evaluate(statistic, cal.pooled, cal.covered);
        if (cal.events == 0 || Double.isNaN(observed[0])) {
            return new Result(Double.NaN, cal.first + (int) observed[1], 0, observed[3], (int) observed[4],
                    cal.events, 0, 0, draws, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        int span = cal.pooled.length;
        NullDraws model = nullModel == Null.UNIFORM ? new UniformJitter(owners, cal.first, span, blockMonths)
                : new MonthOfYearPermutation(owners, cal.first, span, blockMonths);
        RandomGenerator rng = new Well19937c(seed);
        double[] nullT = new double[draws];
        long[] pooled = new long[span];
        int atLeast = 0;
        for (int r = 0; r < draws; r++) {
            System.arraycopy(model.fixed(), 0, pooled, 0, pooled.length);
            model.draw(pooled, rng);
            nullT[r] = evaluate(statistic, pooled, cal.covered)[0];
            atLeast += nullT[r] >= observed[0] ? 1 : 0;
        }
        double mean = Arrays.stream(nullT).average().orElse(Double.NaN);
        double[] ratios = Arrays.stream(nullT).map(t -> t / mean).sorted().toArray();
        Percentile q = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        q.setData(ratios);
        return new Result(observed[0], cal.first + (int) observed[1], (long) observed[2], observed[3],
                (int) observed[4], cal.events, model.movable(), atLeast, draws, (1.0 + atLeast) / (1.0 + draws), mean,
                q.evaluate(100 * NULL_TAIL), q.evaluate(100 * (1 - NULL_TAIL)));
    }

    /** The calendar months covered by any owner, from {@code first}, and the observed pooled counts. */
    private record Calendar(int first, boolean[] covered, long[] pooled, long events) {

        /** Null when no owner has an eligible month. */
        static Calendar of(List<PermutationTest.OwnerMonths> owners) {
            int first = Integer.MAX_VALUE;
            int last = Integer.MIN_VALUE;
            for (PermutationTest.OwnerMonths o : owners) {
                if (o.counts().length > 0) {
                    first = Math.min(first, o.firstMonth());
                    last = Math.max(last, o.firstMonth() + o.counts().length - 1);
                }
            }
            if (first > last) {
                return null;
            }
            boolean[] covered = new boolean[last - first + 1];
            long[] pooled = new long[covered.length];
            long events = 0;
            for (PermutationTest.OwnerMonths o : owners) {
                long[] c = o.counts();
                for (int i = 0; i < c.length; i++) {
                    covered[o.firstMonth() - first + i] = true;
                    pooled[o.firstMonth() - first + i] += c[i];
                    events += c[i];
                }
            }
            return new Calendar(first, covered, pooled, events);
        }
    }

    /** A null model as pooled counts: the events no draw moves, plus a draw of the others. */
    interface NullDraws {
        /** Pooled counts of the events that stay where they are (offsets from the first covered month). */
        long[] fixed();

        /** Adds one draw of the movable events to {@code pooled}. */
        void draw(long[] pooled, RandomGenerator rng);

        long movable();
    }

    /**
     * Visits every owner-month with events as (block start, first and last eligible month of the owner in that
     * block, month, count), months as offsets from {@code first}.
     */
    private interface BlockVisitor {
        void visit(int blockStart, int lo, int hi, int month, long count);
    }

    private static void forEachBlock(List<PermutationTest.OwnerMonths> owners, int first, int blockMonths,
                                     BlockVisitor visitor) {
        for (PermutationTest.OwnerMonths o : owners) {
            long[] c = o.counts();
            int from = o.firstMonth();
            int to = from + c.length - 1;
            for (int i = 0; i < c.length; i++) {
                if (c[i] > 0) {
                    int start = Math.floorDiv(from + i, blockMonths) * blockMonths;
                    visitor.visit(start - first, Math.max(from, start) - first,
                            Math.min(to, start + blockMonths - 1) - first, from + i - first, c[i]);
                }
            }
        }
    }

    /** {@link Null#UNIFORM}: events pooled by (lo, hi) range, each placed uniformly in its range. */
    private static final class UniformJitter implements NullDraws {
        private final long[] fixed;
        private final int[] lo;
        private final int[] hi;
        private final long[] count;
        private long movable;

        UniformJitter(List<PermutationTest.OwnerMonths> owners, int first, int span, int blockMonths) {
            fixed = new long[span];
            TreeMap<Long, Long> ranges = new TreeMap<>();
            forEachBlock(owners, first, blockMonths, (start, from, to, month, c) -> {
                if (from == to) {
                    fixed[month] += c;
                } else {
                    ranges.merge(((long) from << 32) | to, c, Long::sum);
                    movable += c;
                }
            });
            lo = new int[ranges.size()];
            hi = new int[ranges.size()];
            count = new long[ranges.size()];
            int k = 0;
            for (Map.Entry<Long, Long> e : ranges.entrySet()) {
                lo[k] = (int) (e.getKey() >>> 32);
                hi[k] = (int) (e.getKey() & 0xffffffffL);
                count[k++] = e.getValue();
            }
        }

        @Override
        public long[] fixed() {
            return fixed;
        }

        @Override
        public void draw(long[] pooled, RandomGenerator rng) {
            for (int k = 0; k < lo.length; k++) {
                for (long e = 0; e < count[k]; e++) {
                    pooled[lo[k] + rng.nextInt(hi[k] - lo[k] + 1)]++;
                }
            }
        }

        @Override
        public long movable() {
            return movable;
        }
    }

    /**
     * {@link Null#MONTH_OF_YEAR}: per stratum (month-of-year of the block start, owner's eligible positions in the
     * block), the positions of its events, shuffled each draw and dealt out to its calendar blocks in their sizes.
     * Only the pooled counts are kept, so each draw deals the stratum's position counts into its blocks directly
     * ({@link CountDraws#deal}: the multivariate hypergeometric law of that shuffle), with one hypergeometric count per
     * block and position instead of a random number per event.
     */
    static final class MonthOfYearPermutation implements NullDraws {
        private final long[] fixed;
        private final List<Stratum> strata = new ArrayList<>();
        private long movable;

        /** Events of one stratum: per calendar block (start offset) how many, per position in the block how many. */
        private static final class Stratum {
            final TreeMap<Integer, Integer> blockSizes = new TreeMap<>();
            final TreeMap<Integer, Long> monthCounts = new TreeMap<>();
            int[] starts;
            int[] sizes;
            int[] positions;
        }

        MonthOfYearPermutation(List<PermutationTest.OwnerMonths> owners, int first, int span, int blockMonths) {
            fixed = new long[span];
            TreeMap<Long, Stratum> byKey = new TreeMap<>();
            forEachBlock(owners, first, blockMonths, (start, from, to, month, c) -> {
                if (from == to) {
                    fixed[month] += c;
                    return;
                }
                long key = ((long) Math.floorMod(start + first, 12) << 40) | ((long) (from - start) << 20)
                        | (to - start);
                Stratum s = byKey.computeIfAbsent(key, x -> new Stratum());
                s.blockSizes.merge(start, Math.toIntExact(c), Integer::sum);
                s.monthCounts.merge(month, c, Long::sum);
            });
            for (Stratum s : byKey.values()) {
                if (s.blockSizes.size() < 2) {
                    s.monthCounts.forEach((month, c) -> fixed[month] += c);
                    continue;
                }
                s.starts = s.blockSizes.keySet().stream().mapToInt(Integer::intValue).toArray();
                s.sizes = s.blockSizes.values().stream().mapToInt(Integer::intValue).toArray();
                s.positions = new int[blockMonths];
                s.monthCounts.forEach((month, c) -> s.positions[Math.floorMod(month + first, blockMonths)] +=
                        Math.toIntExact(c));
                movable += Arrays.stream(s.sizes).sum();
                strata.add(s);
            }
        }

        @Override
        public long[] fixed() {
            return fixed;
        }

        @Override
        public void draw(long[] pooled, RandomGenerator rng) {
            for (Stratum s : strata) {
                int[][] dealt = CountDraws.deal(rng, s.positions, s.sizes);
                for (int b = 0; b < s.starts.length; b++) {
                    for (int p = 0; p < s.positions.length; p++) {
                        if (dealt[b][p] > 0) {
                            pooled[s.starts[b] + p] += dealt[b][p];
                        }
                    }
                }
            }
        }

        @Override
        public long movable() {
            return movable;
        }
    }

    /** {T, offset of the month attaining it, its count, baseline, covered months} of pooled counts. */
    public static double[] evaluate(Statistic statistic, long[] pooled, boolean[] covered) {
        int months = 0;
        for (boolean c : covered) {
            months += c ? 1 : 0;
        }
        if (statistic == Statistic.PEAK_TO_MEDIAN) {
            long[] values = new long[months];
            int k = 0;
            int at = -1;
            for (int i = 0; i < pooled.length; i++) {
                if (covered[i]) {
                    values[k++] = pooled[i];
                    if (at < 0 || pooled[i] > pooled[at]) {
                        at = i;
                    }
                }
            }
            Arrays.sort(values);
            double median = median(values, months);
            long peak = values[months - 1];
            double t = median > 0 ? peak / median : (peak > 0 ? Double.POSITIVE_INFINITY : Double.NaN);
            return new double[] {t, at, peak, median, months};
        }
        double best = Double.NEGATIVE_INFINITY;
        int at = -1;
        double baseline = Double.NaN;
        long[] window = new long[2 * LOCAL_HALF_WIDTH];
        for (int m = 0; m < pooled.length; m++) {
            if (!covered[m]) {
                continue;
            }
            int n = 0;
            int last = Math.min(pooled.length - 1, m + LOCAL_HALF_WIDTH);
            for (int j = Math.max(0, m - LOCAL_HALF_WIDTH); j <= last; j++) {
                if (j != m && covered[j]) {
                    window[n++] = pooled[j];
                }
            }
            if (n == 0) {
                continue;
            }
            long[] sorted = Arrays.copyOf(window, n);
            Arrays.sort(sorted);
            double med = median(sorted, n);
            if (med < MIN_BASELINE) {
                continue;
            }
            double ratio = (pooled[m] + 1.0) / (med + 1.0);
            if (ratio > best) {
                best = ratio;
                at = m;
                baseline = med;
            }
        }
        if (at < 0) {
            return new double[] {Double.NaN, 0, 0, Double.NaN, months};
        }
        return new double[] {best, at, pooled[at], baseline, months};
    }

    private static double median(long[] sorted, int n) {
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
