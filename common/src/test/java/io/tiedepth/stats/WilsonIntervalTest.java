package io.tiedepth.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** {@link WilsonInterval} against values worked out by hand (z = 1.959964). */
class WilsonIntervalTest {

    @Test
    void matchesTheScoreIntervalWorkedOutByHand() {
        WilsonInterval eight = WilsonInterval.of(8, 10, 0.95);
        assertThat(eight.low()).isCloseTo(0.4902, within(1e-4));
        assertThat(eight.high()).isCloseTo(0.9433, within(1e-4));
    }

    @Test
    void isNotEmptyAtZeroOrAllAndIsUndefinedWithoutTrials() {
        WilsonInterval none = WilsonInterval.of(0, 10, 0.95);
        assertThat(none.low()).isZero();
        assertThat(none.high()).isCloseTo(3.8415 / 13.8415, within(1e-4));
        WilsonInterval all = WilsonInterval.of(20, 20, 0.95);
        assertThat(all.low()).isCloseTo(0.8389, within(1e-4));
        assertThat(all.high()).isEqualTo(1.0);
        assertThat(WilsonInterval.of(0, 0, 0.95).low()).isNaN();
    }
}
