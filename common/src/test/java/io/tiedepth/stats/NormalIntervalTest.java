package io.tiedepth.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NormalIntervalTest {

    @Test
    void identityScaleIsEstimatePlusMinusZTimesTheReplicatesSd() {
        double[] replicates = {0.4, 0.5, 0.6};
        NormalInterval n = NormalInterval.of(0.5, replicates, NormalInterval.Scale.IDENTITY);
        assertThat(n.standardError()).isCloseTo(0.1, within(1e-12));
        assertThat(n.lower(0.95)).isCloseTo(0.5 - 1.959963984540054 * 0.1, within(1e-12));
        assertThat(n.upper(0.95)).isCloseTo(0.5 + 1.959963984540054 * 0.1, within(1e-12));
        // z = 1.5 → p = 2·Φ(−1.5) = 0.133614...
        assertThat(n.pValue(0.35)).isCloseTo(0.13361440253771617, within(1e-12));
    }

    @Test
    void theIntervalExcludesTheNullExactlyWhenPIsBelowOneMinusLevel() {
        NormalInterval n = new NormalInterval(2.0, 0.5, NormalInterval.Scale.LOG);
        for (double level : new double[] {0.9, 0.95, 0.99, 0.999}) {
            double p = n.pValue(1.0);
            double[] ci = n.atLevel(level);
            assertThat(ci[0] > 1.0).isEqualTo(p < 1 - level);
        }
        assertThat(n.lower(0.95)).isCloseTo(Math.exp(Math.log(2) - 1.959963984540054 * 0.5), within(1e-12));
    }

    @Test
    void atanhKeepsCorrelationIntervalsInsideMinusOneOne() {
        NormalInterval n = new NormalInterval(0.95, 0.5, NormalInterval.Scale.ATANH);
        assertThat(n.upper(0.99)).isLessThan(1.0);
        assertThat(n.lower(0.99)).isGreaterThan(-1.0);
    }

    @Test
    void aDegenerateBootstrapGivesAPointIntervalAndUndefinedEstimatesNoInterval() {
        NormalInterval zero = NormalInterval.of(0.0, new double[] {0, 0, 0}, NormalInterval.Scale.IDENTITY);
        assertThat(zero.atLevel(0.95)).containsExactly(0.0, 0.0);
        assertThat(zero.pValue(0.1)).isEqualTo(0.0);
        assertThat(NormalInterval.of(Double.NaN, new double[] {1, 2}, NormalInterval.Scale.IDENTITY).lower(0.95))
                .isNaN();
        assertThat(NormalInterval.of(0.0, new double[] {1, 2}, NormalInterval.Scale.LOG).pValue(1.0)).isNaN();
    }
}
