package io.tiedepth.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CkmeansTest {

    @Nested
    class FixedK {

        /** {1,2,3 | 10,11,12 | 30,31}: within-SS 2 + 2 + 0.5. */
        @Test
        void separatesThreeObviousGroups() {
            Ckmeans.Clustering c = Ckmeans.cluster(new double[] {31, 1, 11, 2, 30, 3, 12, 10}, 3);

            assertThat(c.k()).isEqualTo(3);
            assertThat(c.cluster()).containsExactly(2, 0, 1, 0, 2, 0, 1, 1);
            assertThat(c.centers()).containsExactly(2, 11, 30.5);
            assertThat(c.sizes()).containsExactly(3, 3, 2);
            assertThat(c.withinSs()).containsExactly(2, 2, 0.5);
            assertThat(c.totalWithinSs()).isEqualTo(4.5);
        }

        /**
         * Expected values from the test suite of the R package Ckmeans.1d.dp (tests/testthat, "Given the number of
         * clusters").
         */
        @Test
        void reproducesCkmeans1dDpExampleWithTies() {
            Ckmeans.Clustering c = Ckmeans.cluster(new double[] {-1, 2, -1, 2, 4, 5, 6, -1, 2, -1}, 3);

            assertThat(c.cluster()).containsExactly(0, 1, 0, 1, 2, 2, 2, 0, 1, 0);
            assertThat(c.centers()).containsExactly(-1, 2, 5);
            assertThat(c.withinSs()).containsExactly(0, 0, 2);
            assertThat(c.sizes()).containsExactly(4, 3, 3);
        }

        /** Ckmeans.1d.dp test "n==14, k==8". */
        @Test
        void reproducesCkmeans1dDpFourteenValuesEightClusters() {
            double[] x = {-3, 2.2, -6, 7, 9, 11, -6.3, 75, 82.6, 32.3, -9.5, 62.5, 7, 95.2};

            Ckmeans.Clustering c = Ckmeans.cluster(x, 8);

            assertThat(c.cluster()).containsExactly(1, 1, 0, 2, 2, 2, 0, 5, 6, 3, 0, 4, 2, 7);
            assertThat(c.centers()).containsExactly(new double[] {-7.266666667, -0.4, 8.5, 32.3, 62.5, 75, 82.6, 95.2},
                    within(1e-8));
            assertThat(c.withinSs())
                    .containsExactly(new double[] {7.526666667, 13.52, 11, 0, 0, 0, 0, 0}, within(1e-8));
            assertThat(c.sizes()).containsExactly(3, 2, 4, 1, 1, 1, 1, 1);
        }

        /** Ckmeans.1d.dp tests "k==2" and "n<=k". */
        @Test
        void reproducesCkmeans1dDpSmallCases() {
            Ckmeans.Clustering halves = Ckmeans.cluster(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 2);
            Ckmeans.Clustering singletons = Ckmeans.cluster(new double[] {3, 2, -5.4, 0.1}, 4);

            assertThat(halves.centers()).containsExactly(3, 8);
            assertThat(halves.withinSs()).containsExactly(10, 10);
            assertThat(singletons.cluster()).containsExactly(3, 2, 0, 1);
            assertThat(singletons.totalWithinSs()).isZero();
        }

        @ParameterizedTest
        @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
        void matchesBruteForceOverAllContiguousPartitions(long seed) {
            Well19937c rng = new Well19937c(seed);
            int n = 3 + rng.nextInt(8);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = seed % 2 == 0 ? rng.nextInt(6) : 100 * rng.nextGaussian();
            }
            long distinct = Arrays.stream(x).distinct().count();
            for (int k = 1; k <= Math.min(5, distinct); k++) {
                Ckmeans.Clustering c = Ckmeans.cluster(x, k);

                assertThat(c.totalWithinSs()).as("seed %d, k %d", seed, k).isCloseTo(bruteForce(x, k), within(1e-9));
                assertThat(withinSsOf(x, c.cluster(), k)).isCloseTo(c.totalWithinSs(), within(1e-9));
                assertThat(Arrays.stream(c.sizes()).sum()).isEqualTo(n);
                assertThat(c.centers()).isSorted();
            }
        }

        @Test
        void isExactOnALargerInputAgainstQuadraticDynamicProgramme() {
            Well19937c rng = new Well19937c(99);
            double[] x = new double[150];
            for (int i = 0; i < x.length; i++) {
                x[i] = Math.exp(3 * rng.nextGaussian());
            }
            for (int k = 1; k <= 6; k++) {
                assertThat(Ckmeans.cluster(x, k).totalWithinSs())
                        .isCloseTo(quadraticDp(x, k), within(1e-9 * (1 + quadraticDp(x, k))));
            }
        }

        @Test
        void rejectsKAboveDistinctValuesAndNonFiniteValues() {
            assertThatThrownBy(() -> Ckmeans.cluster(new double[] {1, 1, 2}, 3))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Cannot cluster 3 values: k=3 must be between 1 and the number of distinct values (2)");
            assertThatThrownBy(() -> Ckmeans.cluster(new double[] {1, Double.NaN}, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Cannot cluster values: value NaN at index 1 is not finite");
            assertThatThrownBy(() -> Ckmeans.cluster(new double[0], 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Cannot cluster values: no values");
        }
    }

    @Nested
    class SelectK {

        @Test
        void picksThreeOnThreeWellSeparatedGroups() {
            Well19937c rng = new Well19937c(3);
            double[] x = new double[90];
            for (int i = 0; i < 90; i++) {
                x[i] = 25 * (i % 3) + rng.nextGaussian();
            }

            Ckmeans.Selection s = Ckmeans.selectK(x, 9);

            assertThat(s.k()).isEqualTo(3);
            assertThat(s.clustering().sizes()).containsExactly(30, 30, 30);
            assertThat(s.bic()).hasSize(9);
        }

        @Test
        void picksOneOnASingleTightGroup() {
            Well19937c rng = new Well19937c(4);
            double[] x = new double[50];
            for (int i = 0; i < 50; i++) {
                x[i] = 100 + 0.5 * rng.nextGaussian();
            }

            assertThat(Ckmeans.selectK(x, 9).k()).isEqualTo(1);
        }

        /** Ckmeans.1d.dp tests "Estimating k example set 1" and "set 2". */
        @Test
        void reproducesCkmeans1dDpEstimatedK() {
            assertThat(Ckmeans.selectK(new double[] {.9, 1, 1.1, 1.9, 2, 2.1}, 6).clustering().sizes())
                    .containsExactly(3, 3);
            assertThat(Ckmeans.selectK(new double[] {2.1, 2, 1.9, 1.1, 1, .9}, 6).clustering().sizes())
                    .containsExactly(3, 3);
            assertThat(Ckmeans.selectK(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 10).k()).isEqualTo(1);

            Ckmeans.Selection set2 =
                    Ckmeans.selectK(new double[] {3.5, 3.6, 3.7, 3.1, 1.1, 0.9, 0.8, 2.2, 1.9, 2.1}, 2, 5);
            assertThat(set2.clustering().cluster()).containsExactly(2, 2, 2, 2, 0, 0, 0, 1, 1, 1);
            assertThat(set2.clustering().withinSs())
                    .containsExactly(new double[] {0.0466666666667, 0.0466666666667, 0.2075}, within(1e-10));
            assertThat(set2.bic()).hasSize(4);
        }

        /** Ckmeans.1d.dp test: x = cos(-10:10), k chosen in 1..9. */
        @Test
        void reproducesCkmeans1dDpCosineExample() {
            double[] x = new double[21];
            for (int i = 0; i < 21; i++) {
                x[i] = Math.cos(i - 10);
            }

            Ckmeans.Selection s = Ckmeans.selectK(x, 9);

            assertThat(s.clustering().sizes()).containsExactly(12, 9);
            assertThat(s.clustering().centers())
                    .containsExactly(new double[] {-0.6592474631, 0.6751193405}, within(1e-9));
            assertThat(s.clustering().withinSs())
                    .containsExactly(new double[] {1.0564793100, 0.6232976959}, within(1e-9));
        }

        /** Ckmeans.1d.dp test: x = dgamma(seq(1, 10, by = 0.5), shape = 2, rate = 1) = x·e^(−x), k chosen in 1..9. */
        @Test
        void reproducesCkmeans1dDpGammaDensityExample() {
            double[] x = new double[19];
            for (int i = 0; i < 19; i++) {
                double t = 1 + 0.5 * i;
                x[i] = t * Math.exp(-t);
            }

            Ckmeans.Selection s = Ckmeans.selectK(x, 9);

            assertThat(s.clustering().sizes()).containsExactly(13, 3, 3);
            assertThat(s.clustering().centers())
                    .containsExactly(new double[] {0.01702193495, 0.15342151455, 0.32441508262}, within(1e-10));
        }

        /**
         * K = 1 by hand for {1, 2, 3}: μ = 2, σ² = 1 (divisor n − 1),
         * log L = −(3/2)·ln(2π) − Σ(x−μ)²/2 = −(3/2)·ln(2π) − 1,
         * BIC = 2·log L − (3·1 − 1)·ln 3 = −3·ln(2π) − 2 − 2·ln 3 = −9.710855776564255.
         * K = 3 for {1, 2, 4}: singletons, σ² = (gap to nearest neighbour)² = 1, 1, 4, λ = 1/3 each;
         * BIC = 2·Σᵢ ln Σ_c λ φ(xᵢ; x_c, σ²_c) − 8·ln 3 = −19.332079905331437 (evaluated with numpy).
         */
        @Test
        void computesBicAsCkmeans1dDp() {
            assertThat(Ckmeans.selectK(new double[] {1, 2, 3}, 1).bic()[0])
                    .isCloseTo(-9.710855776564255, within(1e-12));
            double[] bic = Ckmeans.selectK(new double[] {1, 2, 4}, 3).bic();
            assertThat(bic[2]).isCloseTo(-19.332079905331437, within(1e-12));
        }

        /**
         * The penalised criterion by hand: K = 1 for {1, 2, 3} with penalty 2 is the BIC above minus one more
         * (3·1 − 1)·ln 3: −3·ln(2π) − 2 − 4·ln 3 = −11.908080353900475; K = 3 for {1, 2, 4}: −19.332079905331437
         * − 8·ln 3 = −28.120978214676313.
         */
        @Test
        void multipliesTheParameterPenalty() {
            assertThat(Ckmeans.selectK(new double[] {1, 2, 3}, 1, 1, 2.0).bic()[0])
                    .isCloseTo(-11.908080353900475, within(1e-12));
            assertThat(Ckmeans.selectK(new double[] {1, 2, 4}, 1, 3, 2.0).bic()[2])
                    .isCloseTo(-28.120978214676313, within(1e-12));
            assertThat(Ckmeans.selectK(new double[] {1, 2, 4}, 1, 3, 1.0).bic())
                    .containsExactly(Ckmeans.selectK(new double[] {1, 2, 4}, 3).bic());
            assertThatThrownBy(() -> Ckmeans.selectK(new double[] {1, 2}, 1, 2, 0.0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Cannot select k for 2 values: the penalty must be a positive finite number, got 0.0");
        }

        @Test
        void handlesDegenerateInputs() {
            Ckmeans.Selection equal = Ckmeans.selectK(new double[] {5, 5, 5, 5}, 5);
            Ckmeans.Selection single = Ckmeans.selectK(new double[] {7}, 5);
            Ckmeans.Selection fewDistinct = Ckmeans.selectK(new double[] {1, 1, 1, 9, 9, 9}, 5);

            assertThat(equal.k()).isEqualTo(1);
            assertThat(equal.clustering().sizes()).containsExactly(4);
            assertThat(equal.bic()).containsExactly(Double.NaN);
            assertThat(single.k()).isEqualTo(1);
            assertThat(fewDistinct.bic()).hasSize(2);
            assertThat(fewDistinct.k()).isEqualTo(2);
        }
    }

    private static double withinSsOf(double[] x, int[] cluster, int k) {
        double[] sum = new double[k];
        int[] count = new int[k];
        for (int i = 0; i < x.length; i++) {
            sum[cluster[i]] += x[i];
            count[cluster[i]]++;
        }
        double ss = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - sum[cluster[i]] / count[cluster[i]];
            ss += d * d;
        }
        return ss;
    }

    /** Minimum within-SS over every way to cut the sorted values into k non-empty runs (C(n−1, k−1) partitions). */
    private static double bruteForce(double[] values, int k) {
        double[] x = values.clone();
        Arrays.sort(x);
        return bruteForce(x, 0, k);
    }

    private static double bruteForce(double[] x, int from, int k) {
        if (k == 1) {
            return ssq(x, from, x.length);
        }
        double best = Double.POSITIVE_INFINITY;
        for (int cut = from + 1; cut <= x.length - (k - 1); cut++) {
            best = Math.min(best, ssq(x, from, cut) + bruteForce(x, cut, k - 1));
        }
        return best;
    }

    private static double ssq(double[] x, int from, int to) {
        double mean = 0;
        for (int i = from; i < to; i++) {
            mean += x[i];
        }
        mean /= to - from;
        double ss = 0;
        for (int i = from; i < to; i++) {
            ss += (x[i] - mean) * (x[i] - mean);
        }
        return ss;
    }

    /** Plain O(k·n²) dynamic programme with two-pass sums of squares, as a reference for the divide-and-conquer one. */
    private static double quadraticDp(double[] values, int k) {
        double[] x = values.clone();
        Arrays.sort(x);
        int n = x.length;
        double[][] d = new double[k + 1][n + 1];
        for (double[] row : d) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        d[0][0] = 0;
        for (int c = 1; c <= k; c++) {
            for (int i = c; i <= n; i++) {
                for (int j = c - 1; j < i; j++) {
                    d[c][i] = Math.min(d[c][i], d[c - 1][j] + ssq(x, j, i));
                }
            }
        }
        return d[k][n];
    }
}
