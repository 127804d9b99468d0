package io.tiedepth.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.stat.inference.ChiSquareTest;

/**
 * Checks that draws follow an exact law: Pearson's chi-square goodness of fit of the observed counts against the
 * exact probabilities (outcomes with fewer than 5 expected draws pooled into one cell), which must not reject at
 * {@value #ALPHA}, and no outcome outside the law's support. With a fixed seed the check is deterministic; a sampler
 * whose law differs by a few percent on any outcome fails it at the sample sizes used (100,000 draws or more).
 */
final class ExactLaw {
    /** Level of the goodness-of-fit test. */
    static final double ALPHA = 0.001;

    private ExactLaw() {
    }

    /** Asserts that {@code observed} (outcome → draws) fits {@code exact} (outcome → probability). */
    static <K extends Comparable<K>> void assertFits(Map<K, Double> exact, Map<K, Long> observed) {
        long draws = observed.values().stream().mapToLong(Long::longValue).sum();
        assertThat(exact.keySet()).as("outcomes drawn outside the support").containsAll(observed.keySet());
        assertThat(exact.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0,
                org.assertj.core.api.Assertions.within(1e-9));
        List<Double> expected = new ArrayList<>();
        List<Long> seen = new ArrayList<>();
        double pooledExpected = 0;
        long pooledSeen = 0;
        for (Map.Entry<K, Double> e : new TreeMap<>(exact).entrySet()) {
            double x = e.getValue() * draws;
            long o = observed.getOrDefault(e.getKey(), 0L);
            if (x < 5) {
                pooledExpected += x;
                pooledSeen += o;
            } else {
                expected.add(x);
                seen.add(o);
            }
        }
        if (pooledExpected > 0) {
            expected.add(pooledExpected);
            seen.add(pooledSeen);
        }
        assertThat(expected.size()).as("cells of the test").isGreaterThan(1);
        double p = new ChiSquareTest().chiSquareTest(expected.stream().mapToDouble(Double::doubleValue).toArray(),
                seen.stream().mapToLong(Long::longValue).toArray());
        assertThat(p).as("chi-square p of the draws against the exact law").isGreaterThan(ALPHA);
    }
}
