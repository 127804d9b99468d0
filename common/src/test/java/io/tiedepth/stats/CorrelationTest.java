package io.tiedepth.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CorrelationTest {

    /*
     * Hand computation, x = (10, 20, 20, 30, 40), y = (1, 3, 2, 2, 5):
     *   ranks(x) = (1, 2.5, 2.5, 4, 5)          the two 20s share ranks 2 and 3
     *   ranks(y) = (1, 4, 2.5, 2.5, 5)          the two 2s share ranks 2 and 3
     *   both rank vectors have mean 3; deviations
     *   dx = (-2, -0.5, -0.5, 1, 2), dy = (-2, 1, -0.5, -0.5, 2)
     *   Σ dx·dy = 4 - 0.5 + 0.25 - 0.5 + 4 = 7.25
     *   Σ dx² = 4 + 0.25 + 0.25 + 1 + 4 = 9.5, Σ dy² = 9.5
     *   ρ = 7.25 / 9.5 = 0.763157894736842...
     * The no-ties shortcut 1 - 6Σd²/(n(n²-1)) would give 1 - 6·4.5/120 = 0.775, so this test separates the two.
     * t approximation: t = ρ·√(3/(1-ρ²)), two-sided p on 3 df = 0.133339 (scipy.stats.spearmanr agrees).
     */
    @Test
    void averagesTiedRanks() {
        Correlation.Spearman s = Correlation.spearman(new double[] {10, 20, 20, 30, 40}, new double[] {1, 3, 2, 2, 5});

        assertThat(s.rho()).isCloseTo(7.25 / 9.5, within(1e-12));
        assertThat(s.n()).isEqualTo(5);
        assertThat(s.dropped()).isZero();
        assertThat(s.pValue()).isCloseTo(0.13333911953180624, within(1e-9));
    }

    @Test
    void perfectMonotoneIsOneAndReversedIsMinusOne() {
        double[] x = {1, 2, 3, 4, 5, 6};
        double[] increasing = {1, 8, 27, 64, 125, 216};
        double[] decreasing = {9, 7, 5, 3, 1, -100};

        assertThat(Correlation.spearman(x, increasing).rho()).isCloseTo(1.0, within(1e-15));
        assertThat(Correlation.spearman(x, decreasing).rho()).isCloseTo(-1.0, within(1e-15));
        assertThat(Correlation.spearman(x, increasing).pValue()).isZero();
    }

    @Test
    void dropsPairsWithNaNAndCountsThem() {
        double[] x = {10, Double.NaN, 20, 20, 30, 40, 7};
        double[] y = {1, 99, 3, 2, 2, 5, Double.NaN};

        Correlation.Spearman s = Correlation.spearman(x, y);

        assertThat(s.rho()).isCloseTo(7.25 / 9.5, within(1e-12));
        assertThat(s.n()).isEqualTo(5);
        assertThat(s.dropped()).isEqualTo(2);
    }

    @Test
    void isNaNForConstantVariableOrTooFewPairs() {
        assertThat(Correlation.spearman(new double[] {1, 2, 3}, new double[] {4, 4, 4}).rho()).isNaN();
        assertThat(Correlation.spearman(new double[] {1}, new double[] {4}).rho()).isNaN();
        assertThat(Correlation.spearman(new double[0], new double[0]).n()).isZero();
    }

    @Test
    void rejectsArraysOfDifferentLength() {
        assertThatThrownBy(() -> Correlation.spearman(new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot compute Spearman correlation: x has 2 values but y has 1");
    }
}
