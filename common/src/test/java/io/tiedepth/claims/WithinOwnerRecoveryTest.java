package io.tiedepth.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tiedepth.generate.Generator;
import io.tiedepth.generate.GeneratorParams;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Recovery of the within-owner claims C11 and C12 on the generator's panels ({@link GeneratedOwners#rowsWithPanels}):
 * planted effects are found with intervals compatible with their estimands, switched to their null values they are
 * true nulls and not found, and in the default world (effects off, LinkedIn's recent invitations only) C12 is not
 * testable for the reason the data give.
 */
class WithinOwnerRecoveryTest {
    private static final ClaimParams P = ClaimParams.DEFAULTS.withResamples(200);
    private static final String PLANTED = "{\"effects\": {\"c11WithinOwnerReturns\": {\"enabled\": true, \"value\": "
            + "0.7}, \"c12AcceptingGrowth\": {\"enabled\": true, \"value\": 0.3}}}";
    private static final String NULLS = "{\"effects\": {\"c11WithinOwnerReturns\": {\"enabled\": true, \"value\": "
            + "1.0}, \"c12AcceptingGrowth\": {\"enabled\": true, \"value\": 0.0}}}";

    private static List<ClaimResult> evaluate(Generator g, int owners) {
        return Claims.evaluate(Claims.WITHIN_OWNER, ClaimInputs.of(GeneratedOwners.rowsWithPanels(g, 0, owners)),
                P.withSeed(g.seed()));
    }

    /** A world's estimands (1,000 owners) beside its first 300 owners' results. */
    private record World(Map<String, Double> estimands, List<ClaimResult> results) {
        static World of(String patch, long seed) {
            Generator g = new Generator(GeneratorParams.DEFAULTS.with(patch), seed, List.of("linkedin"));
            return new World(GeneratedOwners.withinOwnerEstimands(g, 1_000), evaluate(g, 300));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @CsvSource({"31", "32"})
    void plantedEffectsAreFoundAndTheIntervalsCoverTheEstimands(long seed) {
        World w = World.of(PLANTED, seed);
        Map<String, Double> estimands = w.estimands();

        assertThat(estimands.get("C11")).isCloseTo(0.7, within(0.05));
        assertThat(estimands.get("C12")).isCloseTo(0.3, within(0.06));
        for (ClaimResult c : w.results()) {
            assertThat(c.verdict()).as(c.claimId() + ": " + c.reason()).isEqualTo(Verdict.SUPPORTED);
            double[] wide = c.inference().atLevel(0.999);
            assertThat(estimands.get(c.claimId())).as(c.claimId() + " estimand in the 99.9% interval")
                    .isBetween(wide[0], wide[1]);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @CsvSource({"41", "42"})
    void atTheirNullValuesBothAreTrueNullsAndNotFound(long seed) {
        World w = World.of(NULLS, seed);

        assertThat(w.estimands().get("C11")).isCloseTo(1.0, within(0.03));
        assertThat(w.estimands().get("C12")).isCloseTo(0.0, within(0.06));
        for (ClaimResult c : w.results()) {
            assertThat(c.verdict()).as(c.claimId() + ": " + c.estimate() + " " + Fmt.interval(c.ciLow(), c.ciHigh()))
                    .isIn(Verdict.INCONCLUSIVE, Verdict.CONTRADICTED);
        }
    }

    @Test
    void inTheDefaultWorldC12IsNotTestableBecauseOnlyRecentInvitationsAreListed() {
        List<ClaimResult> r = evaluate(new Generator(GeneratorParams.DEFAULTS, 51, List.of("linkedin")), 200);

        assertThat(r.get(0).claimId()).isEqualTo("C11");
        assertThat(r.get(0).verdict()).isNotEqualTo(Verdict.NOT_TESTABLE);
        assertThat(r.get(1).verdict()).isEqualTo(Verdict.NOT_TESTABLE);
        assertThat(r.get(1).reason()).startsWith("the invitation direction is known for ")
                .contains("LinkedIn lists only recent invitations");
        System.out.println("default world: C11 " + r.get(0).estimate() + " " + Fmt.interval(r.get(0).ciLow(),
                r.get(0).ciHigh()) + "; C12: " + r.get(1).reason());
    }
}
