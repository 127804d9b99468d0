package io.tiedepth.claims;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/** Summary quantiles with linear interpolation between order statistics (Hyndman &amp; Fan 1996 type 7, R's default). */
record Quantiles(int n, double q1, double median, double q3, double mean, double sd) {

    static Quantiles of(double[] values) {
        double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d)).toArray();
        if (v.length == 0) {
            return new Quantiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        Percentile p = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        p.setData(v);
        double mean = Arrays.stream(v).average().orElse(Double.NaN);
        double ss = 0;
        for (double d : v) {
            ss += (d - mean) * (d - mean);
        }
        double sd = v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : Double.NaN;
        return new Quantiles(v.length, p.evaluate(25), p.evaluate(50), p.evaluate(75), mean, sd);
    }
}
