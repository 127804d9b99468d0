package io.tiedepth.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntToDoubleFunction;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.HypergeometricDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountDrawsTest {
    private static final int DRAWS = 200_000;

    @ParameterizedTest
    @CsvSource({"1, 0.5", "10, 0.3", "7, 0.97", "1000, 0.5", "2000, 0.003", "500000, 0.5", "3000000, 0.0001"})
    void binomialCountsFollowTheBinomialLaw(int trials, double p) {
        BinomialDistribution law = new BinomialDistribution(null, trials, p);
        Well19937c rng = new Well19937c(trials);
        Map<Integer, Long> seen = new HashMap<>();
        for (int i = 0; i < DRAWS; i++) {
            seen.merge(CountDraws.binomial(rng, trials, p), 1L, Long::sum);
        }
        ExactLaw.assertFits(support(law.getNumericalMean(), law.getNumericalVariance(), law.getSupportLowerBound(),
                law.getSupportUpperBound(), law::probability), seen);
    }

    @ParameterizedTest
    @CsvSource({"20, 7, 9", "20, 7, 20", "10, 0, 4", "1000, 300, 450", "1000, 990, 30", "2000000, 900000, 50000",
        "5000000, 60, 4000000"})
    void hypergeometricCountsFollowTheHypergeometricLaw(int population, int successes, int sample) {
        HypergeometricDistribution law = new HypergeometricDistribution(null, population, successes, sample);
        Well19937c rng = new Well19937c(population + successes);
        Map<Integer, Long> seen = new HashMap<>();
        for (int i = 0; i < DRAWS; i++) {
            seen.merge(CountDraws.hypergeometric(rng, population, successes, sample), 1L, Long::sum);
        }
        Map<Integer, Double> exact = support(law.getNumericalMean(), law.getNumericalVariance(),
                law.getSupportLowerBound(), law.getSupportUpperBound(), law::probability);
        if (exact.size() == 1) {
            assertThat(seen).containsOnlyKeys(exact.keySet());
        } else {
            ExactLaw.assertFits(exact, seen);
        }
    }

    /**
     * Colours {3, 4, 2} dealt into hands of 2, 4 and 3: the law of the dealt counts is that of shuffling the nine items
     * and cutting the deck, each of the 9!/(3!·4!·2!) = 1,260 distinct orders equally likely (enumerated).
     */
    @Test
    void dealingHasTheLawOfShufflingTheUrnAndCuttingTheDeck() {
        int[] colours = {3, 4, 2};
        int[] hands = {2, 4, 3};
        Map<String, Double> exact = new TreeMap<>();
        List<int[]> orders = MultisetOrders.of(new int[] {0, 0, 0, 1, 1, 1, 1, 2, 2});
        assertThat(orders).hasSize(1260);
        for (int[] order : orders) {
            int[][] table = new int[hands.length][colours.length];
            int k = 0;
            for (int h = 0; h < hands.length; h++) {
                for (int i = 0; i < hands[h]; i++) {
                    table[h][order[k++]]++;
                }
            }
            exact.merge(Arrays.deepToString(table), 1.0 / orders.size(), Double::sum);
        }
        Well19937c rng = new Well19937c(11);
        Map<String, Long> seen = new HashMap<>();
        for (int i = 0; i < DRAWS; i++) {
            seen.merge(Arrays.deepToString(CountDraws.deal(rng, colours, hands)), 1L, Long::sum);
        }
        ExactLaw.assertFits(exact, seen);
    }

    @Test
    void sameGeneratorStateSameCounts() {
        Well19937c a = new Well19937c(5);
        Well19937c b = new Well19937c(5);
        for (int i = 0; i < 1000; i++) {
            assertThat(CountDraws.hypergeometric(a, 100_000, 40_000 + i, 20_000))
                    .isEqualTo(CountDraws.hypergeometric(b, 100_000, 40_000 + i, 20_000));
            assertThat(CountDraws.binomial(a, 1_000_000, 0.5)).isEqualTo(CountDraws.binomial(b, 1_000_000, 0.5));
        }
    }

    @Test
    void rejectsImpossibleUrns() {
        Well19937c rng = new Well19937c(1);
        assertThatThrownBy(() -> CountDraws.hypergeometric(rng, 10, 11, 2))
                .hasMessage("Cannot draw a hypergeometric count: need 0 ≤ successes ≤ population and 0 ≤ sample ≤ "
                        + "population, got 11, 2 and 10");
        assertThatThrownBy(() -> CountDraws.binomial(rng, 10, 1.5))
                .hasMessage("Cannot draw a binomial count: need trials ≥ 0 and 0 ≤ p ≤ 1, got 10 and 1.5");
        assertThatThrownBy(() -> CountDraws.deal(rng, new int[] {2, 3}, new int[] {4}))
                .hasMessage("Cannot deal an urn: the hands take 4 items, the urn holds 5");
    }

    /** The law's probabilities within 12 standard deviations of its mean (the rest weighs less than 1e-30). */
    private static Map<Integer, Double> support(double mean, double variance, int lo, int hi,
                                                IntToDoubleFunction pmf) {
        double reach = 12 * Math.sqrt(variance) + 1;
        Map<Integer, Double> out = new TreeMap<>();
        for (int k = (int) Math.max(lo, Math.floor(mean - reach)); k <= Math.min(hi, mean + reach); k++) {
            double p = pmf.applyAsDouble(k);
            if (p > 0) {
                out.put(k, p);
            }
        }
        return out;
    }
}
