package io.tiedepth.stats;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Calendar clustering of events across owners tested against an <b>interval jitter</b> null (Date, Nowak &amp;
 * Tiesinga 1998; Amarasingham, Harrison, Hatsopoulos &amp; Geman 2012, "Conditional modeling and the jitter method of
 * spike resampling", J. Neurophysiol. 107:517–531). Used by claim C8 ("dormant ties wake up together").
 *
 * <p>Null: the calendar is cut into fixed blocks of {@code blockMonths} months (block = floorDiv(month,
 * blockMonths)); each null draw places every event uniformly at random among its own owner's eligible months
 * <b>within its block</b>. The null keeps each owner's number of events per block, hence every trend slower than a
 * block (networks growing towards the export, owners entering and leaving observation); it removes only the timing of
 * events within blocks. Exact conditional test: under H0 (within a block, an owner's events are exchangeable over its
 * eligible months) the observed data are a draw from the null, so p = (1 + #{T* ≥ T})/(1 + draws) is a valid Monte
 * Carlo p-value (Davison &amp; Hinkley 1997, <i>Bootstrap Methods</i>, §4.2.5) for any statistic T. Compare
 * {@link PermutationTest.Null#EVENTS_WITHIN_OWNER}, which spreads events over the owner's whole window and so reads
 * any rise over the years as clustering.
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
         * raise it, a spike anywhere does. The +1 keeps sparse series finite.
         */
        LOCAL_PEAK
    }

    /** Half-width, in months, of the neighbourhood of {@link Statistic#LOCAL_PEAK}. */
    public static final int LOCAL_HALF_WIDTH = 6;

    /**
     * @param statistic T on the observed data (NaN without events)
     * @param peakMonth month index at which T is attained (the largest month for PEAK_TO_MEDIAN)
     * @param peak pooled count of that month
     * @param baseline the median it is compared with (global or local)
     * @param months covered months
     * @param events total events
     * @param nullAtLeastObserved null draws with T* ≥ T
     * @param draws null draws
     * @param pValue (1 + nullAtLeastObserved) / (1 + draws); NaN without events
     */
    public record Result(double statistic, int peakMonth, long peak, double baseline, int months, long events,
                         int nullAtLeastObserved, int draws, double pValue) {
    }

    private IntervalJitterTest() {
    }

    /**
     * @param owners each owner's counts over its eligible months ({@link PermutationTest.OwnerMonths})
     * @throws IllegalArgumentException if draws &lt; 1 or blockMonths &lt; 1
     */
    public static Result test(List<PermutationTest.OwnerMonths> owners, Statistic statistic, int blockMonths,
                              int draws, long seed) {
        if (draws < 1 || blockMonths < 1) {
            throw new IllegalArgumentException("Cannot run jitter test: draws and blockMonths must be at least 1, got "
                    + draws + " and " + blockMonths);
        }
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (PermutationTest.OwnerMonths o : owners) {
            if (o.counts().length > 0) {
                first = Math.min(first, o.firstMonth());
                last = Math.max(last, o.firstMonth() + o.counts().length - 1);
            }
        }
        if (first > last) {
            return new Result(Double.NaN, 0, 0, Double.NaN, 0, 0, 0, draws, Double.NaN);
        }
        int span = last - first + 1;
        boolean[] covered = new boolean[span];
        long[] pooled = new long[span];
        long events = 0;
        long[][] counts = new long[owners.size()][];
        for (int k = 0; k < owners.size(); k++) {
            PermutationTest.OwnerMonths o = owners.get(k);
            counts[k] = o.counts();
            for (int i = 0; i < counts[k].length; i++) {
                covered[o.firstMonth() - first + i] = true;
                pooled[o.firstMonth() - first + i] += counts[k][i];
                events += counts[k][i];
            }
        }
        double[] observed = evaluate(statistic, pooled, covered);
        if (events == 0) {
            return new Result(Double.NaN, first + (int) observed[1], 0, observed[3], (int) observed[4], 0, 0, draws,
                    Double.NaN);
        }
        RandomGenerator rng = new Well19937c(seed);
        int atLeast = 0;
        for (int r = 0; r < draws; r++) {
            Arrays.fill(pooled, 0);
            for (int k = 0; k < owners.size(); k++) {
                int from = owners.get(k).firstMonth();
                int to = from + counts[k].length - 1;
                for (int i = 0; i < counts[k].length; i++) {
                    long c = counts[k][i];
                    if (c == 0) {
                        continue;
                    }
                    int block = Math.floorDiv(from + i, blockMonths);
                    int lo = Math.max(from, block * blockMonths);
                    int hi = Math.min(to, block * blockMonths + blockMonths - 1);
                    for (long e = 0; e < c; e++) {
                        pooled[lo + rng.nextInt(hi - lo + 1) - first]++;
                    }
                }
            }
            if (evaluate(statistic, pooled, covered)[0] >= observed[0]) {
                atLeast++;
            }
        }
        return new Result(observed[0], first + (int) observed[1], (long) observed[2], observed[3], (int) observed[4],
                events, atLeast, draws, (1.0 + atLeast) / (1.0 + draws));
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
            for (int j = Math.max(0, m - LOCAL_HALF_WIDTH); j <= Math.min(pooled.length - 1, m + LOCAL_HALF_WIDTH); j++) {
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
