package io.tiedepth.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RiskRatioTest {

    /**
     * 20/100 vs 10/100: RR = 2; SE(ln RR) = √(1/20 − 1/100 + 1/10 − 1/100) = √0.13 = 0.3605551;
     * 95 % CI = exp(ln 2 ± 1.959964·0.3605551) = (0.9865632, 4.0544792); p = 2·Φ(−ln 2/0.3605551) = 0.0545499
     * (scipy.stats.norm).
     */
    @Test
    void computesKatzLogIntervalOnAWorkedExample() {
        RiskRatio rr = RiskRatio.of(20, 100, 10, 100);

        assertThat(rr.ratio()).isCloseTo(2.0, within(1e-15));
        assertThat(rr.logStdErr()).isCloseTo(Math.sqrt(0.13), within(1e-15));
        assertThat(rr.lower()).isCloseTo(0.9865632067317821, within(1e-9));
        assertThat(rr.upper()).isCloseTo(4.054479198804627, within(1e-9));
        assertThat(rr.pValue()).isCloseTo(0.05454986516960981, within(1e-9));
    }

    @Test
    void isSymmetricOnTheLogScale() {
        RiskRatio ab = RiskRatio.of(30, 200, 45, 150);
        RiskRatio ba = RiskRatio.of(45, 150, 30, 200);

        assertThat(ab.ratio()).isCloseTo(1 / ba.ratio(), within(1e-12));
        assertThat(ab.lower()).isCloseTo(1 / ba.upper(), within(1e-12));
        assertThat(ab.pValue()).isCloseTo(ba.pValue(), within(1e-12));
        assertThat(ab.upper()).isLessThan(1.0);
    }

    @Test
    void zeroEventsGiveAnUninformativeInterval() {
        RiskRatio rr = RiskRatio.of(0, 50, 5, 50);

        assertThat(rr.ratio()).isZero();
        assertThat(rr.lower()).isZero();
        assertThat(rr.upper()).isInfinite();
        assertThat(rr.pValue()).isNaN();
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThatThrownBy(() -> RiskRatio.of(11, 10, 1, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot compute risk ratio: need 0 ≤ events ≤ total, total ≥ 1 and 0 < level < 1, "
                        + "got 11/10 vs 1/10, level 0.95");
    }
}
