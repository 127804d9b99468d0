package io.tiedepth.claims;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.claims.PlatformSuppression.ClaimCount;
import io.tiedepth.claims.PlatformSuppression.Decision;
import io.tiedepth.generate.GeneratorParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The differencing attack on the per-platform claim rows of {@code claims.csv}: a platform with fewer than
 * min_owners owners has no rows of its own, but the pooled row's owners minus the platforms' rows give its owners
 * in each claim. On a generated population of LinkedIn and Facebook owners with 3 X owners, k_min alone leaves the
 * 3 recoverable in every claim; with {@link PlatformSuppression} no claim gives away 1 to k_min − 1 owners.
 */
class PlatformSuppressionTest {
    static final GeneratorParams SMALL = GeneratorParams.DEFAULTS.with("{\"sizes\": {\"median\": 120, \"cap\": 1200, "
            + "\"tailShare\": 0.1, \"tailMin\": 400}}");
    static final ClaimParams PARAMS = new ClaimParams(11, 50, 30, 10, 300, 10, 180, 180, 0.05);
    static final int SMALL_PLATFORM = 3;
    static List<PlatformClaims.Row> rows;
    static ClaimInputs inputs;

    @BeforeAll
    static void population() {
        List<OwnerRow> owners = new ArrayList<>(GeneratedOwners.rows(SMALL, 5, 120, List.of("linkedin", "facebook")));
        for (int i = 0; i < SMALL_PLATFORM; i++) {
            OwnerRow r = owners.get(i);
            owners.set(i, new OwnerRow(r.exportId(), r.ownerId(), "twitter", r.sizeClass(), r.metrics(),
                    r.layerSizes(), r.layerRatios(), r.burst(), r.nonBurst(), r.note(), r.noNote(),
                    r.reactivationMonths(), r.relativeTime(), r.derivedTies()));
        }
        inputs = ClaimInputs.of(owners);
        rows = PlatformClaims.rows(Claims.evaluate(inputs, PARAMS), PlatformClaims.evaluate(inputs, PARAMS));
    }

    @Test
    void thePooledRowMinusThePlatformRowsGivesNoSmallPlatformAway() {
        assertThat(rows).extracting(PlatformClaims.Row::platform).doesNotContain("twitter");
        Decision none = new Decision(Set.of(), Set.of());
        String before = ReportCsv.claimRows(rows, PARAMS, c -> false, none);
        assertThat(leftOut(before)).containsValue((long) SMALL_PLATFORM);

        String after = ReportCsv.claimRows(rows, PARAMS, c -> false,
                PlatformSuppression.decide(inputs, rows, PARAMS.kMin()));
        assertThat(leftOut(after)).allSatisfy((claim, n) -> assertThat(n).as(claim)
                .satisfies(x -> assertThat(ReportCsv.suppressed(x, PARAMS.kMin())).isFalse()));
    }

    /**
     * The platform table beside the claim rows: X (3 owners) is hidden, and Facebook with it. Its claim rows go with
     * it: C1's repeats its 40 owners (the total minus LinkedIn minus that row gave X), and C7's counts all but 2 of
     * them, so its n_ties (all of Facebook's ties when the 2 have none) gave X's ties the same way.
     */
    @Test
    void aComplementWhoseCountAClaimRowRepeatsIsHiddenThereToo() {
        Map<String, Long> platforms = new LinkedHashMap<>();
        platforms.put("facebook", 40L);
        platforms.put("linkedin", 400L);
        platforms.put("twitter", 3L);
        List<ClaimCount> claims = List.of(new ClaimCount(PlatformClaims.POOLED, "C1", 440),
                new ClaimCount("facebook", "C1", 40), new ClaimCount("linkedin", "C1", 400),
                new ClaimCount(PlatformClaims.POOLED, "C4", 443), new ClaimCount("facebook", "C4", 40),
                new ClaimCount("linkedin", "C4", 400), new ClaimCount(PlatformClaims.POOLED, "C7", 438),
                new ClaimCount("facebook", "C7", 38), new ClaimCount("linkedin", "C7", 400));
        Decision d = PlatformSuppression.decide(platforms, claims, 10);
        assertThat(d.platforms()).containsExactlyInAnyOrder("twitter", "facebook");
        // C4: 443 - 40 - 400 = 3 would give X away; C1 repeats Facebook's 40 owners
        assertThat(d.hidesClaim("facebook", "C4", 40, 10)).isTrue();
        assertThat(d.hidesClaim("facebook", "C1", 40, 10)).isTrue();
        assertThat(d.hidesClaim("facebook", "C7", 38, 10)).isTrue();
        assertThat(d.hidesClaim("linkedin", "C1", 400, 10)).isFalse();
        assertThat(d.hidesClaim("twitter", "C1", 3, 10)).isTrue();
    }

    /**
     * Owner counts in the extras add up over platforms too: LinkedIn's 2 mega owners read "fewer than 10", but the
     * pooled 17 minus Facebook's 15 gave them; and X's 3 left-out comparison owners were 120 − 60 − 57.
     */
    @Test
    void ownerCountsInThePlatformRowsExtrasDoNotGiveAHiddenOneAway() {
        List<PlatformClaims.Row> rows = List.of(new PlatformClaims.Row(PlatformClaims.POOLED, c6(200, "17", "120")),
                new PlatformClaims.Row("facebook", c6(100, "15", "60")),
                new PlatformClaims.Row("linkedin", c6(97, "fewer than 10", "57")));
        String csv = ReportCsv.claimRows(rows, PARAMS, c -> false);
        assertThat(csv).contains("mega_owners=17; comparison_owners=120").doesNotContain("=15").doesNotContain("=60")
                .doesNotContain("=57");
        assertThat(PlatformSuppression.hiddenExtraCounts(rows, PARAMS.kMin()))
                .containsExactlyInAnyOrder("C6/mega_owners", "C6/comparison_owners");
    }

    private static ClaimResult c6(long owners, String mega, String comparison) {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("mega_owners", mega);
        extra.put("comparison_owners", comparison);
        return new ClaimResult("C6", "003", "Mega-networkers", "share", 0.1, 0.4, 0.2, 0.6, 0.15, 0.65, 0.99, 0.01,
                0.02, owners, 9000, Verdict.SUPPORTED, "", "claims-2", extra, null);
    }

    /** Per claim: pooled owners minus the platform rows, when every one of them is shown. */
    private static Map<String, Long> leftOut(String csv) {
        List<String> lines = csv.lines().toList();
        List<String> header = List.of(lines.get(0).split(","));
        int id = header.indexOf("claim_id");
        int owners = header.indexOf("n_owners");
        int platform = header.indexOf("platform");
        Map<String, Long> out = new LinkedHashMap<>();
        Map<String, Boolean> complete = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.replaceAll("\"[^\"]*\"", "x").split(",", -1);
            String claim = cells[id];
            boolean shown = !cells[owners].isEmpty();
            long n = shown ? Long.parseLong(cells[owners]) : 0;
            boolean pooled = cells[platform].equals(PlatformClaims.POOLED);
            out.merge(claim, pooled ? n : -n, Long::sum);
            complete.merge(claim, shown, Boolean::logicalAnd);
        }
        out.keySet().removeIf(c -> !complete.get(c));
        return out;
    }
}
