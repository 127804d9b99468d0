package io.tiedepth.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tiedepth.generate.Generator;
import io.tiedepth.generate.GeneratorParams;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Recovery on the synthetic-donation generator's model ({@link GeneratedOwners}: the per-owner values the features
 * compute on the generated exports, without writing them; the pipeline itself is checked on written exports by
 * {@code GeneratedStudyTest} in jobs). The small, in-suite version of {@link RecoveryStudy}: with every effect planted
 * each testable claim is supported and its interval is compatible with the claim's estimand; with one effect
 * switched off the claim's estimand is its null value (a true null) and the claim is not supported.
 */
class GeneratedRecoveryTest {
    private static final ClaimParams P = ClaimParams.DEFAULTS.withResamples(300);

    private static ClaimResult find(List<ClaimResult> results, String id) {
        return results.stream().filter(r -> r.claimId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void everyPlantedEffectIsFoundAndTheIntervalsAreCompatibleWithTheEstimands() {
        Generator g = new Generator(GeneratorParams.DEFAULTS, 11, List.of("linkedin"));
        Map<String, Double> estimands = GeneratedOwners.estimands(g, 2_000);
        List<ClaimResult> r = Claims.evaluate(ClaimInputs.of(GeneratedOwners.rows(g, 0, 300)), P.withSeed(11));
        for (ClaimResult c : r.subList(0, 9)) {
            assertThat(c.verdict()).as(c.claimId() + ": " + c.reason()).isEqualTo(Verdict.SUPPORTED);
            if (c.inference() != null) {
                double[] wide = c.inference().atLevel(0.999);
                assertThat(estimands.get(c.claimId())).as(c.claimId() + " estimand in the 99.9% interval")
                        .isBetween(wide[0], wide[1]);
            }
        }
        assertThat(find(r, "C10").verdict()).isEqualTo(Verdict.NOT_TESTABLE);
        assertThat(estimands.get("C3")).isCloseTo(0.5, within(0.1));
        assertThat(estimands.get("C9")).isCloseTo(2.0, within(0.25));
    }

    /**
     * One effect off: over 1,500 owners the claim's estimate (its estimand, up to sampling error) is within the given
     * tolerance of the null value — about five standard errors at that size — and on the first 300 owners the claim
     * is not supported.
     */
    @ParameterizedTest(name = "{0} off")
    @CsvSource(delimiter = ';', value = {
        "C1; {\"effects\": {\"c1DiminishingReturns\": {\"enabled\": false}, \"c2Ceiling\": {\"enabled\": false}}}; 0.03",
        "C3; {\"effects\": {\"c3BurstPenalty\": {\"enabled\": false}}}; 0.2",
        "C4; {\"effects\": {\"c4InboundGrowth\": {\"enabled\": false}}}; 0.04",
        "C5; {\"effects\": {\"c5EffortReciprocity\": {\"enabled\": false}}}; 0.1",
        "C7; {\"effects\": {\"c7ReciprocityDecline\": {\"enabled\": false}, \"c6MegaHelpful\": {\"helpfulShare\": 0.95},"
            + " \"c1DiminishingReturns\": {\"enabled\": false}, \"c2Ceiling\": {\"enabled\": false}}}; 0.1",
        "C9; {\"effects\": {\"c9NoteEffect\": {\"enabled\": false}}}; 0.12"})
    void aSwitchedOffEffectIsATrueNullAndIsNotFound(String id, String patch, double tolerance) {
        Claim claim = Claims.ALL.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
        GeneratorParams params = GeneratorParams.DEFAULTS.with(patch);
        List<OwnerRow> owners = GeneratedOwners.rows(new Generator(params, 21, List.of("linkedin")), 0, 1_500);
        double estimand = claim.estimate(ClaimInputs.of(owners), GeneratedOwners.claimParams(params));
        assertThat(estimand).as(id + " off: estimand").isCloseTo(claim.nullValue(), within(tolerance));
        ClaimResult r = Claims.evaluate(List.of(claim), ClaimInputs.of(owners.subList(0, 300)), P.withSeed(21)).get(0);
        assertThat(r.verdict()).as(id + " off: " + r.estimate() + " " + Fmt.interval(r.ciLow(), r.ciHigh()))
                .isIn(Verdict.INCONCLUSIVE, Verdict.CONTRADICTED);
    }

    /** Threshold claims whose "off" world lies on the contradicted side: no ceiling (C2), all mega owners spam (C6). */
    @ParameterizedTest(name = "{0} off")
    @CsvSource(delimiter = ';', value = {
        "C2; {\"effects\": {\"c2Ceiling\": {\"enabled\": false}}}",
        "C6; {\"effects\": {\"c6MegaHelpful\": {\"enabled\": false}}}"})
    void aThresholdClaimSwitchedOffIsContradicted(String id, String patch) {
        Claim claim = Claims.ALL.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
        GeneratorParams params = GeneratorParams.DEFAULTS.with(patch);
        List<OwnerRow> owners = GeneratedOwners.rows(new Generator(params, 22, List.of("linkedin")), 0, 400);
        ClaimResult r = Claims.evaluate(List.of(claim), ClaimInputs.of(owners), P.withSeed(22)).get(0);
        assertThat(r.verdict()).as(id + " off: " + r.estimate() + " " + Fmt.interval(r.ciLow(), r.ciHigh()))
                .isEqualTo(Verdict.CONTRADICTED);
    }
}
