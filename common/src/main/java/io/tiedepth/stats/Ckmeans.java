package io.tiedepth.stats;

import java.util.Arrays;

/**
 * Optimal one-dimensional k-means clustering by dynamic programming, and the choice of k by BIC, after the R
 * package Ckmeans.1d.dp: Wang &amp; Song (2011) "Ckmeans.1d.dp: optimal k-means clustering in one dimension by
 * dynamic programming", The R Journal 3(2):29–33; Song &amp; Zhong (2020) Bioinformatics 36(12):3839–3840.
 */
public final class Ckmeans {

    /**
     * An optimal partition of the values into k contiguous clusters.
     *
     * @param k number of clusters
     * @param cluster for each input value (input order), its cluster index 0..k−1; clusters are numbered in
     *     ascending order of their values (0 holds the smallest values)
     * @param centers mean of each cluster
     * @param sizes number of values in each cluster
     * @param withinSs within-cluster sum of squared deviations from the center, per cluster
     * @param totalWithinSs sum of {@code withinSs}, the minimised objective
     */
    public record Clustering(int k, int[] cluster, double[] centers, int[] sizes, double[] withinSs,
            double totalWithinSs) {

        public Clustering {
            cluster = cluster.clone();
            centers = centers.clone();
            sizes = sizes.clone();
            withinSs = withinSs.clone();
        }

        @Override
        public int[] cluster() {
            return cluster.clone();
        }

        @Override
        public double[] centers() {
            return centers.clone();
        }

        @Override
        public int[] sizes() {
            return sizes.clone();
        }

        @Override
        public double[] withinSs() {
            return withinSs.clone();
        }
    }

    /**
     * The clustering with the number of clusters chosen by BIC, or by a BIC with a larger penalty.
     *
     * @param clustering the optimal clustering for the chosen k
     * @param bic the criterion ({@link #selectK(double[], int, int, double)}; the BIC for penalty 1) of the optimal
     *     clustering for K = kMin..kMaxEffective ({@code bic[K − kMin]}); all NaN when fewer than 2 distinct values
     *     (nothing to choose)
     */
    public record Selection(Clustering clustering, double[] bic) {

        public Selection {
            bic = bic.clone();
        }

        @Override
        public double[] bic() {
            return bic.clone();
        }

        /** The chosen number of clusters. */
        public int k() {
            return clustering.k();
        }
    }

    private Ckmeans() {
    }

    /**
     * Partitions the values into exactly k clusters minimising the total within-cluster sum of squares
     * Σ_clusters Σ_{x∈C} (x − mean(C))². In one dimension an optimal partition consists of contiguous runs of
     * the sorted values, so it is found exactly by the dynamic programme of Wang &amp; Song (2011):
     * D[k][i] = min_j D[k−1][j] + ssq(x₍ⱼ₊₁₎..x₍ᵢ₎). Each row is filled by divide and conquer on the monotone
     * optimal split (the cost satisfies the quadrangle inequality; the "loglinear" method of Ckmeans.1d.dp),
     * O(k·n·log n) after an O(n log n) sort. Sums of squares use prefix sums of values shifted by their median.
     * Among partitions with equal cost the one found first is returned; the result is deterministic.
     *
     * @throws IllegalArgumentException if values is empty or holds NaN or infinite values, or k is not in
     *     1..(number of distinct values)
     */
    public static Clustering cluster(double[] values, int k) {
        Sorted s = Sorted.of(values, "cluster");
        if (k < 1 || k > s.distinct) {
            throw new IllegalArgumentException("Cannot cluster " + values.length + " values: k=" + k
                    + " must be between 1 and the number of distinct values (" + s.distinct + ")");
        }
        int[][] split = dynamicProgramme(s, k);
        return backtrack(s, split, k);
    }

    /** {@link #selectK(double[], int, int)} with kMin = 1. */
    public static Selection selectK(double[] values, int kMax) {
        return selectK(values, 1, kMax);
    }

    /** {@link #selectK(double[], int, int, double)} with penalty 1: the BIC of Ckmeans.1d.dp. */
    public static Selection selectK(double[] values, int kMin, int kMax) {
        return selectK(values, kMin, kMax, 1.0);
    }

    /**
     * Chooses k in kMin..kMax by a penalised likelihood of the clusterings, and returns that clustering. With
     * {@code penalty} 1 this is the Bayesian information criterion exactly as Ckmeans.1d.dp (≥ 4.0,
     * {@code estimate.k = "BIC"}, its {@code select_levels}); a larger penalty multiplies the BIC's parameter cost.
     *
     * <p>For each K the optimal K-clustering defines a Gaussian mixture with weights λ_c = n_c/n, means μ_c =
     * cluster mean and variances σ²_c = Σ(x − μ_c)²/(n_c − 1) (unbiased). Degenerate variances, as in Ckmeans.1d.dp:
     * let d_c be the distance from the cluster to the nearest value outside it (minimum of the gaps to its left and
     * right neighbours); if σ²_c = 0 then σ²_c = d_c²/36 (a normal with 3σ = d_c/2); if n_c = 1 then σ²_c = d_c².
     * (If d_c is undefined or 0, which the DP does not produce for K ≤ distinct values, the smallest positive gap
     * between sorted values is used instead.) Then
     * <pre>  log L = Σᵢ log Σ_c λ_c · φ(xᵢ; μ_c, σ²_c)        (full mixture likelihood, computed by log-sum-exp)
     *  C(K)  = 2·log L − penalty·(3K − 1)·ln n          (penalty 1: BIC(K), Schwarz 1978)</pre>
     * and the K with the <b>largest</b> C(K) is chosen (the smallest such K on ties). 3K − 1 counts K means, K
     * variances and K − 1 free weights.
     *
     * <p>Degenerate inputs, as in Ckmeans.1d.dp: kMax larger than the number of distinct values is reduced to it,
     * and kMin to at most that; a single value or all values equal give one cluster (K = 1) and an all-NaN
     * criterion.
     *
     * @return the clustering, with C(K) in {@code bic[K − kMin]} for K = kMin..kMaxEffective
     * @throws IllegalArgumentException if values is empty or holds NaN or infinite values, not 1 ≤ kMin ≤ kMax, or
     *     penalty is not a positive finite number
     */
    public static Selection selectK(double[] values, int kMin, int kMax, double penalty) {
        if (!(penalty > 0) || Double.isInfinite(penalty)) {
            throw new IllegalArgumentException("Cannot select k for " + values.length
                    + " values: the penalty must be a positive finite number, got " + penalty);
        }
        Sorted s = Sorted.of(values, "select k for");
        if (kMin < 1 || kMax < kMin) {
            throw new IllegalArgumentException("Cannot select k for " + values.length
                    + " values: need 1 ≤ kMin ≤ kMax, got kMin=" + kMin + ", kMax=" + kMax);
        }
        int kHigh = Math.min(kMax, s.distinct);
        int kLow = Math.min(kMin, kHigh);
        int[][] split = dynamicProgramme(s, kHigh);
        double[] bic = new double[kHigh - kLow + 1];
        if (s.distinct < 2) {
            Arrays.fill(bic, Double.NaN);
            return new Selection(backtrack(s, split, 1), bic);
        }
        Clustering best = null;
        double bestBic = Double.NEGATIVE_INFINITY;
        for (int k = kLow; k <= kHigh; k++) {
            Clustering c = backtrack(s, split, k);
            bic[k - kLow] = criterion(s, c, penalty);
            if (best == null || bic[k - kLow] > bestBic) {
                best = c;
                bestBic = bic[k - kLow];
            }
        }
        return new Selection(best, bic);
    }

    private static double criterion(Sorted s, Clustering c, double penalty) {
        int n = s.x.length;
        int k = c.k;
        double[] lambda = new double[k];
        double[] mu = new double[k];
        double[] sigma2 = new double[k];
        int left = 0;
        for (int j = 0; j < k; j++) {
            int size = c.sizes[j];
            int right = left + size - 1;
            lambda[j] = size / (double) n;
            mu[j] = c.centers[j];
            sigma2[j] = size > 1 ? c.withinSs[j] / (size - 1) : 0.0;
            if (sigma2[j] == 0 || size == 1) {
                double gap = Double.POSITIVE_INFINITY;
                if (left > 0) {
                    gap = Math.min(gap, s.x[left] - s.x[left - 1]);
                }
                if (right < n - 1) {
                    gap = Math.min(gap, s.x[right + 1] - s.x[right]);
                }
                if (!(gap > 0) || Double.isInfinite(gap)) {
                    gap = s.smallestPositiveGap;
                }
                sigma2[j] = size == 1 ? gap * gap : gap * gap / 36.0;
            }
            left = right + 1;
        }
        double logLikelihood = 0;
        double[] terms = new double[k];
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                double d = s.x[i] - mu[j];
                terms[j] = Math.log(lambda[j]) - 0.5 * Math.log(2.0 * Math.PI * sigma2[j]) - d * d / (2.0 * sigma2[j]);
                max = Math.max(max, terms[j]);
            }
            double sum = 0;
            for (int j = 0; j < k; j++) {
                sum += Math.exp(terms[j] - max);
            }
            logLikelihood += max + Math.log(sum);
        }
        return 2.0 * logLikelihood - penalty * (3.0 * k - 1.0) * Math.log(n);
    }

    private static int[][] dynamicProgramme(Sorted s, int kMax) {
        int n = s.x.length;
        double[] previous = new double[n + 1];
        double[] current = new double[n + 1];
        int[][] split = new int[kMax + 1][n + 1];
        for (int i = 1; i <= n; i++) {
            previous[i] = s.cost(0, i);
        }
        previous[0] = Double.POSITIVE_INFINITY;
        for (int k = 2; k <= kMax; k++) {
            Arrays.fill(current, Double.POSITIVE_INFINITY);
            fillRow(s, previous, current, split[k], k, k, n, k - 1, n - 1);
            double[] swap = previous;
            previous = current;
            current = swap;
        }
        return split;
    }

    /** Fills row k for i in [iLo, iHi] knowing the optimal split lies in [jLo, jHi] (divide and conquer). */
    private static void fillRow(Sorted s, double[] previous, double[] current, int[] split, int k, int iLo,
            int iHi, int jLo, int jHi) {
        if (iLo > iHi) {
            return;
        }
        int i = (iLo + iHi) >>> 1;
        int from = Math.max(jLo, k - 1);
        int to = Math.min(jHi, i - 1);
        double best = Double.POSITIVE_INFINITY;
        int bestJ = from;
        for (int j = from; j <= to; j++) {
            double value = previous[j] + s.cost(j, i);
            if (value < best) {
                best = value;
                bestJ = j;
            }
        }
        current[i] = best;
        split[i] = bestJ;
        fillRow(s, previous, current, split, k, iLo, i - 1, jLo, bestJ);
        fillRow(s, previous, current, split, k, i + 1, iHi, bestJ, jHi);
    }

    private static Clustering backtrack(Sorted s, int[][] split, int k) {
        int n = s.x.length;
        int[] sizes = new int[k];
        double[] centers = new double[k];
        double[] withinSs = new double[k];
        int[] sortedCluster = new int[n];
        int right = n;
        for (int c = k - 1; c >= 0; c--) {
            int left = c == 0 ? 0 : split[c + 1][right];
            sizes[c] = right - left;
            double sum = 0;
            for (int i = left; i < right; i++) {
                sum += s.x[i];
                sortedCluster[i] = c;
            }
            centers[c] = sum / sizes[c];
            double ss = 0;
            for (int i = left; i < right; i++) {
                double d = s.x[i] - centers[c];
                ss += d * d;
            }
            withinSs[c] = ss;
            right = left;
        }
        int[] cluster = new int[n];
        for (int i = 0; i < n; i++) {
            cluster[s.order[i]] = sortedCluster[i];
        }
        double total = 0;
        for (double w : withinSs) {
            total += w;
        }
        return new Clustering(k, cluster, centers, sizes, withinSs, total);
    }

    /** Values sorted ascending, with their input positions and shifted prefix sums. */
    private static final class Sorted {
        final double[] x;
        final int[] order;
        final int distinct;
        final double smallestPositiveGap;
        private final double[] sum;
        private final double[] sumSq;

        private Sorted(double[] x, int[] order) {
            this.x = x;
            this.order = order;
            int n = x.length;
            int d = n == 0 ? 0 : 1;
            double gap = Double.POSITIVE_INFINITY;
            for (int i = 1; i < n; i++) {
                if (x[i] != x[i - 1]) {
                    d++;
                    gap = Math.min(gap, x[i] - x[i - 1]);
                }
            }
            distinct = d;
            smallestPositiveGap = gap;
            double shift = n == 0 ? 0 : x[n / 2];
            sum = new double[n + 1];
            sumSq = new double[n + 1];
            for (int i = 0; i < n; i++) {
                double v = x[i] - shift;
                sum[i + 1] = sum[i] + v;
                sumSq[i + 1] = sumSq[i] + v * v;
            }
        }

        static Sorted of(double[] values, String action) {
            if (values.length == 0) {
                throw new IllegalArgumentException("Cannot " + action + " values: no values");
            }
            Integer[] boxed = new Integer[values.length];
            for (int i = 0; i < values.length; i++) {
                if (!Double.isFinite(values[i])) {
                    throw new IllegalArgumentException(
                            "Cannot " + action + " values: value " + values[i] + " at index " + i + " is not finite");
                }
                boxed[i] = i;
            }
            Arrays.sort(boxed, (a, b) -> Double.compare(values[a], values[b]));
            double[] x = new double[values.length];
            int[] order = new int[values.length];
            for (int i = 0; i < values.length; i++) {
                order[i] = boxed[i];
                x[i] = values[boxed[i]];
            }
            return new Sorted(x, order);
        }

        /** Sum of squared deviations from their mean of x[from..to). */
        double cost(int from, int to) {
            int m = to - from;
            if (m <= 1) {
                return 0.0;
            }
            double s = sum[to] - sum[from];
            double ss = sumSq[to] - sumSq[from] - s * s / m;
            return ss > 0 ? ss : 0.0;
        }
    }
}
