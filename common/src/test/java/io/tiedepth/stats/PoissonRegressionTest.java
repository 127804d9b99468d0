package io.tiedepth.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/** PPML against independent computations: a closed form and a direct root search of the score equations. */
class PoissonRegressionTest {

    /** With x in {0, 1}, the PPML slope is log(mean y | x = 1) − log(mean y | x = 0) (the saturated model). */
    @Test
    void twoGroupsGiveTheLogRatioOfMeans() {
        double[] x = {0, 0, 0, 1, 1, 1, 1};
        double[] y = {1, 2, 0, 4, 6, 5, 3};
        PoissonRegression.Fit f = PoissonRegression.fit(x, y);
        assertThat(f.slope()).isCloseTo(Math.log(4.5) - Math.log(1.0), within(1e-9));
        assertThat(f.intercept()).isCloseTo(0.0, within(1e-9));
    }

    /**
     * The score equations solved another way: for a fixed slope b the intercept is log(Σy / Σexp(b·x)) in closed
     * form, which leaves one equation Σx·(y − μ) = 0 in b, solved by Brent's method.
     */
    @Test
    void equalsABrentRootOfTheProfileScore() {
        Well19937c rng = new Well19937c(4);
        int n = 500;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.log(5 + rng.nextInt(3000));
            double mean = 0.3 * Math.exp(0.7 * x[i]) * Math.exp(0.8 * rng.nextGaussian());
            y[i] = new PoissonDistribution(rng, mean, 1e-12, 10_000).sample();
        }
        UnivariateFunction score = b -> {
            double sy = 0;
            double se = 0;
            for (int i = 0; i < n; i++) {
                sy += y[i];
                se += Math.exp(b * x[i]);
            }
            double a = Math.log(sy / se);
            double g = 0;
            for (int i = 0; i < n; i++) {
                g += x[i] * (y[i] - Math.exp(a + b * x[i]));
            }
            return g;
        };
        double root = new BrentSolver(1e-12).solve(1000, score, -3, 3);
        assertThat(PoissonRegression.fit(x, y).slope()).isCloseTo(root, within(1e-8));
    }

    /** Weights w with rate y equal the count w·y fitted with offset log w: the root of Σ w·x·(y − μ) = 0. */
    @Test
    void weightsActAsExposure() {
        double[] x = {0, 0, 1, 1};
        double[] rate = {1, 3, 4, 8};
        double[] months = {1, 3, 2, 2};
        // weighted means: x=0: (1·1 + 3·3)/4 = 2.5; x=1: (4·2 + 8·2)/4 = 6
        assertThat(PoissonRegression.fit(x, rate, months).slope()).isCloseTo(Math.log(6 / 2.5), within(1e-9));
    }

    @Test
    void recoversAnElasticityWithZerosAndOverdispersion() {
        Well19937c rng = new Well19937c(9);
        int n = 20_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.log(5 + rng.nextInt(3000));
            double mean = 0.01 * Math.exp(1.0 * x[i]) * Math.exp(1.0 * rng.nextGaussian() - 0.5);
            y[i] = new PoissonDistribution(rng, mean, 1e-12, 10_000).sample();
        }
        assertThat(PoissonRegression.fit(x, y).slope()).isCloseTo(1.0, within(0.03));
    }

    /** A resample fitted through the distinct x (sums of w and w·y per x) equals the fit over its rows. */
    @Test
    void aFitOverTheDistinctXEqualsTheFitOverTheRows() {
        Well19937c rng = new Well19937c(12);
        int n = 3000;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double size = Math.log(1 + rng.nextInt(400));
            x[i] = i == 7 ? Double.NaN : size;
            y[i] = i == 8 ? -1 : new PoissonDistribution(rng, 0.2 * Math.exp(0.8 * size), 1e-12, 10_000).sample();
            w[i] = i == 9 ? 0 : 0.5 + rng.nextDouble();
        }
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = rng.nextInt(n);
        }
        rows[0] = 7;
        rows[1] = 8;
        rows[2] = 9;
        double[] rx = new double[n];
        double[] ry = new double[n];
        double[] rw = new double[n];
        for (int i = 0; i < n; i++) {
            rx[i] = x[rows[i]];
            ry[i] = y[rows[i]];
            rw[i] = w[rows[i]];
        }
        PoissonRegression.Fit byRow = PoissonRegression.fit(rx, ry, rw);
        PoissonRegression.Fit byLevel = new PoissonRegression.Levels(x, y, w).fit(rows);
        assertThat(byLevel.slope()).isCloseTo(byRow.slope(), within(1e-10));
        assertThat(byLevel.intercept()).isCloseTo(byRow.intercept(), within(1e-10));
        assertThat(byLevel.n()).isEqualTo(byRow.n());
        PoissonRegression.Fit unweighted = new PoissonRegression.Levels(x, y, null).fit(rows);
        assertThat(unweighted.slope()).isCloseTo(PoissonRegression.fit(rx, ry).slope(), within(1e-10));
    }

    @Test
    void notEstimableWithoutSpreadOrOutcome() {
        assertThat(PoissonRegression.fit(new double[] {1, 1, 1}, new double[] {1, 2, 3}).estimable()).isFalse();
        assertThat(PoissonRegression.fit(new double[] {1, 2, 3}, new double[] {0, 0, 0}).estimable()).isFalse();
        assertThat(PoissonRegression.fit(new double[] {1, 2, Double.NaN}, new double[] {1, 2, 3}).n()).isEqualTo(2);
    }
}
