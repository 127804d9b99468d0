package io.tiedepth.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    private static ToDoubleFunction<int[]> meanOf(double[] sample) {
        return idx -> {
            double s = 0;
            for (int i : idx) {
                s += sample[i];
            }
            return s / idx.length;
        };
    }

    @Test
    void percentileIntervalOfTheMeanCoversTheTruthAtAboutTheNominalRate() {
        Well19937c data = new Well19937c(20240601);
        double mu = 3.0;
        int covered = 0;
        for (int rep = 0; rep < 200; rep++) {
            double[] sample = new double[50];
            for (int i = 0; i < sample.length; i++) {
                sample[i] = mu + data.nextGaussian();
            }
            Bootstrap.Result r = Bootstrap.percentileCI(50, meanOf(sample), 200, rep, 0.95);
            if (r.lower() <= mu && mu <= r.upper()) {
                covered++;
            }
        }

        assertThat(covered / 200.0).isBetween(0.90, 0.99);
    }

    @Test
    void standardErrorOfTheMeanIsNearSigmaOverRootN() {
        Well19937c data = new Well19937c(5);
        double[] sample = new double[100];
        for (int i = 0; i < sample.length; i++) {
            sample[i] = 2.0 * data.nextGaussian();
        }

        Bootstrap.Result r = Bootstrap.percentileCI(100, meanOf(sample), 2000, 17L, 0.95);

        assertThat(r.standardError()).isCloseTo(0.2, within(0.03));
        assertThat(r.estimate()).isCloseTo(meanOf(sample).applyAsDouble(identity(100)), within(1e-15));
        assertThat(r.upper() - r.lower()).isCloseTo(2 * 1.96 * r.standardError(), within(0.05));
    }

    @Test
    void sameSeedGivesSameIntervalAndOtherSeedDoesNot() {
        double[] sample = {1.2, 3.4, 0.5, 2.2, 9.1, 4.4, 3.3, 0.1, 5.5, 2.8};

        Bootstrap.Result a = Bootstrap.percentileCI(10, meanOf(sample), 1000, 42L, 0.95);
        Bootstrap.Result b = Bootstrap.percentileCI(10, meanOf(sample), 1000, 42L, 0.95);
        Bootstrap.Result c = Bootstrap.percentileCI(10, meanOf(sample), 1000, 43L, 0.95);

        assertThat(b.lower()).isEqualTo(a.lower());
        assertThat(b.upper()).isEqualTo(a.upper());
        assertThat(b.replicates()).containsExactly(a.replicates());
        assertThat(c.lower()).isNotEqualTo(a.lower());
    }

    @Test
    void dropsAndCountsNaNReplicates() {
        double[] x = {1, 2, 3, 4, 5};
        double[] y = {2, 1, 4, 3, 5};
        ToDoubleFunction<int[]> rho = idx -> {
            double[] xs = new double[idx.length];
            double[] ys = new double[idx.length];
            for (int i = 0; i < idx.length; i++) {
                xs[i] = x[idx[i]];
                ys[i] = y[idx[i]];
            }
            return Correlation.spearman(xs, ys).rho();
        };

        Bootstrap.Result r = Bootstrap.percentileCI(5, rho, 1000, 1L, 0.95);

        assertThat(r.nanReplicates()).isPositive();
        assertThat(r.validReplicates() + r.nanReplicates()).isEqualTo(1000);
        assertThat(r.replicates()).doesNotContain(Double.NaN).isSorted();
        assertThat(r.estimate()).isCloseTo(0.8, within(1e-12));
    }

    /**
     * With replicates {1, …, 19} (B = 19): null 10 has 10 at or below and 10 at or above, p = 2·11/20 = 1 capped;
     * null 0 has 0 below, p = 2·1/20 = 0.1; null 3 has 3 at or below, p = 2·4/20 = 0.4.
     */
    @Test
    void pValueCountsTheSmallerTailWithThePlusOneCorrection() {
        double[] replicates = new double[19];
        for (int i = 0; i < 19; i++) {
            replicates[i] = i + 1;
        }
        Bootstrap.Result r = new Bootstrap.Result(10, 1, 19, 0.95, 1, 19, 0, replicates);

        assertThat(r.pValue(10)).isEqualTo(1.0);
        assertThat(r.pValue(0)).isCloseTo(0.1, within(1e-15));
        assertThat(r.pValue(3)).isCloseTo(0.4, within(1e-15));
        assertThat(r.pValue(25)).isCloseTo(0.1, within(1e-15));
    }

    @Test
    void pValueIsSmallWhenTheIntervalIsFarFromTheNull() {
        double[] sample = new double[40];
        Well19937c data = new Well19937c(9);
        for (int i = 0; i < sample.length; i++) {
            sample[i] = 5 + data.nextGaussian();
        }

        Bootstrap.Result r = Bootstrap.percentileCI(40, meanOf(sample), 999, 3L, 0.95);

        assertThat(r.pValue(0)).isCloseTo(2.0 / 1000, within(1e-15));
        assertThat(r.pValue(r.estimate())).isGreaterThan(0.5);
    }

    @Test
    void rejectsInvalidArguments() {
        assertThatThrownBy(() -> Bootstrap.percentileCI(0, idx -> 0, 10, 1L, 0.95))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot bootstrap: need n ≥ 1, resamples ≥ 1 and 0 < level < 1, got n=0, "
                        + "resamples=10, level=0.95");
    }

    private static int[] identity(int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        return idx;
    }
}
