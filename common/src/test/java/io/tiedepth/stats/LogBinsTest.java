package io.tiedepth.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogBinsTest {

    @Test
    void assignsBase2BinsAtExactBoundaries() {
        for (int k = -10; k <= 40; k++) {
            double edge = Math.pow(2, k);
            assertThat(LogBins.binIndex(edge, 2)).isEqualTo(k);
            assertThat(LogBins.binIndex(Math.nextDown(edge), 2)).isEqualTo(k - 1);
        }
    }

    @Test
    void assignsBase10BinsAtExactBoundariesDespiteLogRounding() {
        assertThat(Math.floor(Math.log(1000) / Math.log(10))).as("the naive formula is wrong here").isEqualTo(2.0);
        for (int k = 0; k <= 15; k++) {
            double edge = Math.pow(10, k);
            assertThat(LogBins.binIndex(edge, 10)).isEqualTo(k);
            assertThat(LogBins.binIndex(Math.nextDown(edge), 10)).isEqualTo(k - 1);
        }
        assertThat(LogBins.binIndex(0.1, 10)).isEqualTo(-1);
    }

    /**
     * Base 2: 0.5 → bin −1; 1, 1.5 → bin 0; 2, 3, 3.99 → bin 1; 4, 7 → bin 2; 8 → bin 3; 0, −1 and NaN excluded.
     * Bin 1 y = {10, 20, 60}: mean 30, median 20, type-7 quartiles 15 and 40, sd √700, se √(700/3).
     */
    @Test
    void summarisesTheMetricPerBin() {
        double[] x = {0.5, 1, 1.5, 2, 3, 3.99, 4, 7, 8, 0, -1, Double.NaN};
        double[] y = {1, 2, 4, 10, 20, 60, 5, 5, 9, 100, 100, 100};

        LogBins.Binning binning = LogBins.log2(x, y);
        List<LogBins.Bin> bins = binning.bins();

        assertThat(binning.excluded()).isEqualTo(3);
        assertThat(bins).extracting(LogBins.Bin::index).containsExactly(-1, 0, 1, 2, 3);
        assertThat(bins).extracting(LogBins.Bin::n).containsExactly(1, 2, 3, 2, 1);
        LogBins.Bin one = bins.get(2);
        assertThat(one.lower()).isEqualTo(2.0);
        assertThat(one.upper()).isEqualTo(4.0);
        assertThat(one.center()).isCloseTo(Math.sqrt(8), within(1e-15));
        assertThat(one.meanX()).isCloseTo(8.99 / 3, within(1e-12));
        assertThat(one.mean()).isCloseTo(30, within(1e-12));
        assertThat(one.median()).isCloseTo(20, within(1e-12));
        assertThat(one.q1()).isCloseTo(15, within(1e-12));
        assertThat(one.q3()).isCloseTo(40, within(1e-12));
        assertThat(one.sd()).isCloseTo(Math.sqrt(700), within(1e-12));
        assertThat(one.standardError()).isCloseTo(Math.sqrt(700.0 / 3), within(1e-12));
        assertThat(bins.get(4).sd()).isNaN();
    }

    @Test
    void base10BinsGroupDecades() {
        LogBins.Binning binning = LogBins.log10(new double[] {10, 99, 100, 999, 1000, 25000},
                new double[] {1, 3, 5, 7, 9, 11});

        assertThat(binning.bins()).extracting(LogBins.Bin::index).containsExactly(1, 2, 3, 4);
        assertThat(binning.bins()).extracting(LogBins.Bin::mean).containsExactly(2.0, 6.0, 9.0, 11.0);
    }

    @Test
    void rejectsBadBase() {
        assertThatThrownBy(() -> LogBins.of(new double[] {1}, new double[] {1}, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot bin: base must be a finite number above 1, got 1.0");
    }
}
