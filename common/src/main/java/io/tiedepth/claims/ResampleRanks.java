package io.tiedepth.claims;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Spearman's ρ of a bootstrap resample in O(n) instead of O(n log n), for the owner bootstrap of C5 and C7 (a
 * resample of 100,000 owners would otherwise be re-sorted 1,000 times per claim).
 *
 * <p>A resample is a multiplicity w_i per original owner. The owners are sorted by x and by y once and cut into runs
 * of equal values; the mid-rank of a run in the resample is C + (W + 1)/2, where W is the total multiplicity of the owners sharing that value and C the
 * total multiplicity of smaller values, which is exactly the average rank the copies of that value receive in the
 * expanded resample (Kendall &amp; Gibbons 1990, ch. 3). ρ is then Pearson's correlation of the ranks with weights w,
 * equal to {@link io.tiedepth.stats.Correlation#spearman} on the expanded resample (tested).
 */
final class ResampleRanks {
    private final int n;
    private final Ties byX;
    private final Ties byY;

    /** x and y without NaN (the caller filters owners first). */
    ResampleRanks(double[] x, double[] y) {
        this.n = x.length;
        this.byX = new Ties(x);
        this.byY = new Ties(y);
    }

    private static int[] order(double[] v) {
        return IntStream.range(0, v.length).boxed().sorted(Comparator.comparingDouble(i -> v[i]))
                .mapToInt(Integer::intValue).toArray();
    }

    /** The owners in ascending order of a variable, cut into runs of equal values (one run per distinct value). */
    private static final class Ties {
        private final int[] order;
        /** Run r holds order[start[r]] .. order[start[r + 1] − 1]. */
        private final int[] start;
        /** The run of each owner. */
        private final int[] runOf;

        Ties(double[] v) {
            order = order(v);
            runOf = new int[v.length];
            int[] starts = new int[v.length + 1];
            int runs = 0;
            for (int j = 0; j < order.length; j++) {
                if (j == 0 || v[order[j]] != v[order[j - 1]]) {
                    starts[runs++] = j;
                }
                runOf[order[j]] = runs - 1;
            }
            starts[runs] = order.length;
            start = Arrays.copyOf(starts, runs + 1);
        }

        /** The mid-rank of each run in a resample with multiplicities w. */
        double[] midRanks(int[] w) {
            double[] rank = new double[start.length - 1];
            double below = 0;
            for (int r = 0; r < rank.length; r++) {
                double weight = 0;
                for (int j = start[r]; j < start[r + 1]; j++) {
                    weight += w[order[j]];
                }
                rank[r] = below + (weight + 1) / 2.0;
                below += weight;
            }
            return rank;
        }
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
        int[] w = multiplicity(n, rows);
        double[] rx = byX.midRanks(w);
        double[] ry = byY.midRanks(w);
        int[] runX = byX.runOf;
        int[] runY = byY.runOf;
        double size = rows.length;
        if (size < 2) {
            return Double.NaN;
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < w.length; i++) {
            mx += w[i] * rx[runX[i]];
            my += w[i] * ry[runY[i]];
        }
        mx /= size;
        my /= size;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < w.length; i++) {
            if (w[i] > 0) {
                double dx = rx[runX[i]] - mx;
                double dy = ry[runY[i]] - my;
                sxy += w[i] * dx * dy;
                sxx += w[i] * dx * dx;
                syy += w[i] * dy * dy;
            }
        }
        return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Double.NaN;
    }

    /** The original indices in ascending order of v (stable), for callers that re-emit resamples sorted. */
    static int[] ascending(double[] v) {
        return order(v);
    }

    @Override
    public String toString() {
        return "ResampleRanks" + Arrays.toString(new int[] {n});
    }
}
