package io.tiedepth.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The number of circles as valearna/egonetworks chooses it ({@code EgoNetwork.get_optimal_num_circles}, the code of
 * Dunbar, Arnaboldi, Conti &amp; Passarella 2015): the number of clusters Mean Shift finds in the active ties'
 * contact frequencies with scikit-learn's defaults, re-implemented here in one dimension for comparison only
 * (Comaniciu &amp; Meer 2002, IEEE TPAMI 24(5):603–619; scikit-learn
 * {@code sklearn.cluster.MeanShift(bin_seeding=True)}):
 * a flat kernel whose bandwidth is the mean, over the points, of the distance to their ⌊0.3·n⌋-th nearest point
 * (itself included; {@code estimate_bandwidth(quantile=0.3)}); seeds are the occupied bins of width bandwidth
 * (all points when every point has its own bin); each seed moves to the mean of the points within the bandwidth until
 * it moves by at most 10⁻³·bandwidth (at most 300 steps); converged modes are kept in decreasing order of the points
 * they hold, dropping any within the bandwidth of a mode already kept; every point goes to its nearest mode and the
 * answer is the number of modes that receive a point. One distinct value gives 1.
 */
final class MeanShiftCount {
    private MeanShiftCount() {
    }

    static int of(double[] values) {
        double[] x = values.clone();
        Arrays.sort(x);
        int n = x.length;
        if (n == 0) {
            return 0;
        }
        if (x[0] == x[n - 1]) {
            return 1;
        }
        double bandwidth = bandwidth(x);
        if (!(bandwidth > 0)) {
            return 1;
        }
        double[] seeds = seeds(x, bandwidth);
        Map<Double, Integer> modes = new LinkedHashMap<>();
        for (double seed : seeds) {
            double mean = seed;
            int within = 0;
            for (int it = 0; ; it++) {
                double sum = 0;
                int m = 0;
                for (double v : x) {
                    if (Math.abs(v - mean) <= bandwidth) {
                        sum += v;
                        m++;
                    }
                }
                if (m == 0) {
                    break;
                }
                double old = mean;
                mean = sum / m;
                within = m;
                if (Math.abs(mean - old) <= 1e-3 * bandwidth || it == 300) {
                    break;
                }
            }
            if (within > 0) {
                modes.put(mean, within);
            }
        }
        List<Map.Entry<Double, Integer>> sorted = new ArrayList<>(modes.entrySet());
        sorted.sort(Comparator.<Map.Entry<Double, Integer>>comparingInt(Map.Entry::getValue)
                .thenComparing(Map.Entry::getKey).reversed());
        List<Double> kept = new ArrayList<>();
        boolean[] unique = new boolean[sorted.size()];
        Arrays.fill(unique, true);
        for (int i = 0; i < sorted.size(); i++) {
            if (unique[i]) {
                for (int j = 0; j < sorted.size(); j++) {
                    if (Math.abs(sorted.get(j).getKey() - sorted.get(i).getKey()) <= bandwidth) {
                        unique[j] = false;
                    }
                }
                unique[i] = true;
            }
        }
        for (int i = 0; i < sorted.size(); i++) {
            if (unique[i]) {
                kept.add(sorted.get(i).getKey());
            }
        }
        boolean[] used = new boolean[kept.size()];
        for (double v : x) {
            int best = 0;
            for (int c = 1; c < kept.size(); c++) {
                if (Math.abs(v - kept.get(c)) < Math.abs(v - kept.get(best))) {
                    best = c;
                }
            }
            used[best] = true;
        }
        int count = 0;
        for (boolean u : used) {
            count += u ? 1 : 0;
        }
        return count;
    }

    /** scikit-learn's estimate_bandwidth(quantile=0.3): mean distance to the ⌊0.3·n⌋-th nearest point. */
    static double bandwidth(double[] sorted) {
        int n = sorted.length;
        int k = Math.max(1, (int) (n * 0.3));
        double total = 0;
        for (int i = 0; i < n; i++) {
            // the k nearest points of sorted[i] (itself first) form a window [lo, lo + k) around i
            int lo = i;
            int hi = i + 1;
            while (hi - lo < k) {
                if (lo == 0) {
                    hi++;
                } else if (hi == n) {
                    lo--;
                } else if (sorted[i] - sorted[lo - 1] <= sorted[hi] - sorted[i]) {
                    lo--;
                } else {
                    hi++;
                }
            }
            total += Math.max(sorted[i] - sorted[lo], sorted[hi - 1] - sorted[i]);
        }
        return total / n;
    }

    private static double[] seeds(double[] x, double bandwidth) {
        List<Double> bins = new ArrayList<>();
        for (double v : x) {
            double b = Math.rint(v / bandwidth);
            if (!bins.contains(b)) {
                bins.add(b);
            }
        }
        if (bins.size() == x.length) {
            return x.clone();
        }
        return bins.stream().mapToDouble(b -> b * bandwidth).toArray();
    }
}
