package io.tiedepth.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class DunbarLayersTest {

    /**
     * A synthetic owner with the classic 5-15-50-150 structure: 5 ties contacted ~200 times a year, 10 at ~50, 35 at
     * ~12 and 100 at ~2, each with 5 % seeded Gaussian jitter.
     */
    @Test
    void findsFourNestedLayersOfASyntheticOwner() {
        Well19937c rng = new Well19937c(150);
        double[] tiers = {200, 50, 12, 2};
        int[] counts = {5, 10, 35, 100};
        double[] frequencies = new double[150];
        int[] expectedLayer = new int[150];
        int i = 0;
        for (int t = 0; t < tiers.length; t++) {
            for (int c = 0; c < counts[t]; c++) {
                frequencies[i] = tiers[t] * (1 + 0.05 * rng.nextGaussian());
                expectedLayer[i] = t + 1;
                i++;
            }
        }
        shuffle(frequencies, expectedLayer, rng);

        DunbarLayers layers = DunbarLayers.of(frequencies);

        assertThat(layers.layerCount()).isEqualTo(4);
        assertThat(layers.layerSizes()).containsExactly(5, 10, 35, 100);
        assertThat(layers.cumulativeSizes()).containsExactly(5, 15, 50, 150);
        assertThat(layers.ratios()).containsExactly(new double[] {3.0, 50 / 15.0, 3.0}, within(1e-12));
        assertThat(layers.layerOf()).containsExactly(expectedLayer);
        assertThat(layers.meanFrequency()[0]).isCloseTo(200, within(10.0));
        assertThat(layers.meanFrequency()).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(layers.minFrequency()[3]).isLessThan(2).isGreaterThan(1.5);
        assertThat(layers.criterion()).hasSize(5);
    }

    /**
     * No layers: 150 frequencies evenly spread over [1, 30] are one circle. The plain BIC splits them (a Gaussian
     * fits a flat spread badly, and the likelihood gain grows with n while the penalty grows with ln n); the doubled
     * penalty does not.
     */
    @Test
    void anEvenSpreadIsOneCircle() {
        double[] frequencies = new double[150];
        for (int i = 0; i < frequencies.length; i++) {
            frequencies[i] = 1 + 29.0 * i / (frequencies.length - 1);
        }

        assertThat(DunbarLayers.of(frequencies).layerCount()).isEqualTo(1);
        assertThat(DunbarLayers.of(frequencies, 5, 1.0).layerCount()).isGreaterThan(1);
    }

    /** Real layers survive the doubled penalty: two groups of 20 ties, about 2 and 20 a year, are two circles. */
    @Test
    void twoSeparatedGroupsAreTwoCircles() {
        double[] frequencies = new double[40];
        for (int i = 0; i < 20; i++) {
            frequencies[i] = 1.5 + 0.05 * i;
            frequencies[20 + i] = 18 + 0.2 * i;
        }

        DunbarLayers layers = DunbarLayers.of(frequencies);

        assertThat(layers.layerCount()).isEqualTo(2);
        assertThat(layers.cumulativeSizes()).containsExactly(20, 40);
    }

    /**
     * The criterion is the BIC of {@link Ckmeans#selectK} (checked against Ckmeans.1d.dp in CkmeansTest) minus one
     * more (3K − 1)·ln n, and the chosen K is its argmax.
     */
    @Test
    void criterionIsTheBicWithADoubledPenalty() {
        double[] frequencies = {1, 1.2, 2, 5, 5.5, 6, 20, 24, 30};
        double[] bic = Ckmeans.selectK(frequencies, 5).bic();

        DunbarLayers layers = DunbarLayers.of(frequencies);

        double[] criterion = layers.criterion();
        int best = 0;
        for (int k = 1; k <= 5; k++) {
            assertThat(criterion[k - 1]).isCloseTo(bic[k - 1] - (3 * k - 1) * Math.log(9), within(1e-9));
            best = criterion[k - 1] > criterion[best] ? k - 1 : best;
        }
        assertThat(layers.layerCount()).isEqualTo(best + 1);
    }

    @Test
    void capsTheNumberOfLayers() {
        double[] frequencies = {1, 1.1, 10, 10.5, 100, 101, 1000, 1010};

        DunbarLayers layers = DunbarLayers.of(frequencies, 2);

        assertThat(layers.layerCount()).isEqualTo(2);
        assertThat(layers.cumulativeSizes()).containsExactly(2, 8);
        assertThat(layers.layerOf()).containsExactly(2, 2, 2, 2, 2, 2, 1, 1);
    }

    @Test
    void noFrequenciesGiveNoLayers() {
        DunbarLayers layers = DunbarLayers.of(new double[0]);

        assertThat(layers.layerCount()).isZero();
        assertThat(layers.cumulativeSizes()).isEmpty();
        assertThat(layers.ratios()).isEmpty();
        assertThat(layers.layerOf()).isEmpty();
    }

    @Test
    void oneFrequencyGivesOneLayerOfOne() {
        DunbarLayers layers = DunbarLayers.of(new double[] {12.5});

        assertThat(layers.layerCount()).isEqualTo(1);
        assertThat(layers.cumulativeSizes()).containsExactly(1);
        assertThat(layers.ratios()).isEmpty();
        assertThat(layers.layerOf()).containsExactly(1);
        assertThat(layers.meanFrequency()).containsExactly(12.5);
    }

    @Test
    void equalFrequenciesGiveOneLayer() {
        DunbarLayers layers = DunbarLayers.of(new double[] {4, 4, 4, 4, 4, 4});

        assertThat(layers.layerCount()).isEqualTo(1);
        assertThat(layers.cumulativeSizes()).containsExactly(6);
        assertThat(layers.layerOf()).containsOnly(1);
    }

    @Test
    void rejectsNegativeOrNaNFrequencies() {
        assertThatThrownBy(() -> DunbarLayers.of(new double[] {3, -1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot assign Dunbar layers: contact frequency -1.0 at index 1 is not a finite "
                        + "non-negative number");
        assertThatThrownBy(() -> DunbarLayers.of(new double[] {Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void shuffle(double[] values, int[] labels, Well19937c rng) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            double v = values[i];
            values[i] = values[j];
            values[j] = v;
            int l = labels[i];
            labels[i] = labels[j];
            labels[j] = l;
        }
    }
}
