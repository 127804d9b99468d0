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

    @Test
    void withDegreesOfFreedomTheCriticalValueAndPAreStudentsT() {
        // t(0.975; 5) = 2.570582 and t(0.975; 12) = 2.178813 (Student's table, e.g. Abramowitz & Stegun 26.10)
        NormalInterval five = new NormalInterval(0.5, 0.1, NormalInterval.Scale.IDENTITY, 5);
        assertThat(five.criticalValue(0.95)).isCloseTo(2.570582, within(1e-6));
        assertThat(five.upper(0.95)).isCloseTo(0.5 + 2.570582 * 0.1, within(1e-6));
        assertThat(new NormalInterval(0.5, 0.1, NormalInterval.Scale.IDENTITY, 12).criticalValue(0.95))
                .isCloseTo(2.178813, within(1e-6));
        // |t| = 2.570582 on 5 df is the two-sided 5 % point
        assertThat(five.pValue(0.5 - 0.2570582)).isCloseTo(0.05, within(1e-6));
        assertThat(new NormalInterval(0.5, 0.1, NormalInterval.Scale.IDENTITY).criticalValue(0.95))
                .isCloseTo(1.959963984540054, within(1e-12));
    }

    @Test
    void aTIntervalExcludesTheNullExactlyWhenPIsBelowOneMinusLevel() {
        NormalInterval n = new NormalInterval(2.0, 0.3, NormalInterval.Scale.LOG, 4.5);
        double p = n.pValue(1.0);
        assertThat(n.lower(1 - p)).isCloseTo(1.0, within(1e-9));
        for (double level : new double[] {0.9, 0.95, 0.99}) {
            assertThat(n.atLevel(level)[0] > 1.0).isEqualTo(p < 1 - level);
        }
    }

    @Test
    void effectiveDegreesOfFreedomCountGroupsThatCarryTheEstimate() {
        // 40 deviations of equal size: 3·(Σd²)²/Σd⁴ = 3·40 = 120, clamped to G − 1 = 39
        double[] alike = new double[40];
        for (int g = 0; g < alike.length; g++) {
            alike[g] = g % 2 == 0 ? 1.0 : -1.0;
        }
        assertThat(NormalInterval.effectiveDegreesOfFreedom(alike)).isEqualTo(39.0);
        // one group far from the others: d = (9.9, −0.1 × 99): Σd² = 98.01 + 0.99, Σd⁴ = 9605.96 + 0.0099
        double[] dominated = new double[100];
        dominated[0] = 10.0;
        double s2 = 9.9 * 9.9 + 99 * 0.01;
        double s4 = Math.pow(9.9, 4) + 99 * 1e-4;
        assertThat(NormalInterval.effectiveDegreesOfFreedom(dominated)).isCloseTo(3 * s2 * s2 / s4, within(1e-9));
        assertThat(NormalInterval.effectiveDegreesOfFreedom(dominated)).isLessThan(3.1);
        // no spread, too few or non-finite values: no evidence against the normal
        assertThat(NormalInterval.effectiveDegreesOfFreedom(new double[] {2, 2, 2, 2})).isInfinite();
        assertThat(NormalInterval.effectiveDegreesOfFreedom(new double[] {1, Double.NaN, 3})).isInfinite();
    }

    @Test
    void theJackknifeDegreesOfFreedomAreComputedOnTheIntervalsScale() {
        double[] replicates = {1.5, 2.0, 2.5, 3.0};
        double[] jackknife = {1.0, 2.0, 4.0, 2.0, 2.0};
        NormalInterval log = NormalInterval.of(2.0, replicates, jackknife, NormalInterval.Scale.LOG);
        double[] logs = {0, Math.log(2), Math.log(4), Math.log(2), Math.log(2)};
        assertThat(log.degreesOfFreedom()).isCloseTo(NormalInterval.effectiveDegreesOfFreedom(logs), within(1e-12));
        assertThat(log.standardError()).isCloseTo(NormalInterval.jackknifeStandardError(logs), within(1e-15));
    }

    @Test
    void theJackknifeStandardErrorIsTheGroupedFormulaComputedByHand() {
        // values 1, 2, 4, 2, 2 (one NaN dropped): mean 2.2, squared deviations 1.44 + 0.04 + 3.24 + 0.04 + 0.04 = 4.8
        double se = NormalInterval.jackknifeStandardError(new double[] {1, 2, Double.NaN, 4, 2, 2});
        assertThat(se).isCloseTo(Math.sqrt(4.0 / 5.0 * 4.8), within(1e-12));
        assertThat(NormalInterval.jackknifeStandardError(new double[] {3.0, Double.NaN})).isNaN();
    }

    @Test
    void theStandardErrorIsTheLargerOfTheBootstrapsAndTheJackknifes() {
        double[] replicates = {0.8, 0.9, 1.0, 1.1, 1.2}; // sd 0.1581
        double bootstrap = NormalInterval.of(1.0, replicates, NormalInterval.Scale.IDENTITY).standardError();
        // one group carries the estimate: the jackknife sees more spread than the resamples did
        double[] leveraged = {1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 2.0};
        NormalInterval wide = NormalInterval.of(1.0, replicates, leveraged, NormalInterval.Scale.IDENTITY);
        assertThat(NormalInterval.jackknifeStandardError(leveraged)).isGreaterThan(bootstrap);
        assertThat(wide.standardError()).isEqualTo(NormalInterval.jackknifeStandardError(leveraged));
        // groups alike and close: the bootstrap's se stands
        double[] alike = {0.99, 1.01, 0.99, 1.01, 0.99, 1.01, 0.99, 1.01, 0.99, 1.01};
        NormalInterval narrow = NormalInterval.of(1.0, replicates, alike, NormalInterval.Scale.IDENTITY);
        assertThat(NormalInterval.jackknifeStandardError(alike)).isLessThan(bootstrap);
        assertThat(narrow.standardError()).isEqualTo(bootstrap);
        // a statistic that is not smooth keeps the bootstrap's se, and the jackknife's degrees of freedom
        NormalInterval notSmooth = NormalInterval.of(1.0, replicates, leveraged, NormalInterval.Scale.IDENTITY, false);
        assertThat(notSmooth.standardError()).isEqualTo(bootstrap);
        assertThat(notSmooth.degreesOfFreedom()).isEqualTo(wide.degreesOfFreedom());
    }
}
