package io.tiedepth.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tiedepth.panels.PanelRow;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** C11 and C12 on hand-planted monthly panels (no generator): power, nulls, data limits. */
class PanelClaimsTest {
    private static final ClaimParams PARAMS = ClaimParams.DEFAULTS.withResamples(200);

    /**
     * A world of owners followed for {@code months} months: ties held grow from a drawn start at a drawn monthly
     * rate; active ties ~ Poisson(aᵢ·heldᵗ^β) with an owner effect aᵢ and autocorrelated log-normal noise; of the
     * ties gained, those whose direction is known (all, or only the last {@code knownMonths}) are inbound with
     * probability 0.2·(held before / 300)^γ; monthly growth rates are drawn in [0.01, 0.01 + {@code growthSpread}].
     */
    record World(double beta, double gamma, int knownMonths, double growthSpread) {
        World(double beta, double gamma, int knownMonths) {
            this(beta, gamma, knownMonths, 0.08);
        }

        List<OwnerRow> owners(int n, int months, long seed) {
            RandomGenerator rng = new Well19937c(seed);
            List<OwnerRow> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                List<PanelRow> panel = panel("e" + i, "o" + i, months, rng);
                out.add(OwnerRow.builder("e" + i, String.format("o%05d", i)).platform("linkedin")
                        .set(OwnerMetric.N_TIES, (double) panel.get(panel.size() - 1).tiesHeld()).panel(panel)
                        .build());
            }
            return out;
        }

        private List<PanelRow> panel(String export, String owner, int months, RandomGenerator rng) {
            double held = Math.exp(Math.log(5) + rng.nextDouble() * Math.log(200));
            double rate = 0.01 + growthSpread * rng.nextDouble();
            double ownerEffect = Math.exp(-1.5 + 0.7 * rng.nextGaussian());
            double noise = 0;
            long before = Math.round(held);
            List<PanelRow> rows = new ArrayList<>();
            for (int t = 0; t < months; t++) {
                held *= Math.exp(rate * (1 + 0.5 * rng.nextGaussian()));
                long now = Math.max(before, Math.round(held));
                long gained = t == 0 ? now : now - before;
                noise = 0.8 * noise + 0.2 * rng.nextGaussian();
                double mean = ownerEffect * Math.pow(now, beta) * Math.exp(noise - 0.02);
                long active = new PoissonDistribution(rng, mean, 1e-12, 10_000).sample();
                boolean known = t >= months - knownMonths && t > 0;
                double p = Math.min(1, 0.2 * Math.pow(Math.max(before, 1) / 300.0, gamma));
                Long inbound = known ? SyntheticOwners.binomial(rng, gained, p) : 0L;
                rows.add(new PanelRow(export, owner, "linkedin", YearMonth.of(2020, 1).plusMonths(t), now, gained,
                        Math.min(active, now), 0, null, known ? gained : 0L, inbound));
                before = now;
            }
            return rows;
        }
    }

    private static ClaimResult evaluate(Claim claim, List<OwnerRow> owners) {
        return Claims.evaluate(List.of(claim), ClaimInputs.of(owners), PARAMS).get(0);
    }

    @Nested
    class C11 {
        private final C11WithinOwnerReturns claim = new C11WithinOwnerReturns();

        @Test
        void supportedWhenActiveTiesGrowLessThanInProportionWithinOwners() {
            ClaimResult r = evaluate(claim, new World(0.6, 0, 0).owners(200, 36, 1));

            assertThat(r.verdict()).isEqualTo(Verdict.SUPPORTED);
            assertThat(r.estimate()).isCloseTo(0.6, within(0.1));
            assertThat(r.ciLow()).isLessThan(0.6);
            assertThat(r.ciHigh()).isGreaterThan(0.6);
        }

        @Test
        void notSupportedWhenActiveTiesGrowInProportion() {
            ClaimResult r = evaluate(claim, new World(1.0, 0, 0).owners(200, 36, 2));

            assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(r.ciLow()).isLessThan(1.0);
            assertThat(r.ciHigh()).isGreaterThan(1.0);
        }

        @Test
        void contradictedWhenActiveTiesGrowFasterThanTheNetwork() {
            assertThat(evaluate(claim, new World(1.5, 0, 0).owners(200, 36, 3)).verdict())
                    .isEqualTo(Verdict.CONTRADICTED);
        }

        @Test
        void ignoresBetweenOwnerDifferencesThatPooledC1WouldRead() {
            List<OwnerRow> owners = new World(1.0, 0, 0).owners(200, 36, 4);
            List<OwnerRow> confounded = new ArrayList<>();
            for (OwnerRow o : owners) {
                double scale = 1.0 / Math.sqrt(o.nTies());
                List<PanelRow> shrunk = o.panel().stream().map(p -> new PanelRow(p.exportId(), p.ownerId(),
                        p.platform(), p.month(), p.tiesHeld(), p.tiesGained(),
                        Math.round(p.active12m() * scale * 10), 0, null, 0L, 0L)).toList();
                confounded.add(OwnerRow.builder(o.exportId(), o.ownerId()).platform("linkedin")
                        .set(OwnerMetric.N_TIES, (double) o.nTies()).panel(shrunk).build());
            }

            assertThat(claim.estimate(ClaimInputs.of(confounded), PARAMS)).isCloseTo(1.0, within(0.1));
        }

        @Test
        void notTestableWithoutEnoughOwnersWithPanels() {
            List<OwnerRow> owners = new ArrayList<>(new World(0.6, 0, 0).owners(20, 36, 5));
            for (int i = 0; i < 40; i++) {
                owners.add(OwnerRow.builder("x" + i, "x" + i).set(OwnerMetric.N_TIES, 50.0).build());
            }
            ClaimResult r = evaluate(claim, owners);

            assertThat(r.verdict()).isEqualTo(Verdict.NOT_TESTABLE);
            assertThat(r.reason()).isEqualTo("only 20 owners have a monthly panel with an active tie and a change in "
                    + "ties held (dated ties and interactions), need 30");
        }

        @Test
        void notTestableOnDerivedTies() {
            List<OwnerRow> owners = new World(0.6, 0, 0).owners(60, 24, 6).stream()
                    .map(o -> OwnerRow.builder(o.exportId(), o.ownerId()).platform("network")
                            .set(OwnerMetric.N_TIES, (double) o.nTies()).panel(o.panel()).derivedTies("contacts")
                            .build()).toList();

            ClaimResult r = evaluate(claim, owners);

            assertThat(r.verdict()).isEqualTo(Verdict.NOT_TESTABLE);
            assertThat(r.reason()).contains("derive_ties");
        }
    }

    @Nested
    class C12 {
        private final C12GrowByAccepting claim = new C12GrowByAccepting();

        @Test
        void supportedWhenTheInboundShareOfNewTiesRisesWithSize() {
            ClaimResult r = evaluate(claim, new World(1, 0.4, 48).owners(300, 48, 7));

            assertThat(r.verdict()).isEqualTo(Verdict.SUPPORTED);
            assertThat(r.estimate()).isCloseTo(0.4, within(0.15));
            assertThat(Double.parseDouble(r.extra().get("known_direction_share"))).isBetween(0.9, 0.99);
        }

        @Test
        void notSupportedWhenTheShareDoesNotDependOnSize() {
            ClaimResult r = evaluate(claim, new World(1, 0, 48).owners(300, 48, 8));

            assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(r.ciLow()).isLessThan(0);
            assertThat(r.ciHigh()).isGreaterThan(0);
        }

        @Test
        void notTestableWhenTheDirectionIsKnownOnlyForRecentMonths() {
            ClaimResult r = evaluate(claim, new World(1, 0.4, 10, 0.02).owners(300, 120, 9));

            assertThat(r.verdict()).isEqualTo(Verdict.NOT_TESTABLE);
            assertThat(r.reason()).startsWith("the invitation direction is known for ")
                    .contains("% of the dated ties; ").contains("LinkedIn lists only recent invitations");
        }
    }
}
