package io.tiedepth.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class IntervalJitterTestTest {

    /** 200 owners over 36 months; Poisson counts with mean rising from 0.5 to 3 (a trend), plus an optional spike. */
    private static List<PermutationTest.OwnerMonths> owners(boolean spike, long seed) {
        Well19937c rng = new Well19937c(seed);
        List<PermutationTest.OwnerMonths> out = new ArrayList<>();
        for (int o = 0; o < 200; o++) {
            long[] c = new long[36];
            for (int m = 0; m < c.length; m++) {
                double mean = 0.5 + 2.5 * m / 35.0;
                c[m] = new PoissonDistribution(rng, mean, 1e-12, 10_000).sample();
                if (spike && m == 20 && rng.nextDouble() < 0.3) {
                    c[m] += 3;
                }
            }
            out.add(new PermutationTest.OwnerMonths(24_000, c));
        }
        return out;
    }

    private static final IntervalJitterTest.Statistic LOCAL = IntervalJitterTest.Statistic.LOCAL_PEAK;

    @Test
    void aSmoothTrendIsNotAPeakButTheUniformNullSaysItIs() {
        List<PermutationTest.OwnerMonths> trend = owners(false, 1);
        IntervalJitterTest.Result local = IntervalJitterTest.test(trend, LOCAL, 2, 499, 7);
        IntervalJitterTest.Result global = IntervalJitterTest.test(trend,
                IntervalJitterTest.Statistic.PEAK_TO_MEDIAN, 2, 499, 7);
        PermutationTest.Result uniform = PermutationTest.peakToMedian(trend, PermutationTest.Null.EVENTS_WITHIN_OWNER,
                499, 7);
        assertThat(uniform.pValue()).isLessThan(0.01);
        assertThat(local.pValue()).isGreaterThan(0.05);
        assertThat(global.pValue()).isGreaterThan(0.05);
        assertThat(global.statistic()).isEqualTo(uniform.statistic());
    }

    @Test
    void aMonthWhenManyWakeUpStandsOutEvenInsideATrend() {
        IntervalJitterTest.Result r = IntervalJitterTest.test(owners(true, 2), LOCAL, 2, 499, 7);
        assertThat(r.pValue()).isEqualTo(1.0 / 500);
        assertThat(r.peakMonth()).isEqualTo(24_020);
        // the global peak is the top of the trend, not the spike: DESIGN's ratio cannot see it
        IntervalJitterTest.Result global = IntervalJitterTest.test(owners(true, 2),
                IntervalJitterTest.Statistic.PEAK_TO_MEDIAN, 2, 499, 7);
        assertThat(global.peakMonth()).isNotEqualTo(24_020);
    }

    @Test
    void localRatioByHand() {
        // counts 10, 10, 40, 10, 10 in 5 covered months: month 2's neighbours' median 10 -> (40 + 1)/(10 + 1)
        double[] r = IntervalJitterTest.evaluate(LOCAL, new long[] {10, 10, 40, 10, 10},
                new boolean[] {true, true, true, true, true});
        assertThat(r[0]).isEqualTo(41.0 / 11.0);
        assertThat(r[1]).isEqualTo(2.0);
        assertThat(r[3]).isEqualTo(10.0);
    }

    @Test
    void oneMonthBlocksLeaveNothingToShuffle() {
        IntervalJitterTest.Result r = IntervalJitterTest.test(owners(true, 3), LOCAL, 1, 99, 7);
        assertThat(r.nullAtLeastObserved()).isEqualTo(99);
        assertThat(r.pValue()).isEqualTo(1.0);
    }

    @Test
    void eventsStayInTheirBlockAndTheOwnersMonths() {
        // one owner eligible in months 5..6 only, all events in month 5; blocks of 4 (4..7): the null can only use 5, 6
        List<PermutationTest.OwnerMonths> one = List.of(new PermutationTest.OwnerMonths(5, new long[] {10, 0}),
                new PermutationTest.OwnerMonths(0, new long[] {1, 1, 1, 1}));
        IntervalJitterTest.Result r = IntervalJitterTest.test(one, LOCAL, 4, 200, 3);
        assertThat(r.events()).isEqualTo(14);
        assertThat(r.months()).isEqualTo(6);
        assertThat(r.pValue()).isBetween(0.0, 1.0);
    }

    @Test
    void sameSeedSameResult() {
        List<PermutationTest.OwnerMonths> o = owners(true, 4);
        assertThat(IntervalJitterTest.test(o, LOCAL, 2, 99, 5)).isEqualTo(IntervalJitterTest.test(o, LOCAL, 2, 99, 5));
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> IntervalJitterTest.test(List.of(), LOCAL, 0, 10, 1))
                .hasMessage("Cannot run jitter test: draws and blockMonths must be at least 1, got 10 and 0");
    }
}
