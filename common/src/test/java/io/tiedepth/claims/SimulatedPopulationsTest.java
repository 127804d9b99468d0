package io.tiedepth.claims;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.claims.SimulatedPopulations.Population;
import io.tiedepth.generate.GeneratorParams;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link SimulatedPopulations}: a population is its generator seed's first owners evaluated as the claims stage
 * evaluates them, and the results do not depend on how populations are batched over the cores.
 */
class SimulatedPopulationsTest {
    private static final ClaimParams CLAIMS = GeneratedOwners.claimParams(GeneratorParams.DEFAULTS).withResamples(30);
    private static final List<Population> POPULATIONS = List.of(new Population(5, 40, 1), new Population(5, 70, 2),
            new Population(6, 40, 3));

    private static List<String> summary(List<List<ClaimResult>> results) {
        List<String> out = new ArrayList<>();
        for (List<ClaimResult> population : results) {
            for (ClaimResult r : population) {
                out.add(r.claimId() + " " + r.verdict() + " " + r.estimate() + " " + r.ciLow() + " " + r.ciHigh()
                        + " " + r.pHolm());
            }
        }
        return out;
    }

    @Test
    void aPopulationIsItsSeedsFirstOwnersEvaluatedAsTheClaimsStageDoes() {
        List<List<ClaimResult>> results = SimulatedPopulations.evaluate(GeneratorParams.DEFAULTS,
                List.of("linkedin"), CLAIMS, POPULATIONS, 3, done -> { });
        List<ClaimResult> direct = Claims.evaluate(ClaimInputs.of(GeneratedOwners.rows(GeneratorParams.DEFAULTS, 5,
                40)), CLAIMS.withSeed(1));
        assertThat(summary(List.of(results.get(0)))).isEqualTo(summary(List.of(direct)));
        assertThat(results.get(1).get(0).nOwners()).isEqualTo(70);
    }

    @Test
    void theResultsDoNotDependOnTheBatches() {
        List<Integer> done = new ArrayList<>();
        List<List<ClaimResult>> oneByOne = SimulatedPopulations.evaluate(GeneratorParams.DEFAULTS,
                List.of("linkedin"), CLAIMS, POPULATIONS, 1, done::add);
        List<List<ClaimResult>> together = SimulatedPopulations.evaluate(GeneratorParams.DEFAULTS,
                List.of("linkedin"), CLAIMS, POPULATIONS, 3, d -> { });
        assertThat(summary(oneByOne)).isEqualTo(summary(together)).hasSize(3 * Claims.ALL.size());
        assertThat(done).containsExactly(1, 2, 3);
    }
}
