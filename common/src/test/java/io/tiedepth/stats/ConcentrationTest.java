package io.tiedepth.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ConcentrationTest {

    @Test
    void giniOfEqualValuesIsZero() {
        assertThat(Concentration.gini(new double[] {7, 7, 7, 7, 7})).isCloseTo(0.0, within(1e-15));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 5, 10, 137})
    void giniWhenOneValueHoldsEverythingIsNMinusOneOverN(int n) {
        double[] x = new double[n];
        x[n / 2] = 3.0;

        assertThat(Concentration.gini(x)).isCloseTo((n - 1.0) / n, within(1e-15));
    }

    /** {1,2,3,4}: Σ(2i−n−1)x₍ᵢ₎ = −3 − 2 + 3 + 12 = 10, n·Σx = 40, G = 0.25 (= mean |xᵢ − xⱼ| 1.25 / (2·2.5)). */
    @Test
    void giniOfOneToFour() {
        assertThat(Concentration.gini(new double[] {4, 1, 3, 2})).isCloseTo(0.25, within(1e-15));
    }

    @Test
    void giniIsNaNForZeroSumOrNoValues() {
        assertThat(Concentration.gini(new double[] {0, 0, 0})).isNaN();
        assertThat(Concentration.gini(new double[0])).isNaN();
    }

    @Test
    void topShareTakesTheCeilingOfTheFraction() {
        double[] x = {1, 2, 3, 4, 10};

        assertThat(Concentration.topShare(x, 0.2)).isCloseTo(0.5, within(1e-15));
        assertThat(Concentration.topShare(x, 0.3)).isCloseTo(0.7, within(1e-15));
        assertThat(Concentration.topShare(x, 1.0)).isCloseTo(1.0, within(1e-15));
    }

    @Test
    void topShareToleratesFloatingPointNoiseInTheCount() {
        double[] ones = new double[30];
        Arrays.fill(ones, 1.0);

        assertThat(Concentration.topShare(ones, 0.1)).isCloseTo(0.1, within(1e-15));
    }

    @Test
    void rejectsNegativeValuesAndBadFractions() {
        assertThatThrownBy(() -> Concentration.gini(new double[] {1, -2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot compute Gini coefficient: value -2.0 at index 1 is not a finite "
                        + "non-negative number");
        assertThatThrownBy(() -> Concentration.topShare(new double[] {1}, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot compute top share: fraction must be in (0, 1], got 0.0");
    }
}
