package io.tiedepth.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tiedepth.stats.Correlation;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/** The O(n) resample Spearman equals Spearman on the expanded resample, ties and repeats included. */
class ResampleRanksTest {

    @Test
    void equalsSpearmanOfTheExpandedResample() {
        Well19937c rng = new Well19937c(3);
        double[] x = new double[60];
        double[] y = new double[60];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextInt(12);
            y[i] = 0.3 * x[i] + rng.nextInt(5);
        }
        ResampleRanks ranks = new ResampleRanks(x, y);
        for (int rep = 0; rep < 50; rep++) {
            int[] rows = new int[x.length];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = rng.nextInt(x.length);
            }
            double expected = Correlation.spearman(ClaimInputs.pick(x, rows), ClaimInputs.pick(y, rows)).rho();
            assertThat(ranks.rho(rows)).isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void constantResampleIsUndefined() {
        ResampleRanks ranks = new ResampleRanks(new double[] {1, 2, 3}, new double[] {3, 1, 2});
        assertThat(ranks.rho(new int[] {1, 1, 1})).isNaN();
        assertThat(ranks.rho(new int[] {0, 1, 2})).isCloseTo(-0.5, within(1e-12));
    }
}
