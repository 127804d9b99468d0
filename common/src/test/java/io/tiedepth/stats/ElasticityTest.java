package io.tiedepth.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class ElasticityTest {

    @Test
    void recoversExactPowerLaw() {
        double[] x = new double[50];
        double[] y = new double[50];
        for (int i = 0; i < x.length; i++) {
            x[i] = 10 + 37.0 * i;
            y[i] = 3 * Math.pow(x[i], 0.6);
        }

        Elasticity.Fit fit = Elasticity.fit(x, y);

        assertThat(fit.slope()).isCloseTo(0.6, within(1e-12));
        assertThat(fit.intercept()).isCloseTo(Math.log(3), within(1e-10));
        assertThat(fit.rSquared()).isCloseTo(1.0, within(1e-12));
        assertThat(fit.n()).isEqualTo(50);
        assertThat(fit.excluded()).isZero();
    }

    @Test
    void recoversPowerLawUnderSeededMultiplicativeNoise() {
        Well19937c rng = new Well19937c(42);
        double[] x = new double[400];
        double[] y = new double[400];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.exp(2 + 6 * rng.nextDouble());
            y[i] = 3 * Math.pow(x[i], 0.6) * Math.exp(0.3 * rng.nextGaussian());
        }

        Elasticity.Fit fit = Elasticity.fit(x, y);

        assertThat(fit.slope()).isCloseTo(0.6, within(0.03));
        assertThat(fit.slopeStdErr()).isBetween(0.003, 0.02);
        assertThat(fit.intercept()).isCloseTo(Math.log(3), within(0.2));
    }

    @Test
    void log1pVariantKeepsZerosAndRecoversPlantedLaw() {
        double[] x = {1, 2, 5, 10, 50, 100, 1000};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 2 * Math.pow(x[i], 0.8) - 1;
        }
        y[0] = 0.0;
        x[0] = Math.pow(0.5, 1 / 0.8);

        Elasticity.Fit fit = Elasticity.fit(x, y, true);

        assertThat(fit.slope()).isCloseTo(0.8, within(1e-12));
        assertThat(fit.intercept()).isCloseTo(Math.log(2), within(1e-12));
        assertThat(fit.n()).isEqualTo(7);
        assertThat(fit.log1pY()).isTrue();
    }

    @Test
    void excludesAndCountsPointsOutsideTheLogDomain() {
        double[] x = {0, -3, 1, 2, 4, 8, Double.NaN, 16};
        double[] y = {5, 5, 1, 2, 0, 8, 3, 16};

        Elasticity.Fit logY = Elasticity.fit(x, y);
        Elasticity.Fit log1p = Elasticity.fit(x, y, true);

        assertThat(logY.n()).isEqualTo(4);
        assertThat(logY.excluded()).isEqualTo(4);
        assertThat(logY.slope()).isCloseTo(1.0, within(1e-12));
        assertThat(log1p.n()).isEqualTo(5);
        assertThat(log1p.excluded()).isEqualTo(3);
    }

    @Test
    void isNaNWithFewerThanTwoUsablePoints() {
        Elasticity.Fit fit = Elasticity.fit(new double[] {0, 5}, new double[] {1, 2});

        assertThat(fit.n()).isEqualTo(1);
        assertThat(fit.slope()).isNaN();
    }
}
