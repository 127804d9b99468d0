package io.tiedepth.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SegmentedRegressionTest {

    /** y = 2x up to 150, flat at 300 after: the Dunbar-ceiling shape of claim C2. */
    private static double ceiling(double x) {
        return Math.min(2 * x, 300);
    }

    @Nested
    class ExactData {

        @Test
        void recoversBreakpointAndSlopes() {
            double[] x = new double[300];
            double[] y = new double[300];
            for (int i = 0; i < x.length; i++) {
                x[i] = i + 1;
                y[i] = ceiling(x[i]);
            }

            SegmentedRegression.Fit fit = SegmentedRegression.fit(x, y);

            assertThat(fit.estimable()).isTrue();
            assertThat(fit.breakpoint()).isCloseTo(150, within(1e-6));
            assertThat(fit.slopeBefore()).isCloseTo(2, within(1e-9));
            assertThat(fit.slopeAfter()).isCloseTo(0, within(1e-9));
            assertThat(fit.intercept()).isCloseTo(0, within(1e-7));
            assertThat(fit.fittedAtBreakpoint()).isCloseTo(300, within(1e-7));
            assertThat(fit.rss()).isLessThan(1e-12);
            assertThat(fit.linearRss()).isGreaterThan(1e5);
            assertThat(fit.daviesP()).isLessThan(1e-6);
            assertThat(fit.n()).isEqualTo(300);
        }

        @Test
        void findsBreakpointBetweenDataPoints() {
            double[] x = new double[40];
            double[] y = new double[40];
            for (int i = 0; i < x.length; i++) {
                x[i] = 10 * (i + 1);
                y[i] = 5 + 1.5 * x[i] - 1.2 * Math.max(0, x[i] - 137.5);
            }

            SegmentedRegression.Fit fit = SegmentedRegression.fit(x, y);

            assertThat(fit.breakpoint()).isCloseTo(137.5, within(1e-4));
            assertThat(fit.slopeBefore()).isCloseTo(1.5, within(1e-6));
            assertThat(fit.slopeAfter()).isCloseTo(0.3, within(1e-6));
            assertThat(fit.intercept()).isCloseTo(5, within(1e-4));
        }

        @Test
        void fitsOnLogScaleAndReportsBreakpointInOriginalUnits() {
            double[] x = new double[60];
            double[] y = new double[60];
            for (int i = 0; i < x.length; i++) {
                x[i] = Math.exp(1 + 0.1 * i);
                y[i] = 10 + 40 * Math.log(x[i]) - 35 * Math.max(0, Math.log(x[i]) - Math.log(150));
            }
            double[] withBad = java.util.Arrays.copyOf(x, 62);
            double[] yBad = java.util.Arrays.copyOf(y, 62);
            withBad[60] = 0;
            withBad[61] = -1;

            SegmentedRegression.Fit fit =
                    SegmentedRegression.fit(withBad, yBad, SegmentedRegression.Options.DEFAULT.withLogX(true));

            assertThat(fit.logX()).isTrue();
            assertThat(fit.breakpoint()).isCloseTo(150, within(0.01));
            assertThat(fit.breakpointOnFitScale()).isCloseTo(Math.log(150), within(1e-6));
            assertThat(fit.slopeBefore()).isCloseTo(40, within(1e-6));
            assertThat(fit.slopeAfter()).isCloseTo(5, within(1e-6));
            assertThat(fit.excluded()).isEqualTo(2);
        }
    }

    @Nested
    class NoisyData {

        @Test
        void recoversBreakpointUnderSeededNoise() {
            Well19937c rng = new Well19937c(2024);
            double[] x = new double[300];
            double[] y = new double[300];
            for (int i = 0; i < x.length; i++) {
                x[i] = 10 + 590 * rng.nextDouble();
                y[i] = ceiling(x[i]) + 10 * rng.nextGaussian();
            }

            SegmentedRegression.Fit fit = SegmentedRegression.fit(x, y);

            assertThat(fit.breakpoint()).isCloseTo(150, within(5.0));
            assertThat(fit.slopeBefore()).isCloseTo(2, within(0.1));
            assertThat(fit.slopeAfter()).isCloseTo(0, within(0.03));
            assertThat(fit.fittedAtBreakpoint()).isCloseTo(300, within(5.0));
            assertThat(fit.rss()).isLessThan(fit.linearRss());
            assertThat(fit.fStatistic()).isGreaterThan(100);
            assertThat(fit.daviesP()).isLessThan(1e-6);
        }

        @ParameterizedTest
        @ValueSource(longs = {1, 2, 3, 4, 5})
        void findsTheGlobalLeastSquaresOptimumOfADenseGridSearch(long seed) {
            Well19937c rng = new Well19937c(seed);
            int n = 40;
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = Math.round(100 * rng.nextDouble());
                y[i] = 3 + 0.5 * x[i] - 0.4 * Math.max(0, x[i] - 30 - 40 * rng.nextDouble()) + 4 * rng.nextGaussian();
            }
            SegmentedRegression.Fit fit = SegmentedRegression.fit(x, y);
            double[] sorted = x.clone();
            java.util.Arrays.sort(sorted);
            double lo = sorted[4];
            double hi = sorted[n - 5];

            double gridBest = Double.POSITIVE_INFINITY;
            for (int g = 0; g <= 4000; g++) {
                gridBest = Math.min(gridBest, olsRss(x, y, lo + (hi - lo) * g / 4000.0));
            }

            assertThat(fit.rss()).isLessThanOrEqualTo(gridBest + 1e-9);
            assertThat(fit.rss()).isCloseTo(olsRss(x, y, fit.breakpoint()), within(1e-8));
        }

        /** RSS of y ~ 1 + x + (x − ψ)₊ by QR least squares (commons-math3), independent of the class under test. */
        private double olsRss(double[] x, double[] y, double psi) {
            double[][] design = new double[x.length][];
            for (int i = 0; i < x.length; i++) {
                design[i] = new double[] {x[i], Math.max(0, x[i] - psi)};
            }
            OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
            ols.newSampleData(y, design);
            double rss = 0;
            for (double r : ols.estimateResiduals()) {
                rss += r * r;
            }
            return rss;
        }

        @Test
        void daviesTestDoesNotRejectAStraightLine() {
            Well19937c rng = new Well19937c(7);
            double[] x = new double[200];
            double[] y = new double[200];
            for (int i = 0; i < x.length; i++) {
                x[i] = 1000 * rng.nextDouble();
                y[i] = 20 + 0.3 * x[i] + 15 * rng.nextGaussian();
            }

            SegmentedRegression.Fit fit = SegmentedRegression.fit(x, y);

            assertThat(fit.daviesP()).isGreaterThan(0.05);
            assertThat(fit.slopeAfter() - fit.slopeBefore()).isCloseTo(0, within(0.1));
        }

        @Test
        void isDeterministic() {
            Well19937c rng = new Well19937c(11);
            double[] x = new double[100];
            double[] y = new double[100];
            for (int i = 0; i < x.length; i++) {
                x[i] = 500 * rng.nextDouble();
                y[i] = ceiling(x[i]) + 20 * rng.nextGaussian();
            }

            assertThat(SegmentedRegression.fit(x, y)).isEqualTo(SegmentedRegression.fit(x.clone(), y.clone()));
        }

        /** The bootstrap's fit: the same coefficients to the bit, sorted input or not, without the tests. */
        @Test
        void coefficientsAloneAreTheFitsCoefficients() {
            Well19937c rng = new Well19937c(13);
            double[] x = new double[400];
            double[] y = new double[400];
            for (int i = 0; i < x.length; i++) {
                x[i] = 1 + rng.nextInt(500);
                y[i] = ceiling(x[i]) + 20 * rng.nextGaussian();
            }
            double[] xs = x.clone();
            java.util.Arrays.sort(xs);
            SegmentedRegression.Options options = new SegmentedRegression.Options(false, 60, 10);
            SegmentedRegression.Fit full = SegmentedRegression.fit(x, y, options);
            SegmentedRegression.Fit alone = SegmentedRegression.fitCoefficients(x, y, options);
            assertThat(alone.breakpoint()).isEqualTo(full.breakpoint());
            assertThat(alone.intercept()).isEqualTo(full.intercept());
            assertThat(alone.slopeBefore()).isEqualTo(full.slopeBefore());
            assertThat(alone.slopeAfter()).isEqualTo(full.slopeAfter());
            assertThat(alone.fittedAtBreakpoint()).isEqualTo(full.fittedAtBreakpoint());
            assertThat(alone.rss()).isEqualTo(full.rss());
            assertThat(alone.daviesP()).isNaN();
            assertThat(alone.linearRss()).isNaN();
            Integer[] order = new Integer[x.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
            double[] ys = new double[y.length];
            for (int i = 0; i < ys.length; i++) {
                ys[i] = y[order[i]];
            }
            assertThat(SegmentedRegression.fit(xs, ys, options)).isEqualTo(full);
        }
    }

    @Nested
    class Degenerate {

        @Test
        void notEstimableWithTooFewPoints() {
            SegmentedRegression.Fit fit =
                    SegmentedRegression.fit(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, new double[9]);

            assertThat(fit.estimable()).isFalse();
            assertThat(fit.reason()).isEqualTo("needs at least 10 points, got 9");
            assertThat(fit.breakpoint()).isNaN();
        }

        @ParameterizedTest
        @ValueSource(strings = {"1,1,1,1,2,2,2,3,3,3,3", "1,1,1,1,1,2,2,2,2,2,2", "1,1,1,1,1,1,1,2,3,4,5"})
        void notEstimableWhenNoBreakpointLeavesEnoughPointsAndValuesOnEachSide(String xs) {
            double[] x = java.util.Arrays.stream(xs.split(",")).mapToDouble(Double::parseDouble).toArray();
            double[] y = new double[x.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = i;
            }

            SegmentedRegression.Fit fit = SegmentedRegression.fit(x, y);

            assertThat(fit.estimable()).isFalse();
            assertThat(fit.reason()).isEqualTo("no breakpoint leaves 5 points and 2 distinct x values on each side");
        }

        @Test
        void rejectsArraysOfDifferentLength() {
            assertThatThrownBy(() -> SegmentedRegression.fit(new double[3], new double[2]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Cannot fit segmented regression: x has 3 values but y has 2");
        }
    }
}
