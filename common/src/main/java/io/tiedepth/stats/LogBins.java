package io.tiedepth.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Logarithmic binning of a metric against a positive size variable: the "metric vs network size" curves (e.g. the
 * mean reply weight per tie against out-degree of Gonçalves, Perra &amp; Vespignani 2011, PLoS ONE 6(8):e22656, which
 * averages in log bins). Bins are geometric so that heavy-tailed sizes (10 to 30,000 ties) get comparable bins.
 */
public final class LogBins {

    /**
     * One bin [lower, upper) = [base^index, base^(index+1)) with summaries of the metric y of its points.
     *
     * @param index k, the integer exponent
     * @param lower base^k, inclusive
     * @param upper base^(k+1), exclusive
     * @param center geometric midpoint √(lower·upper), for plotting on a log axis
     * @param n points in the bin
     * @param meanX mean of x in the bin
     * @param mean mean of y
     * @param median median of y
     * @param q1 first quartile of y
     * @param q3 third quartile of y
     * @param sd sample standard deviation of y (divisor n − 1; NaN for n = 1)
     * @param standardError sd/√n, the standard error of {@code mean}
     */
    public record Bin(int index, double lower, double upper, double center, int n, double meanX, double mean,
            double median, double q1, double q3, double sd, double standardError) {
    }

    /**
     * @param base the logarithm base
     * @param bins the non-empty bins, by increasing index (empty bins in between are not listed)
     * @param excluded points excluded: x ≤ 0, x or y NaN or infinite
     */
    public record Binning(double base, List<Bin> bins, int excluded) {

        public Binning {
            bins = List.copyOf(bins);
        }
    }

    private LogBins() {
    }

    /** Base-2 bins: bin k holds [2^k, 2^(k+1)). */
    public static Binning log2(double[] x, double[] y) {
        return of(x, y, 2.0);
    }

    /** Base-10 bins: bin k holds [10^k, 10^(k+1)). */
    public static Binning log10(double[] x, double[] y) {
        return of(x, y, 10.0);
    }

    /**
     * Groups the points (x, y) by the bin of x, bin k = [base^k, base^(k+1)), and summarises y in each bin. Quartiles
     * and median use linear interpolation between order statistics (Hyndman &amp; Fan 1996 type 7, R's default).
     * Bin membership is exact at the boundaries (x = base^k falls in bin k, despite floating-point logarithms).
     *
     * @throws IllegalArgumentException if the arrays differ in length or base ≤ 1
     */
    public static Binning of(double[] x, double[] y, double base) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(
                    "Cannot bin: x has " + x.length + " values but y has " + y.length);
        }
        if (!(base > 1) || Double.isInfinite(base)) {
            throw new IllegalArgumentException("Cannot bin: base must be a finite number above 1, got " + base);
        }
        Map<Integer, List<double[]>> byIndex = new TreeMap<>();
        int excluded = 0;
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] > 0) || Double.isInfinite(x[i]) || !Double.isFinite(y[i])) {
                excluded++;
                continue;
            }
            byIndex.computeIfAbsent(binIndex(x[i], base), k -> new ArrayList<>()).add(new double[] {x[i], y[i]});
        }
        List<Bin> bins = new ArrayList<>();
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        for (Map.Entry<Integer, List<double[]>> entry : byIndex.entrySet()) {
            int k = entry.getKey();
            List<double[]> points = entry.getValue();
            DescriptiveStatistics ys = new DescriptiveStatistics();
            double sumX = 0;
            for (double[] p : points) {
                ys.addValue(p[1]);
                sumX += p[0];
            }
            int n = points.size();
            percentile.setData(ys.getValues());
            double lower = Math.pow(base, k);
            double upper = Math.pow(base, k + 1);
            double sd = n > 1 ? ys.getStandardDeviation() : Double.NaN;
            bins.add(new Bin(k, lower, upper, Math.sqrt(lower * upper), n, sumX / n, ys.getMean(),
                    percentile.evaluate(50.0), percentile.evaluate(25.0), percentile.evaluate(75.0), sd,
                            sd / Math.sqrt(n)));
        }
        return new Binning(base, bins, excluded);
    }

    /**
     * The k with base^k ≤ x &lt; base^(k+1).
     *
     * @throws IllegalArgumentException if x is not a finite positive number or base ≤ 1
     */
    public static int binIndex(double x, double base) {
        if (!(x > 0) || Double.isInfinite(x) || !(base > 1) || Double.isInfinite(base)) {
            throw new IllegalArgumentException("Cannot find the log bin of " + x + " in base " + base
                    + ": needs a finite x > 0 and a finite base > 1");
        }
        int k = (int) Math.floor(Math.log(x) / Math.log(base));
        while (Math.pow(base, k + 1) <= x) {
            k++;
        }
        while (Math.pow(base, k) > x) {
            k--;
        }
        return k;
    }
}
