package io.tiedepth.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tiedepth.stats.PermutationTest.Null;
import io.tiedepth.stats.PermutationTest.OwnerMonths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PermutationTestTest {

    /** 40 owners over the same 36 months, 1 reactivation a month each, and 6 each in month 20. */
    private static List<OwnerMonths> synchronisedSpike() {
        List<OwnerMonths> owners = new ArrayList<>();
        for (int o = 0; o < 40; o++) {
            long[] counts = new long[36];
            Arrays.fill(counts, 1);
            counts[20] = 6;
            owners.add(new OwnerMonths(24240, counts));
        }
        return owners;
    }

    @ParameterizedTest
    @EnumSource(Null.class)
    void detectsAPlantedCalendarSpike(Null nullModel) {
        PermutationTest.Result r = PermutationTest.peakToMedian(synchronisedSpike(), nullModel, 199, 1L);

        assertThat(r.statistic()).isCloseTo(240.0 / 40.0, within(1e-12));
        assertThat(r.peak()).isEqualTo(240);
        assertThat(r.median()).isEqualTo(40.0);
        assertThat(r.months()).isEqualTo(36);
        assertThat(r.events()).isEqualTo(40 * 41);
        assertThat(r.nullAtLeastObserved()).isZero();
        assertThat(r.pValue()).isCloseTo(1.0 / 200, within(1e-15));
    }

    /**
     * The events null draws the pooled counts through dyadic ranges instead of placing each event; their law must be
     * that of placing every event uniformly in its owner's months. Owners over 5 months (a tree of 8 leaves): A months
     * 0–2 with 3 events, B months 1–4 with 2, C months 3–4 with 2, D months 0–4 with 1, E months 1–4 with 1 (merged
     * with B). Exact law: all 3³·4³·2²·5 = 34,560 placements equally likely (enumerated).
     */
    @Test
    void eventsNullDrawsHaveTheLawOfPlacingEachEvent() {
        List<OwnerMonths> owners = List.of(new OwnerMonths(100, new long[] {1, 0, 2}),
                new OwnerMonths(101, new long[] {0, 0, 2, 0}), new OwnerMonths(103, new long[] {1, 1}),
                new OwnerMonths(100, new long[] {0, 0, 0, 0, 1}), new OwnerMonths(101, new long[] {1, 0, 0, 0}));
        int[] digits = {3, 3, 3, 4, 4, 4, 2, 2, 5}; // each event's months: A's three, B's two and E's, C's two, D's
        int[] startOf = {0, 0, 0, 1, 1, 1, 3, 3, 0};
        Map<String, Double> exact = new HashMap<>();
        int total = 1;
        for (int d : digits) {
            total *= d;
        }
        assertThat(total).isEqualTo(34_560);
        for (int code = 0; code < total; code++) {
            long[] pooled = new long[5];
            int rest = code;
            for (int e = 0; e < digits.length; e++) {
                pooled[startOf[e] + rest % digits[e]]++;
                rest /= digits[e];
            }
            exact.merge(Arrays.toString(pooled), 1.0 / total, Double::sum);
        }
        PermutationTest.WindowPlacement model = new PermutationTest.WindowPlacement(owners, 100, 5);
        Well19937c rng = new Well19937c(23);
        Map<String, Long> seen = new HashMap<>();
        long[] pooled = new long[5];
        for (int i = 0; i < 300_000; i++) {
            model.draw(pooled, rng);
            seen.merge(Arrays.toString(pooled), 1L, Long::sum);
        }
        ExactLaw.assertFits(exact, seen);
    }

    @Test
    void uniformCountsGiveTheLargestPValue() {
        List<OwnerMonths> owners = new ArrayList<>();
        for (int o = 0; o < 30; o++) {
            long[] counts = new long[24];
            Arrays.fill(counts, 2);
            owners.add(new OwnerMonths(0, counts));
        }

        PermutationTest.Result r = PermutationTest.peakToMedian(owners, 199, 2L);

        assertThat(r.statistic()).isEqualTo(1.0);
        assertThat(r.pValue()).isEqualTo(1.0);
    }

    /**
     * Owners observed over different, overlapping windows with events at a constant rate inside each window: the
     * pooled series has a hump where many windows overlap, which the within-owner null reproduces, so no false alarm.
     */
    @Test
    void unevenObservationWindowsAloneDoNotLookLikeASpike() {
        Well19937c rng = new Well19937c(77);
        List<OwnerMonths> owners = new ArrayList<>();
        for (int o = 0; o < 60; o++) {
            int start = rng.nextInt(48);
            long[] counts = new long[6 + rng.nextInt(30)];
            for (int e = 0; e < 3 * counts.length; e++) {
                counts[rng.nextInt(counts.length)]++;
            }
            owners.add(new OwnerMonths(start, counts));
        }

        PermutationTest.Result r = PermutationTest.peakToMedian(owners, 199, 3L);

        assertThat(r.months()).isGreaterThan(48);
        assertThat(r.pValue()).isGreaterThan(0.1);
    }

    /**
     * Each owner has a 10-event burst, each in a different calendar month: the pooled series is flat, so neither null
     * flags it. The pooled statistic measures calendar synchrony across owners, not bursts within an owner.
     */
    @ParameterizedTest
    @EnumSource(Null.class)
    void burstsThatAreNotSynchronisedLeaveThePooledSeriesFlat(Null nullModel) {
        List<OwnerMonths> owners = new ArrayList<>();
        for (int o = 0; o < 12; o++) {
            long[] counts = new long[12];
            counts[o] = 10;
            owners.add(new OwnerMonths(0, counts));
        }

        PermutationTest.Result r = PermutationTest.peakToMedian(owners, nullModel, 199, 4L);

        assertThat(r.statistic()).isEqualTo(1.0);
        assertThat(r.pValue()).isEqualTo(1.0);
    }

    @Test
    void singleSeriesWithOneSpike() {
        long[] counts = {5, 5, 5, 50, 5, 5, 5, 5, 5, 5, 5, 5};

        PermutationTest.Result r = PermutationTest.peakToMedian(counts, 999, 5L);

        assertThat(r.statistic()).isEqualTo(10.0);
        assertThat(r.pValue()).isCloseTo(0.001, within(1e-15));
    }

    @Test
    void flagsAZeroMedianAsUninformative() {
        long[] counts = new long[12];
        counts[4] = 1;

        PermutationTest.Result r = PermutationTest.peakToMedian(counts, 99, 6L);

        assertThat(r.zeroMedian()).isTrue();
        assertThat(r.statistic()).isInfinite();
        assertThat(r.pValue()).isEqualTo(1.0);
    }

    @Test
    void noEventsGiveNaN() {
        PermutationTest.Result r = PermutationTest.peakToMedian(new long[6], 99, 6L);

        assertThat(r.statistic()).isNaN();
        assertThat(r.pValue()).isNaN();
    }

    @Test
    void isDeterministicForASeed() {
        Well19937c rng = new Well19937c(8);
        long[] counts = new long[36];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = 3 + rng.nextInt(5);
        }

        PermutationTest.Result a = PermutationTest.peakToMedian(counts, 499, 9L);
        PermutationTest.Result b = PermutationTest.peakToMedian(counts, 499, 9L);

        assertThat(b).isEqualTo(a);
        assertThat(a.pValue()).isBetween(0.0, 1.0);
    }

    @Test
    void rejectsNegativeCountsAndNoPermutations() {
        assertThatThrownBy(() -> new OwnerMonths(10, new long[] {1, -1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot use owner months: count -1 at month 11 is negative");
        assertThatThrownBy(() -> PermutationTest.peakToMedian(new long[] {1}, 0, 1L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot run permutation test: permutations must be at least 1, got 0");
    }
}
