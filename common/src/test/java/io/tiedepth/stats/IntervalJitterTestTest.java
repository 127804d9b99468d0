package io.tiedepth.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private static final IntervalJitterTest.Null UNIFORM = IntervalJitterTest.Null.UNIFORM;
    private static final IntervalJitterTest.Null MONTH_OF_YEAR = IntervalJitterTest.Null.MONTH_OF_YEAR;
    private static final int[] WAVES = {24_030, 24_047, 24_064};

    /**
     * Ten reactivations in each month from January 2000 to February 2001 (owners eligible for that month only, so they
     * never move), plus owner A with 2 in January 2000 and 0 in February, owner B with 0 in January 2001 and 2 in
     * February: T = (12 + 1)/(10 + 1), attained in January 2000.
     */
    private static List<PermutationTest.OwnerMonths> twoJanuaryBlocks() {
        List<PermutationTest.OwnerMonths> owners = new ArrayList<>();
        for (int m = 24_000; m <= 24_013; m++) {
            owners.add(new PermutationTest.OwnerMonths(m, new long[] {10}));
        }
        owners.add(new PermutationTest.OwnerMonths(24_000, new long[] {2, 0}));
        owners.add(new PermutationTest.OwnerMonths(24_012, new long[] {0, 2}));
        return owners;
    }

    /** Null draws with p &lt; 0.05 over {@code seeds} populations of a world. */
    private static int rejections(ReactivationWorlds world, IntervalJitterTest.Null model, int seeds) {
        int rejected = 0;
        for (long seed = 1; seed <= seeds; seed++) {
            rejected += IntervalJitterTest.test(world.draw(seed), LOCAL, model, 2, 99, seed).pValue() < 0.05 ? 1 : 0;
        }
        return rejected;
    }

    @Test
    void effectRatioByHandUnderTheMonthOfYearNull() {
        // the four January-February positions {0, 0, 1, 1} dealt two to 2000 and two to 2001: both in one month of
        // 2000 (probability 2/6) leaves a 12 somewhere, T* = 13/11; one each (4/6) gives 11s, T* = 12/11 (Jan 2000's
        // neighbours: 11, 10, 10, 10, 10, 10). E0[T*] = (2·13 + 4·12)/(6·11) = 37/33; T / E0[T*] = 39/37; p = 1/3.
        IntervalJitterTest.Result r = IntervalJitterTest.test(twoJanuaryBlocks(), LOCAL, MONTH_OF_YEAR, 2, 20_000, 5);
        assertThat(r.statistic()).isEqualTo(13.0 / 11);
        assertThat(r.peakMonth()).isEqualTo(24_000);
        assertThat(r.movable()).isEqualTo(4);
        assertThat(r.nullMean()).isCloseTo(37.0 / 33, within(0.002));
        assertThat(r.effectRatio()).isCloseTo(39.0 / 37, within(0.002));
        assertThat(r.pValue()).isCloseTo(1.0 / 3, within(0.01));
        assertThat(r.nullLow()).isCloseTo(36.0 / 37, within(0.002));
        assertThat(r.nullHigh()).isCloseTo(39.0 / 37, within(0.002));
    }

    @Test
    void effectRatioByHandUnderTheUniformNull() {
        // each block splits 2-0 or 0-2 with probability 1/2, independently: P(T* = 13/11) = 3/4,
        // E0[T*] = (3·13 + 12)/(4·11) = 51/44; T / E0[T*] = 52/51
        IntervalJitterTest.Result r = IntervalJitterTest.test(twoJanuaryBlocks(), LOCAL, UNIFORM, 2, 20_000, 5);
        assertThat(r.effectRatio()).isCloseTo(52.0 / 51, within(0.002));
        assertThat(r.pValue()).isCloseTo(0.75, within(0.01));
    }

    /**
     * The month-of-year null draws the pooled counts directly; their law must be that of shuffling each stratum's
     * positions and dealing them to its blocks. Owners from January 2000 (2-month blocks): A eligible January–April
     * 2000 with {2, 0, 1, 1}, B January–February 2001 with {0, 3}, C January–February 2002 with {1, 1}, D
     * March–April 2001 with {2, 0}, E eligible in May 2000 only with 4 (never moves). Strata: January–February,
     * positions {0, 0, 0, 1, 1, 1, 1} dealt 2 / 3 / 2 to 2000 / 2001 / 2002; March–April, {0, 0, 0, 1} dealt 2 / 2 to
     * 2000 / 2001. Exact law: every distinct order of each stratum's positions (35 and 4) equally likely.
     */
    @Test
    void monthOfYearDrawsHaveTheLawOfShufflingEachStratum() {
        List<PermutationTest.OwnerMonths> owners = List.of(
                new PermutationTest.OwnerMonths(24_000, new long[] {2, 0, 1, 1}),
                new PermutationTest.OwnerMonths(24_012, new long[] {0, 3}),
                new PermutationTest.OwnerMonths(24_024, new long[] {1, 1}),
                new PermutationTest.OwnerMonths(24_014, new long[] {2, 0}),
                new PermutationTest.OwnerMonths(24_004, new long[] {4}));
        int span = 26;
        Map<String, Double> exact = new HashMap<>();
        List<int[]> januaries = MultisetOrders.of(new int[] {0, 0, 0, 1, 1, 1, 1});
        List<int[]> marches = MultisetOrders.of(new int[] {0, 0, 0, 1});
        for (int[] jf : januaries) {
            for (int[] ma : marches) {
                long[] pooled = new long[span];
                pooled[4] = 4;
                deal(pooled, jf, new int[] {0, 12, 24}, new int[] {2, 3, 2});
                deal(pooled, ma, new int[] {2, 14}, new int[] {2, 2});
                exact.merge(Arrays.toString(pooled), 1.0 / (januaries.size() * marches.size()), Double::sum);
            }
        }
        IntervalJitterTest.MonthOfYearPermutation model = new IntervalJitterTest.MonthOfYearPermutation(owners,
                24_000, span, 2);
        assertThat(model.movable()).isEqualTo(11);
        Well19937c rng = new Well19937c(17);
        Map<String, Long> seen = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            long[] pooled = model.fixed().clone();
            model.draw(pooled, rng);
            seen.merge(Arrays.toString(pooled), 1L, Long::sum);
        }
        ExactLaw.assertFits(exact, seen);
    }

    /** Adds positions dealt in order to blocks starting at {@code starts} with {@code sizes} events. */
    private static void deal(long[] pooled, int[] positions, int[] starts, int[] sizes) {
        int k = 0;
        for (int b = 0; b < starts.length; b++) {
            for (int e = 0; e < sizes[b]; e++) {
                pooled[starts[b] + positions[k++]]++;
            }
        }
    }

    @Test
    void aMonthOfYearSeenInOneYearOnlyCannotMove() {
        List<PermutationTest.OwnerMonths> oneYear = List.of(new PermutationTest.OwnerMonths(24_000,
                new long[] {40, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10}));
        IntervalJitterTest.Result r = IntervalJitterTest.test(oneYear, LOCAL, MONTH_OF_YEAR, 2, 99, 1);
        assertThat(r.movable()).isZero();
        assertThat(r.pValue()).isEqualTo(1.0);
        assertThat(r.effectRatio()).isEqualTo(1.0);
        assertThat(IntervalJitterTest.test(oneYear, LOCAL, UNIFORM, 2, 99, 1).movable()).isEqualTo(150);
    }

    @Test
    void aJanuaryBumpEveryYearIsInTheMonthOfYearNullButNotInTheUniformOne() {
        ReactivationWorlds january = ReactivationWorlds.noWaves(150).withJanuary(2);
        assertThat(rejections(january, MONTH_OF_YEAR, 40)).as("false positives in 40").isLessThanOrEqualTo(2);
        assertThat(rejections(january, UNIFORM, 40)).as("uniform jitter rejections in 40").isGreaterThanOrEqualTo(30);
    }

    @Test
    void noWavesAndSlowTrendsGiveAtMostFivePercentFalsePositives() {
        assertThat(rejections(ReactivationWorlds.noWaves(150), MONTH_OF_YEAR, 40)).isLessThanOrEqualTo(2);
        assertThat(rejections(ReactivationWorlds.noWaves(150).withTrend(4), MONTH_OF_YEAR, 40))
                .isLessThanOrEqualTo(2);
    }

    @Test
    void plantedWavesAreDetected() {
        assertThat(rejections(ReactivationWorlds.noWaves(150).withWaves(0.7, WAVES), MONTH_OF_YEAR, 40))
                .isGreaterThanOrEqualTo(36);
    }

    @Test
    void theEffectRatioIsNearOneWithoutWavesAndAboveItsNullRangeWithWaves() {
        double[] none = new double[10];
        for (int seed = 0; seed < none.length; seed++) {
            none[seed] = IntervalJitterTest.test(ReactivationWorlds.noWaves(150).draw(seed), LOCAL, MONTH_OF_YEAR, 2,
                    199, seed).effectRatio();
        }
        assertThat(java.util.Arrays.stream(none).average().orElseThrow()).isCloseTo(1.0, within(0.05));
        IntervalJitterTest.Result waves = IntervalJitterTest.test(ReactivationWorlds.noWaves(600).withWaves(0.5, WAVES)
                .draw(3), LOCAL, MONTH_OF_YEAR, 2, 199, 3);
        assertThat(waves.effectRatio()).isGreaterThan(waves.nullHigh());
        assertThat(waves.nullLow()).isLessThan(1.0);
        assertThat(waves.nullHigh()).isGreaterThan(1.0);
    }

    @Test
    void aSmoothTrendIsNotAPeakButTheUniformNullSaysItIs() {
        List<PermutationTest.OwnerMonths> trend = owners(false, 1);
        IntervalJitterTest.Result local = IntervalJitterTest.test(trend, LOCAL, UNIFORM, 2, 499, 7);
        IntervalJitterTest.Result global = IntervalJitterTest.test(trend,
                IntervalJitterTest.Statistic.PEAK_TO_MEDIAN, UNIFORM, 2, 499, 7);
        PermutationTest.Result uniform = PermutationTest.peakToMedian(trend, PermutationTest.Null.EVENTS_WITHIN_OWNER,
                499, 7);
        assertThat(uniform.pValue()).isLessThan(0.01);
        assertThat(local.pValue()).isGreaterThan(0.05);
        assertThat(global.pValue()).isGreaterThan(0.05);
        assertThat(global.statistic()).isEqualTo(uniform.statistic());
    }

    @Test
    void aMonthWhenManyWakeUpStandsOutEvenInsideATrend() {
        IntervalJitterTest.Result r = IntervalJitterTest.test(owners(true, 2), LOCAL, UNIFORM, 2, 499, 7);
        assertThat(r.pValue()).isEqualTo(1.0 / 500);
        assertThat(r.peakMonth()).isEqualTo(24_020);
        // the global peak is the top of the trend, not the spike: DESIGN's ratio cannot see it
        IntervalJitterTest.Result global = IntervalJitterTest.test(owners(true, 2),
                IntervalJitterTest.Statistic.PEAK_TO_MEDIAN, UNIFORM, 2, 499, 7);
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
        IntervalJitterTest.Result r = IntervalJitterTest.test(owners(true, 3), LOCAL, UNIFORM, 1, 99, 7);
        assertThat(r.nullAtLeastObserved()).isEqualTo(99);
        assertThat(r.pValue()).isEqualTo(1.0);
    }

    @Test
    void eventsStayInTheirBlockAndTheOwnersMonths() {
        // owner A eligible in months 5..6 only, all 30 events in month 5; owner B in months 0..6; blocks of 4 (0..3,
        // 4..7). Uniform: every event can move within its owner's part of its block. Month of year: each stratum
        // (block's months of the year, owner's part of it) is seen in one calendar block only, so nothing moves.
        List<PermutationTest.OwnerMonths> two = List.of(new PermutationTest.OwnerMonths(5, new long[] {30, 0}),
                new PermutationTest.OwnerMonths(0, new long[] {10, 10, 10, 10, 10, 10, 10}));
        IntervalJitterTest.Result r = IntervalJitterTest.test(two, LOCAL, UNIFORM, 4, 200, 3);
        assertThat(r.events()).isEqualTo(100);
        assertThat(r.months()).isEqualTo(7);
        assertThat(r.movable()).isEqualTo(100);
        assertThat(r.pValue()).isBetween(0.0, 1.0);
        assertThat(IntervalJitterTest.test(two, LOCAL, MONTH_OF_YEAR, 4, 200, 3).movable()).isZero();
    }

    @Test
    void sameSeedSameResult() {
        List<PermutationTest.OwnerMonths> o = owners(true, 4);
        assertThat(IntervalJitterTest.test(o, LOCAL, UNIFORM, 2, 99, 5))
                .isEqualTo(IntervalJitterTest.test(o, LOCAL, UNIFORM, 2, 99, 5));
        assertThat(IntervalJitterTest.test(o, LOCAL, MONTH_OF_YEAR, 2, 99, 5))
                .isEqualTo(IntervalJitterTest.test(o, LOCAL, MONTH_OF_YEAR, 2, 99, 5));
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> IntervalJitterTest.test(List.of(), LOCAL, UNIFORM, 0, 10, 1))
                .hasMessage("Cannot run jitter test: draws and blockMonths must be at least 1, got 10 and 0");
    }
}
