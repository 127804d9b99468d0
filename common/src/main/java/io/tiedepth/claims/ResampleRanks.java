package io.tiedepth.claims;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Spearman's ρ of a bootstrap resample in O(n) instead of O(n log n), for the owner bootstrap of C5 and C7 (a
 * resample of 100,000 owners would otherwise be re-sorted 1,000 times per claim).
 *
 * <p>A resample is a multiplicity w_i per original owner. The owners are sorted by x and by y once; the mid-rank of a
 * value in the resample is C + (W + 1)/2, where W is the total multiplicity of the owners sharing that value and C the
 * total multiplicity of smaller values, which is exactly the average rank the copies of that value receive in the
 * expanded resample (Kendall &amp; Gibbons 1990, ch. 3). ρ is then Pearson's correlation of the ranks with weights w,
 * equal to {@link io.tiedepth.stats.Correlation#spearman} on the expanded resample (tested).
 */
final class ResampleRanks {
    private final double[] x;
    private final double[] y;
    private final int[] byX;
    private final int[] byY;

    /** x and y without NaN (the caller filters owners first). */
    ResampleRanks(double[] x, double[] y) {
        this.x = x.clone();
        this.y = y.clone();
        this.byX = order(this.x);
        this.byY = order(this.y);
    }

    private static int[] order(double[] v) {
        return IntStream.range(0, v.length).boxed().sorted(Comparator.comparingDouble(i -> v[i]))
                .mapToInt(Integer::intValue).toArray();
    }

    /** Multiplicity of each original index in a resample given as row indices. */
    static int[] multiplicity(int n, int[] rows) {
        int[] w = new int[n];
        for (int r : rows) {
            w[r]++;
        }
        return w;
    }

    /** Spearman's ρ of the resample (NaN when fewer than 2 owners or a variable is constant). */
    double rho(int[] rows) {
        int[] w = multiplicity(x.length, rows);
        double[] rx = midRanks(x, byX, w);
        double[] ry = midRanks(y, byY, w);
        double n = rows.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < w.length; i++) {
            mx += w[i] * rx[i];
            my += w[i] * ry[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < w.length; i++) {
            if (w[i] > 0) {
                double dx = rx[i] - mx;
                double dy = ry[i] - my;
                sxy += w[i] * dx * dy;
                sxx += w[i] * dx * dx;
                syy += w[i] * dy * dy;
            }
        }
        return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Double.NaN;
    }

    private static double[] midRanks(double[] v, int[] order, int[] w) {
        double[] rank = new double[v.length];
        double below = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            double weight = 0;
            while (j < order.length && v[order[j]] == v[order[i]]) {
                weight += w[order[j]];
                j++;
            }
            double mid = below + (weight + 1) / 2.0;
            for (int k = i; k < j; k++) {
                rank[order[k]] = mid;
            }
            below += weight;
            i = j;
        }
        return rank;
    }

    /** The original indices in ascending order of v (stable), for callers that re-emit resamples sorted. */
    static int[] ascending(double[] v) {
        return order(v);
    }

    @Override
    public String toString() {
        return "ResampleRanks" + Arrays.toString(new int[] {x.length});
    }
}
