package io.tiedepth.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MeanShiftCountTest {

    /** Bandwidth by hand: 3rd nearest point (itself included) of 1..5 is 2, 1, 1, 1, 2 away; mean 1.4. */
    @Test
    void bandwidthIsTheMeanDistanceToTheThirdOfTenNearestPoints() {
        double[] x = {1, 2, 3, 4, 5, 101, 102, 103, 104, 105};

        assertThat(MeanShiftCount.bandwidth(x)).isCloseTo(1.4, within(1e-12));
    }

    /**
     * By hand, following scikit-learn's algorithm: bin seeds 1.4, 2.8, 4.2, 5.6 (and 100.8 … 105) converge to the
     * modes 1.5 (2 points), 3 (3), 4 (3), 4.5 (2) and 101.5, 102, 104, 104.5; kept in order of intensity, dropping
     * modes within 1.4 of a kept one: 104, 102, 4, 1.5. So two obvious groups give 4 clusters: the default
     * bandwidth (quantile 0.3) is small for groups of 5.
     */
    @Test
    void countsTheModesScikitLearnKeeps() {
        assertThat(MeanShiftCount.of(new double[] {1, 2, 3, 4, 5, 101, 102, 103, 104, 105})).isEqualTo(4);
    }

    @Test
    void oneDistinctValueIsOneCircle() {
        assertThat(MeanShiftCount.of(new double[] {3, 3, 3})).isEqualTo(1);
        assertThat(MeanShiftCount.of(new double[0])).isZero();
    }
}
