package io.tiedepth.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tiedepth.stats.NormalInterval;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The interval rule and the Holm step of the verdict. */
class VerdictTest {

    @Test
    void intervalRuleOnEachSide() {
        assertThat(Verdict.byInterval(0.2, 0.9, 1, Verdict.Side.BELOW)).isEqualTo(Verdict.SUPPORTED);
        assertThat(Verdict.byInterval(1.1, 1.9, 1, Verdict.Side.BELOW)).isEqualTo(Verdict.CONTRADICTED);
        assertThat(Verdict.byInterval(0.2, 1.9, 1, Verdict.Side.BELOW)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Verdict.byInterval(0.01, 0.3, 0, Verdict.Side.ABOVE)).isEqualTo(Verdict.SUPPORTED);
        assertThat(Verdict.byInterval(-0.3, -0.01, 0, Verdict.Side.ABOVE)).isEqualTo(Verdict.CONTRADICTED);
    }

    @Test
    void aBoundEqualToTheNullValueIsInconclusive() {
        assertThat(Verdict.byInterval(0.5, 1.0, 1, Verdict.Side.BELOW)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Verdict.byInterval(0.0, 0.4, 0, Verdict.Side.ABOVE)).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void undefinedBoundsAreInconclusive() {
        assertThat(Verdict.byInterval(Double.NaN, 0.5, 1, Verdict.Side.BELOW)).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void labelsAreLowerCase() {
        assertThat(Verdict.NOT_TESTABLE.label()).isEqualTo("not_testable");
        assertThat(Verdict.SUPPORTED.label()).isEqualTo("supported");
    }

    /** A claim that returns a fixed p-value and provisional verdict (or not_testable when p is NaN). */
    record Fixed(String id, double p, Verdict provisional) implements Claim {
        public String seeds() {
            return "";
        }

        public String statement() {
            return id;
        }

        public String statistic(ClaimParams params) {
            return "fixed";
        }

        public double nullValue() {
            return 0;
        }

        /** An estimate z standard errors above 0 with p = 2Φ(−z). */
        NormalInterval inference() {
            double z = new NormalDistribution().inverseCumulativeProbability(1 - p / 2);
            return new NormalInterval(z, 1.0, NormalInterval.Scale.IDENTITY);
        }

        public double estimate(ClaimInputs inputs, ClaimParams params) {
            return Double.isNaN(p) ? Double.NaN : inference().estimate();
        }

        public ClaimResult evaluate(ClaimInputs inputs, ClaimParams params) {
            return Double.isNaN(p) ? ClaimResult.notTestable(this, params, "no data", 0, 0, Map.of())
                    : ClaimResult.tested(this, params, inference(), 0, provisional, "", 100, 1000, Map.of());
        }
    }

    @Test
    void holmAdjustsOverTestableClaimsOnlyAndDemotesWhatIsNoLongerSignificant() {
        List<Claim> claims = List.of(new Fixed("A", 0.01, Verdict.SUPPORTED), new Fixed("B", 0.03, Verdict.SUPPORTED),
                new Fixed("C", Double.NaN, Verdict.NOT_TESTABLE), new Fixed("D", 0.04, Verdict.CONTRADICTED),
                new Fixed("E", 0.5, Verdict.INCONCLUSIVE));
        List<ClaimResult> r = Claims.evaluate(claims, ClaimInputs.of(List.of()), ClaimParams.DEFAULTS);
        // m = 4 testable: sorted 0.01, 0.03, 0.04, 0.5 -> 0.04, 0.09, 0.09, 0.5
        assertThat(r.get(0).pHolm()).isCloseTo(0.04, within(1e-12));
        assertThat(r.get(1).pHolm()).isCloseTo(0.09, within(1e-12));
        assertThat(r.get(2).pHolm()).isNaN();
        assertThat(r.get(3).pHolm()).isCloseTo(0.09, within(1e-12));
        assertThat(r.get(4).pHolm()).isCloseTo(0.5, within(1e-12));
        assertThat(r).extracting(ClaimResult::verdict).containsExactly(Verdict.SUPPORTED, Verdict.INCONCLUSIVE,
                Verdict.NOT_TESTABLE, Verdict.INCONCLUSIVE, Verdict.INCONCLUSIVE);
        assertThat(r.get(1).reason()).isEqualTo("would be supported by its own interval, but the Holm-adjusted "
                + "p = 0.09 is not below 0.05 across the 4 testable claims");
        assertThat(r.get(3).reason()).startsWith("would be contradicted");
        assertThat(r.get(2).reason()).isEqualTo("no data");
    }

    @Test
    void theAdjustedIntervalExcludesTheNullExactlyWhenTheVerdictIsDecided() {
        List<Claim> claims = List.of(new Fixed("A", 0.001, Verdict.SUPPORTED), new Fixed("B", 0.012, Verdict.SUPPORTED),
                new Fixed("C", 0.013, Verdict.SUPPORTED), new Fixed("D", 0.04, Verdict.SUPPORTED),
                new Fixed("E", 0.5, Verdict.INCONCLUSIVE));
        List<ClaimResult> r = Claims.evaluate(claims, ClaimInputs.of(List.of()), ClaimParams.DEFAULTS);
        // Holm over 5: 0.005, 0.048, 0.048 (max with 3 x 0.013 = 0.039), 0.08, 0.5
        assertThat(r).extracting(ClaimResult::verdict).containsExactly(Verdict.SUPPORTED, Verdict.SUPPORTED,
                Verdict.SUPPORTED, Verdict.INCONCLUSIVE, Verdict.INCONCLUSIVE);
        for (ClaimResult c : r) {
            boolean excludes = c.ciLowAdjusted() > 0 || c.ciHighAdjusted() < 0;
            boolean decided = c.verdict() == Verdict.SUPPORTED || c.verdict() == Verdict.CONTRADICTED;
            assertThat(excludes).as(c.claimId() + " " + c.ciLowAdjusted() + " " + c.adjustedLevel())
                    .isEqualTo(decided);
            assertThat(c.ciLowAdjusted()).isLessThanOrEqualTo(c.ciLow());
            assertThat(c.ciLow() > 0).isEqualTo(c.pValue() < 0.05);
        }
        // the smallest p gets the Bonferroni interval 1 - 0.05/5
        assertThat(r.get(0).adjustedLevel()).isCloseTo(0.99, within(1e-12));
        assertThat(r.get(0).ciLowAdjusted()).isCloseTo(r.get(0).estimate() - 2.5758293035489, within(1e-9));
    }

    @Test
    void seedStreamsDifferPerNameAndAreStable() {
        ClaimParams p = ClaimParams.DEFAULTS;
        assertThat(p.seedFor("C1")).isNotEqualTo(p.seedFor("C2"));
        assertThat(p.seedFor("C1")).isEqualTo(ClaimParams.DEFAULTS.seedFor("C1"));
        assertThat(p.withSeed(1).seedFor("C1")).isNotEqualTo(p.seedFor("C1"));
    }
}
