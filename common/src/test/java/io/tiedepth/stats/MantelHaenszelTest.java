package io.tiedepth.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The Mantel–Haenszel risk ratio and its Greenland–Robins variance against hand computations. */
class MantelHaenszelTest {
    private static final int[] ALL = {0, 1};

    /**
     * Two strata. Stratum 1: 4 of 10 exposed, 2 of 10 unexposed (N = 20); stratum 2: 3 of 5 exposed, 6 of 15
     * unexposed (N = 20). Σ a·m/N = 4·10/20 + 3·15/20 = 2 + 2.25 = 4.25; Σ b·n/N = 2·10/20 + 6·5/20 = 1 + 1.5 = 2.5;
     * RR = 1.7. Greenland–Robins numerator: (10·10·6/400 − 4·2/20) + (5·15·9/400 − 3·6/20) = (1.5 − 0.4) +
     * (1.6875 − 0.9) = 1.8875; variance = 1.8875 / (4.25·2.5) = 0.177647...
     */
    @Test
    void twoStrataByHand() {
        MantelHaenszel mh = MantelHaenszel.of(new long[] {4, 3}, new long[] {10, 5}, new long[] {2, 6},
                new long[] {10, 15}, ALL);
        assertThat(mh.ratio()).isCloseTo(1.7, within(1e-12));
        assertThat(mh.logVariance()).isCloseTo(1.8875 / (4.25 * 2.5), within(1e-12));
        assertThat(mh.strata()).isEqualTo(2);
    }

    @Test
    void oneStratumIsTheCrudeRiskRatio() {
        MantelHaenszel mh = MantelHaenszel.of(new long[] {3}, new long[] {12}, new long[] {6}, new long[] {8},
                new int[] {0});
        assertThat(mh.ratio()).isCloseTo((3 / 12.0) / (6 / 8.0), within(1e-12));
        // one stratum: the Greenland–Robins variance equals the usual 1/a − 1/n + 1/b − 1/m
        assertThat(mh.logVariance()).isCloseTo(1 / 3.0 - 1 / 12.0 + 1 / 6.0 - 1 / 8.0, within(1e-12));
    }

    @Test
    void strataWithOneGroupContributeNothingAndRepeatsCount() {
        long[] a = {4, 3, 7};
        long[] n = {10, 5, 9};
        long[] b = {2, 6, 0};
        long[] m = {10, 15, 0};
        assertThat(MantelHaenszel.of(a, n, b, m, new int[] {0, 1, 2}).ratio()).isCloseTo(1.7, within(1e-12));
        // stratum 0 twice: (2·2 + 2.25) / (2·1 + 1.5)
        assertThat(MantelHaenszel.of(a, n, b, m, new int[] {0, 0, 1}).ratio()).isCloseTo(6.25 / 3.5, within(1e-12));
        assertThat(MantelHaenszel.of(a, n, b, m, new int[] {2}).ratio()).isNaN();
    }
}
