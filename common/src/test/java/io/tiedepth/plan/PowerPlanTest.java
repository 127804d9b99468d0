package io.tiedepth.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tiedepth.claims.RecoveryStudy;
import io.tiedepth.claims.RecoveryStudy.Role;
import io.tiedepth.generate.GeneratorParams;
import io.tiedepth.plan.PowerPlan.ClaimPower;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link PowerPlan} on small simulations (a few populations, 200 resamples): power grows with the donors on a world
 * with every effect planted, the false-positive share stays near the Holm family's 5 % on the world with every
 * effect off, and the same seed gives the same plan.
 */
class PowerPlanTest {
    private static final GeneratorParams ALL_OFF = world("all off").params();

    private static RecoveryStudy.World world(String name) {
        return RecoveryStudy.WORLDS.stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow();
    }

    private static PowerPlan.Settings settings(List<Integer> donors, int populations, int resamples, long seed) {
        return new PowerPlan.Settings(donors, populations, resamples, seed, 30, List.of("linkedin"));
    }

    private static double supportedAt(PowerPlan.Result r, int donors, Role role) {
        return r.rows().stream().filter(c -> c.donors() == donors && c.role() == role)
                .mapToDouble(ClaimPower::supported).sum();
    }

    @Test
    void powerGrowsWithTheDonorsWhenEveryEffectIsPlanted() {
        List<Integer> progress = new ArrayList<>();
        PowerPlan.Result r = PowerPlan.run(GeneratorParams.DEFAULTS, settings(List.of(40, 240), 6, 200, 5),
                progress::add);
        assertThat(r.rows()).hasSize(9 * 2).allMatch(c -> c.role() == Role.PLANTED && c.populations() == 6);
        assertThat(supportedAt(r, 240, Role.PLANTED)).as("claims supported over 6 populations of 240 donors")
                .isGreaterThanOrEqualTo(supportedAt(r, 40, Role.PLANTED) + 6);
        assertThat(r.rows().stream().filter(c -> c.claimId().equals("C1")).map(ClaimPower::power))
                .as("C1's power at 40 then 240 donors").isSortedAccordingTo(Double::compare);
        assertThat(r.needed()).hasSize(9);
        assertThat(progress).isNotEmpty().last().isEqualTo(12);
    }

    @Test
    void falsePositivesStayNearFivePercentWhenEveryEffectIsOff() {
        PowerPlan.Result r = PowerPlan.run(ALL_OFF, settings(List.of(240), 8, 200, 7), done -> { });
        assertThat(r.rows().stream().filter(c -> c.role() == Role.NULL).map(ClaimPower::claimId))
                .containsExactly("C1", "C3", "C4", "C5", "C7", "C8", "C9");
        assertThat(supportedAt(r, 240, Role.NULL)).as("null claims supported, of 7 claims x 8 populations")
                .isLessThanOrEqualTo(2);
        assertThat(r.needed()).as("no planted claim but C6").extracting(DonorsNeeded::claimId).containsExactly("C6");
    }

    @Test
    void theSameSeedGivesTheSamePlanAndAnotherSeedAnother() {
        PowerPlan.Settings s = settings(List.of(30, 60), 2, 50, 11);
        String first = PlanCsv.plan(PowerPlan.run(GeneratorParams.DEFAULTS, s, done -> { }));
        String again = PlanCsv.plan(PowerPlan.run(GeneratorParams.DEFAULTS, s, done -> { }));
        String other = PlanCsv.plan(PowerPlan.run(GeneratorParams.DEFAULTS, settings(List.of(30, 60), 2, 50, 12),
                done -> { }));
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(first.lines().findFirst().orElseThrow()).isEqualTo(String.join(",", PlanCsv.PLAN_COLUMNS));
    }

    @Nested
    class Roles {
        @Test
        void everyEffectOfTheDefaultsIsPlanted() {
            for (var c : PowerPlan.claims()) {
                assertThat(PowerPlan.role(c.id(), GeneratorParams.DEFAULTS)).as(c.id()).isEqualTo(Role.PLANTED);
            }
        }

        /** The recovery study's worlds name their nulls and alternatives; the plan must read them the same way. */
        @Test
        void theRecoveryStudysNullsAndAlternativesAreReadFromTheSwitches() {
            for (RecoveryStudy.World w : RecoveryStudy.WORLDS) {
                for (String claim : w.nulls()) {
                    assertThat(PowerPlan.role(claim, w.params())).as(w.name() + " " + claim).isEqualTo(Role.NULL);
                }
                for (String claim : w.alternatives()) {
                    assertThat(PowerPlan.role(claim, w.params())).as(w.name() + " " + claim)
                            .isEqualTo(Role.ALTERNATIVE);
                }
            }
        }

        @Test
        void anEffectOffWithoutItsCompanionsIsNeitherPlantedNorNull() {
            GeneratorParams c7Alone = GeneratorParams.DEFAULTS.with(
                    "{\"effects\": {\"c7ReciprocityDecline\": {\"enabled\": false}}}");
            assertThat(PowerPlan.role("C7", c7Alone)).isEqualTo(Role.OTHER);
        }
    }

    @Nested
    class Needed {
        private final List<Integer> donors = List.of(50, 100, 200, 400);

        @Test
        void interpolatesLogLinearlyBetweenTheCandidatesAroundTheTarget() {
            DonorsNeeded n = DonorsNeeded.of("C1", donors, List.of(0.1, 0.6, 1.0, 1.0), 0.8);
            assertThat(n.smallest()).isEqualTo(200);
            assertThat(n.interpolated()).isCloseTo(100 * Math.sqrt(2), within(1e-9));
            assertThat(n.text()).isEqualTo("200 (log-linear interpolation: about 142)");
        }

        @Test
        void saysAtMostTheFirstCandidateOrMoreThanTheLast() {
            assertThat(DonorsNeeded.of("C1", donors, List.of(0.9, 1.0, 1.0, 1.0), 0.8).text()).isEqualTo("at most 50");
            DonorsNeeded none = DonorsNeeded.of("C1", donors, List.of(0.0, 0.1, 0.5, 0.79), 0.8);
            assertThat(none.text()).isEqualTo("more than 400");
            assertThat(none.smallest()).isZero();
            assertThat(none.interpolated()).isNaN();
        }
    }
}
