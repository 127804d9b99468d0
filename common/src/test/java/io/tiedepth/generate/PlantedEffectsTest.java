package io.tiedepth.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.junit.jupiter.api.Test;

/**
 * The planted effects are found in the realised truths (the feature definitions applied to what is written), and
 * a switched-off effect leaves its claim's statistic at the null. In memory, no files: {@link Generator#measure}.
 * Fixed seed, so the tolerances are checked on one known draw; they are wide enough for any seed at this size.
 */
class PlantedEffectsTest {
    static final int OWNERS = 160;
    static final long SEED = 11;
    static final String BASE = "{\"sizes\": {\"cap\": 3000}}";

    static JsonNode world(String patch) {
        Generator g = new Generator(GeneratorParams.DEFAULTS.with(BASE).with(patch), SEED, List.of("linkedin"));
        List<OwnerSummary> s = new ArrayList<>(OWNERS);
        for (int i = 0; i < OWNERS; i++) {
            s.add(g.measure(i));
        }
        return GroundTruth.build(g, OWNERS, s).get("claims");
    }

    static double realised(JsonNode claims, String claim) {
        return claims.get(claim).get("realised").asDouble();
    }

    @Test
    void defaultWorldRealisesEveryPlantedEffect() {
        JsonNode c = world("{}");
        assertThat(realised(c, "C1")).as("C1 elasticity below 1").isBetween(0.3, 0.8);
        assertThat(c.at("/C2/n_owners_beyond").asInt()).isGreaterThanOrEqualTo(10);
        assertThat(realised(c, "C2")).as("C2 plateau").isCloseTo(150, within(30.0));
        assertThat(realised(c, "C3")).as("C3 risk ratio").isCloseTo(0.5, within(0.12));
        assertThat(realised(c, "C4")).as("C4 elasticity").isCloseTo(0.8, within(0.12));
        assertThat(realised(c, "C5")).as("C5 Spearman").isGreaterThan(0.2);
        assertThat(c.at("/C6/n_mega_owners").asInt()).isGreaterThanOrEqualTo(10);
        assertThat(realised(c, "C6")).as("C6 helpful share").isCloseTo(0.6, within(0.2));
        assertThat(realised(c, "C7")).as("C7 Spearman").isLessThan(-0.3);
        assertThat(c.at("/C8/planted_wave_dates").size()).isEqualTo(3);
        assertThat(c.at("/C8/reactivations_near_waves").asLong())
                .isGreaterThanOrEqualTo(c.at("/C8/planted_wake_events").asLong()).isPositive();
        assertThat(c.at("/C8/realised_local_peak_ratio").asDouble()).as("C8 local peak").isGreaterThan(3);
        assertThat(realised(c, "C9")).as("C9 risk ratio").isCloseTo(2.0, within(0.3));
    }

    @Test
    void switchedOffBurstPenaltyNotesWavesAndHelpfulMegaOwnersAreNotFound() {
        JsonNode c = world("{\"effects\": {\"c3BurstPenalty\": {\"enabled\": false},"
                + "\"c6MegaHelpful\": {\"enabled\": false}, \"c8ReactivationWaves\": {\"enabled\": false},"
                + "\"c9NoteEffect\": {\"enabled\": false}}}");
        assertThat(c.at("/C3/burst_ties_observable").asLong()).isGreaterThan(500);
        assertThat(realised(c, "C3")).as("C3 risk ratio").isCloseTo(1.0, within(0.1));
        assertThat(realised(c, "C6")).as("C6 helpful share").isLessThan(0.15);
        assertThat(c.at("/C8/planted_wake_events").asLong()).isZero();
        assertThat(c.at("/C8/reactivations_near_waves").asLong()).isZero();
        assertThat(c.at("/C8/realised_local_peak_ratio").asDouble()).as("C8 local peak").isLessThan(2.5);
        assertThat(realised(c, "C9")).as("C9 risk ratio").isCloseTo(1.0, within(0.15));
    }

    @Test
    void switchedOffInboundGrowthIsNotFound() {
        assertThat(realised(world("{\"effects\": {\"c4InboundGrowth\": {\"enabled\": false}}}"), "C4"))
                .isCloseTo(0.0, within(0.1));
    }

    @Test
    void switchedOffEffortReciprocityIsNotFound() {
        assertThat(realised(world("{\"effects\": {\"c5EffortReciprocity\": {\"enabled\": false}}}"), "C5"))
                .isCloseTo(0.0, within(0.12));
    }

    @Test
    void switchedOffReciprocityDeclineIsNotFound() {
        JsonNode c = world("{\"effects\": {\"c7ReciprocityDecline\": {\"enabled\": false},"
                + "\"c6MegaHelpful\": {\"helpfulShare\": 0.95, \"baseSpamShare\": 0.05}}}");
        assertThat(realised(c, "C7")).isCloseTo(0.0, within(0.1));
    }

    /**
     * Small networks are where a per-tie (binomial) draw of reciprocity gives the share a spread and a mass at 0 that
     * shrink with n, so Spearman's ρ(n_ties, reciprocal_share) read clearly positive with the share flat in n (0.098
     * here with the binomial draw; the default world's estimand was 0.02–0.03). With ρ·n ties drawn exactly, the
     * spread is below 2/n and ρ stays within its sampling error of 0 (SE about 1/√2000 ≈ 0.022).
     */
    @Test
    void switchedOffReciprocityDeclineIsNotFoundAmongSmallNetworks() {
        int owners = 2000;
        Generator g = new Generator(GeneratorParams.DEFAULTS.with("{\"sizes\": {\"median\": 20, \"sigma\": 0.6, "
                + "\"tailShare\": 0, \"min\": 5, \"cap\": 200}, \"effects\": {\"c7ReciprocityDecline\": "
                + "{\"enabled\": false}, \"c6MegaHelpful\": {\"helpfulShare\": 0.95, \"baseSpamShare\": 0.05}}}"),
                SEED, List.of("linkedin"));
        double[] ties = new double[owners];
        double[] share = new double[owners];
        for (int i = 0; i < owners; i++) {
            OwnerTruth t = g.measure(i).truth();
            ties[i] = t.nTies();
            share[i] = t.reciprocalShare();
        }
        assertThat(new SpearmansCorrelation().correlation(ties, share)).isCloseTo(0.0, within(0.05));
    }

    @Test
    void maxActiveShareCapsHeavyActivityNoise() {
        String patch = "{\"activity\": {\"noiseSigma\": 1.0%s}, \"effects\": {\"c1DiminishingReturns\": "
                + "{\"enabled\": false}, \"c2Ceiling\": {\"enabled\": false}}}";
        assertThat(largestActiveShare(String.format(patch, ""))).as("without the cap").isGreaterThan(0.6);
        assertThat(largestActiveShare(String.format(patch, ", \"maxActiveShare\": 0.5"))).isLessThanOrEqualTo(0.5);
    }

    /** The largest n_active / n_ties among owners of at least 20 ties (rounding aside). */
    private static double largestActiveShare(String patch) {
        Generator g = new Generator(GeneratorParams.DEFAULTS.with(BASE).with(patch), SEED, List.of("linkedin"));
        double largest = 0;
        for (int i = 0; i < OWNERS; i++) {
            OwnerTruth t = g.measure(i).truth();
            if (t.nTies() >= 20) {
                largest = Math.max(largest, (t.nActive() - 1.0) / t.nTies());
            }
        }
        return largest;
    }

    @Test
    void switchedOffDiminishingReturnsAndCeilingGiveProportionalActivity() {
        JsonNode c = world("{\"effects\": {\"c1DiminishingReturns\": {\"enabled\": false},"
                + "\"c2Ceiling\": {\"enabled\": false}}}");
        assertThat(realised(c, "C1")).isCloseTo(1.0, within(0.05));
        assertThat(c.at("/C2/planted").isNull()).isTrue();
        assertThat(realised(c, "C2")).as("no plateau").isGreaterThan(250);
    }
}
