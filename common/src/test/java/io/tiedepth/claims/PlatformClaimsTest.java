package io.tiedepth.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tiedepth.generate.GeneratorParams;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Per-platform claims on a generated population of LinkedIn and Facebook owners (the generator's model). */
class PlatformClaimsTest {
    static final int OWNERS = 160;
    static final GeneratorParams SMALL = GeneratorParams.DEFAULTS.with("{\"sizes\": {\"median\": 120, \"cap\": 1200, "
            + "\"tailShare\": 0.1, \"tailMin\": 400}}");
    static final ClaimParams PARAMS = new ClaimParams(11, 200, 30, 10, 300, 10, 180, 180, 0.05);
    static List<OwnerRow> rows;
    static ClaimInputs inputs;

    @BeforeAll
    static void owners() {
        rows = GeneratedOwners.rows(SMALL, 5, OWNERS, List.of("linkedin", "facebook"));
        inputs = ClaimInputs.of(rows);
    }

    private static long ownersOf(String platform) {
        return rows.stream().filter(r -> r.platform().equals(platform)).count();
    }

    /** Claims run in parallel: the same results as one claim at a time, whatever the scheduling. */
    @Test
    void parallelEvaluationEqualsOneClaimAtATime() {
        List<ClaimResult> sequential = new java.util.ArrayList<>();
        for (Claim c : Claims.ALL) {
            String ruledOut = Reasons.ruledOut(c.id(), inputs, PARAMS);
            sequential.add(ruledOut != null ? ClaimResult.notTestable(c, PARAMS, ruledOut, inputs.size(),
                    inputs.ties(), Map.of()) : c.evaluate(Reasons.admitted(c.id(), inputs), PARAMS));
        }
        List<ClaimResult> expected = Claims.adjust(sequential, PARAMS.alpha());
        for (int run = 0; run < 2; run++) {
            assertThat(Claims.evaluate(inputs, PARAMS)).isEqualTo(expected);
        }
    }

    /** The pooled and per-platform claims in one parallel pass equal the two evaluations one after the other. */
    @Test
    void oneParallelPassEqualsPooledThenPerPlatform() {
        PlatformClaims.Evaluated both = PlatformClaims.evaluateWithPooled(inputs, PARAMS);
        assertThat(both.pooled()).isEqualTo(Claims.evaluate(inputs, PARAMS));
        assertThat(both.perPlatform()).isEqualTo(PlatformClaims.evaluate(inputs, PARAMS));
        assertThat(both.perPlatform()).containsOnlyKeys("facebook", "linkedin");
    }

    @Test
    void eachPlatformWithEnoughOwnersIsEstimatedOnItsOwnOwners() {
        assertThat(ownersOf("linkedin")).isGreaterThanOrEqualTo(PARAMS.minOwners());
        assertThat(ownersOf("facebook")).isGreaterThanOrEqualTo(PARAMS.minOwners());
        Map<String, List<ClaimResult>> per = PlatformClaims.evaluate(inputs, PARAMS);
        List<ClaimResult> pooled = Claims.evaluate(inputs, PARAMS);
        assertThat(per.keySet()).containsExactly("facebook", "linkedin");
        for (int i = 0; i < Claims.ALL.size(); i++) {
            ClaimResult all = pooled.get(i);
            long parts = per.get("facebook").get(i).nOwners() + per.get("linkedin").get(i).nOwners();
            assertThat(parts).as(all.claimId()).isEqualTo(all.nOwners());
        }
        ClaimResult c1Li = per.get("linkedin").get(0);
        assertThat(c1Li.nOwners()).isLessThanOrEqualTo(ownersOf("linkedin"));
        assertThat(c1Li.estimate()).isNotEqualTo(pooled.get(0).estimate());
    }

    @Test
    void holmRunsWithinEachPlatformsFamily() {
        for (List<ClaimResult> family : PlatformClaims.evaluate(inputs, PARAMS).values()) {
            List<ClaimResult> testable = family.stream().filter(ClaimResult::testable).toList();
            ClaimResult smallest = testable.stream().min((a, b) -> Double.compare(a.pValue(), b.pValue()))
                    .orElseThrow();
            assertThat(smallest.pHolm()).isCloseTo(Math.min(1, testable.size() * smallest.pValue()), within(1e-12));
        }
    }

    @Test
    void platformStreamsDifferFromThePooledStreamAndFromEachOther() {
        long li = PlatformClaims.paramsFor(PARAMS, "linkedin").seed();
        long fb = PlatformClaims.paramsFor(PARAMS, "facebook").seed();
        assertThat(li).isNotEqualTo(PARAMS.seed()).isNotEqualTo(fb);
        assertThat(li).isEqualTo(PARAMS.seedFor("platform/linkedin"));
        ClaimInputs linkedin = inputs.where(r -> r.platform().equals("linkedin"));
        ClaimResult own = PlatformClaims.evaluate(inputs, PARAMS).get("linkedin").get(0);
        ClaimResult pooledSeed = Claims.evaluate(linkedin, PARAMS).get(0);
        assertThat(own.estimate()).isEqualTo(pooledSeed.estimate());
        assertThat(own.ciLow()).isNotEqualTo(pooledSeed.ciLow());
    }

    @Test
    void noPlatformRowsUnlessTwoPlatformsReachMinOwners() {
        int enoughForOne = (int) Math.max(ownersOf("linkedin"), ownersOf("facebook"));
        assertThat(PlatformClaims.eligible(inputs, enoughForOne)).isEmpty();
        assertThat(PlatformClaims.evaluate(inputs, PARAMS.withMinOwners(enoughForOne))).isEmpty();
        assertThat(PlatformClaims.evaluate(inputs.where(r -> r.platform().equals("linkedin")), PARAMS)).isEmpty();
    }

    @Test
    void rowsPutThePooledClaimsFirstAndCsvSuppressesSmallPlatformRows() {
        List<ClaimResult> pooled = Claims.evaluate(inputs, PARAMS);
        Map<String, List<ClaimResult>> per = PlatformClaims.evaluate(inputs, PARAMS);
        List<PlatformClaims.Row> table = PlatformClaims.rows(pooled, per);
        assertThat(table).hasSize(3 * Claims.ALL.size());
        assertThat(table.subList(0, Claims.ALL.size())).allMatch(r -> r.platform().equals(PlatformClaims.POOLED));
        assertThat(table.stream().map(PlatformClaims.Row::platform).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("all", "facebook", "linkedin");

        ClaimParams kMinAboveFacebook = new ClaimParams(PARAMS.seed(), PARAMS.resamples(), PARAMS.minOwners(),
                (int) ownersOf("facebook") + 1, PARAMS.megaTies(), PARAMS.burstK(), PARAMS.dormancyDays(),
                PARAMS.responseDays(), PARAMS.alpha());
        List<String> lines = ReportCsv.claimRows(table, kMinAboveFacebook, sizeClass -> false).lines().toList();
        assertThat(lines.get(0)).endsWith(",platform,suppressed");
        long facebookWithOwners = per.get("facebook").stream().filter(c -> c.nOwners() > 0).count();
        assertThat(facebookWithOwners).isPositive();
        assertThat(lines.stream().filter(l -> l.endsWith(",facebook,true"))).hasSize((int) facebookWithOwners);
        assertThat(lines.stream().filter(l -> l.endsWith(",all,false"))).isNotEmpty();
    }
}
