package io.tiedepth.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MultiplicityTest {

    /**
     * Sorted: 0.005, 0.01, 0.03, 0.04 with m = 4 → 4·0.005 = 0.02, 3·0.01 = 0.03, 2·0.03 = 0.06, 1·0.04 = 0.04 raised
     * to 0.06 by monotonicity. R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") = 0.03 0.06 0.06 0.02.
     */
    @Test
    void adjustsTextbookVectorInInputOrder() {
        assertThat(Multiplicity.holm(new double[] {0.01, 0.04, 0.03, 0.005}))
                .containsExactly(new double[] {0.03, 0.06, 0.06, 0.02}, within(1e-15));
    }

    /** R: p.adjust(c(0.01, 0.02, 0.03, 0.04, 0.05), "holm") = 0.05 0.08 0.09 0.09 0.09. */
    @Test
    void enforcesMonotonicity() {
        assertThat(Multiplicity.holm(new double[] {0.01, 0.02, 0.03, 0.04, 0.05}))
                .containsExactly(new double[] {0.05, 0.08, 0.09, 0.09, 0.09}, within(1e-15));
    }

    @Test
    void capsAtOne() {
        assertThat(Multiplicity.holm(new double[] {0.5, 0.6, 0.001}))
                .containsExactly(new double[] {1.0, 1.0, 0.003}, within(1e-15));
    }

    @Test
    void leavesNaNUntestableAndDoesNotCountIt() {
        double[] adjusted = Multiplicity.holm(new double[] {0.01, Double.NaN, 0.04, 0.03, Double.NaN, 0.005});

        assertThat(adjusted[1]).isNaN();
        assertThat(adjusted[4]).isNaN();
        assertThat(new double[] {adjusted[0], adjusted[2], adjusted[3], adjusted[5]})
                .containsExactly(new double[] {0.03, 0.06, 0.06, 0.02}, within(1e-15));
    }

    @Test
    void handlesEmptyAndRejectsOutOfRange() {
        assertThat(Multiplicity.holm(new double[0])).isEmpty();
        assertThatThrownBy(() -> Multiplicity.holm(new double[] {0.2, 1.5}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot adjust p-values: p[1] = 1.5 is outside [0, 1]");
    }
}
