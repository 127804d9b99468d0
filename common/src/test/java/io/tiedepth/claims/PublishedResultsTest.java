package io.tiedepth.claims;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.claims.PublishedResults.Comparison;
import io.tiedepth.claims.PublishedResults.Owner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The published-results table on hand-made owners whose answers are worked out in the comments. */
class PublishedResultsTest {
    private static final int LEFT_OUT = 6;
    /*
     * owner  ties  interacting  reciprocal  sent on reciprocal  circles
     * a      4     3            1           5                   1, 3
     * b      4     1            1           3                   2, 6
     * c      10    6            2           4                   -
     * d      0     (no ties: left out)
     * Gonçalves: k = 1, 1, 2 -> bins [1, 2) {5, 3} mean 4 and [2, 4) {2} (1 owner < k_min 2): peak [1, 2).
     * Dunbar: circle 1 {1, 2} median 1.5; circle 2 {3, 6} median 4.5; ratios {3, 3} median 3.
     * Wilson: more than half of ties interacted: a (3/4), c (6/10), not b (1/4): 2 of 3, so 1 owner (b) does not,
     * fewer than k_min 2: neither count nor share is written.
     */
    private static final List<Owner> OWNERS = List.of(
            new Owner("g", 4, 3, 1, 5, new int[] {1, 3}, false),
            new Owner("g", 4, 1, 1, 3, new int[] {2, 6}, false),
            new Owner("g", 10, 6, 2, 4, null, false),
            new Owner("g", 0, 0, 0, 0, null, false),
            new Owner("small", 5, 5, 5, 9, null, false));

    @Test
    void comparesEachGroupWithEnoughOwners() {
        List<Comparison> rows = PublishedResults.compute(OWNERS, 2);
        assertThat(rows).extracting(Comparison::group).containsOnly("g");
        assertThat(rows).extracting(Comparison::source).containsExactly(PublishedResults.GONCALVES,
                PublishedResults.DUNBAR, PublishedResults.DUNBAR, PublishedResults.WILSON);
        assertThat(rows.get(0).found()).isEqualTo("peak at [1, 2) reciprocated ties ([1, 2): 4)");
        assertThat(rows.get(0).owners()).isEqualTo(3);
        assertThat(rows.get(1).found()).isEqualTo("1.5 / 4.5");
        assertThat(rows.get(1).published()).isEqualTo("1.5 / 5 / 15 / 50 / 150 (Facebook and Twitter)");
        assertThat(rows.get(2).found()).isEqualTo("3");
        assertThat(rows.get(2).owners()).isEqualTo(2);
        assertThat(rows.get(3).found()).isEqualTo("all but fewer than 2 of 3");
        assertThat(PublishedResults.compute(OWNERS, 1).get(3).found()).isEqualTo("66.67% (2 of 3)");
    }

    /** The published figure is under 1 %: a group's few owners who interact with most ties are a small cell. */
    @Test
    void wilsonsShareNeverCountsFewerThanKMinOwners() {
        List<Owner> group = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            group.add(new Owner("linkedin", 100, i < 3 ? 80 : 10, 5, 10, null, false));
        }
        Comparison wilson = PublishedResults.compute(group, 10).get(3);
        assertThat(wilson.source()).isEqualTo(PublishedResults.WILSON);
        assertThat(wilson.found()).isEqualTo("fewer than 10 of 40").doesNotContain("7.5");
        assertThat(PublishedResults.share(12, 40, 10)).isEqualTo("30% (12 of 40)");
    }

    @Test
    void derivedTiesAreNotComparedWithWilson() {
        List<Owner> derived = OWNERS.stream().map(o -> new Owner(o.group(), o.nTies(), o.nInteracting(),
                o.nReciprocal(), o.outOnReciprocal(), o.layerSizes(), true)).toList();
        assertThat(PublishedResults.compute(derived, 2).get(3).found())
                .isEqualTo("not comparable: ties derived from interactions all have one");
    }

    @Test
    void saysWhenNoBinHasEnoughOwners() {
        List<Comparison> rows = PublishedResults.compute(OWNERS, 3);
        assertThat(rows.get(0).found()).isEqualTo("no bin has 3 owners with reciprocated ties");
        assertThat(rows.get(1).found()).isEqualTo("no circle has 3 owners");
        assertThat(rows.get(2).found()).isEqualTo("fewer than 3 ratios");
    }

    /**
     * published.csv leaves out a group of fewer than k_min owners with ties, but claims.csv's pooled C1 counts every
     * owner with a tie: on a generated population of LinkedIn and Facebook owners with 6 X owners, C1's owners minus
     * Wilson's owners of the groups shown were X's 6. The group of the platform the platform table hides with X is
     * hidden too, so neither the groups shown nor the platform table's owners of the platforms shown give X away.
     */
    @Test
    void thePooledOwnersMinusTheGroupsShownGiveNoLeftOutGroupAway() {
        List<OwnerRow> rows = new ArrayList<>(GeneratedOwners.rows(PlatformSuppressionTest.SMALL, 5, 120,
                List.of("linkedin", "facebook")));
        for (int i = 0; i < LEFT_OUT; i++) {
            OwnerRow r = rows.get(i);
            rows.set(i, new OwnerRow(r.exportId(), r.ownerId(), "twitter", r.sizeClass(), r.metrics(),
                    r.layerSizes(), r.layerRatios(), r.burst(), r.nonBurst(), r.note(), r.noNote(),
                    r.reactivationMonths(), r.relativeTime(), r.derivedTies()));
        }
        ClaimParams params = PlatformSuppressionTest.PARAMS;
        ClaimInputs inputs = ClaimInputs.of(rows);
        List<PlatformClaims.Row> claimRows = PlatformClaims.rows(Claims.evaluate(inputs, params),
                PlatformClaims.evaluate(inputs, params));
        PlatformSuppression.Decision platforms = PlatformSuppression.decide(inputs, claimRows, params.kMin());
        String claims = ReportCsv.claimRows(claimRows, params, c -> false, platforms);
        String published = ReportCsv.published(PublishedResults.compute(rows.stream()
                .map(PublishedResultsTest::owner).toList(), params.kMin(), platforms::hidesPlatform), params.kMin());
        assertThat(published).doesNotContain("twitter");
        assertThat(platforms.platforms()).contains("twitter").hasSize(2);
        assertThat(csv(published)).filteredOn(r -> platforms.hidesPlatform(r[0]))
                .isNotEmpty().allSatisfy(r -> assertThat(r[5]).as("owners of %s", r[0]).isEmpty());

        long pooled = Long.parseLong(cell(claims, "platform", PlatformClaims.POOLED, "claim_id", "C1", "n_owners"));
        long shown = 0;
        long byPlatformTable = 0;
        for (String[] row : csv(published)) {
            if (row[1].equals(PublishedResults.WILSON)) {
                shown += row[5].isEmpty() ? 0 : Long.parseLong(row[5]);
                byPlatformTable += row[5].isEmpty() && !platforms.hidesPlatform(row[0])
                        ? rows.stream().filter(o -> o.platform().equals(row[0])).count() : 0;
            }
        }
        assertThat(ReportCsv.suppressed(pooled - shown, params.kMin())).as("owners with ties in no group shown: %d",
                pooled - shown).isFalse();
        assertThat(ReportCsv.suppressed(pooled - shown - byPlatformTable, params.kMin())).isFalse();
    }

    /** An owner row as the comparison sees it: an interaction per active tie, 3 sent per reciprocated tie. */
    private static Owner owner(OwnerRow r) {
        long reciprocal = Math.round(r.get(OwnerMetric.N_RECIPROCAL));
        return new Owner(r.platform(), r.nTies(), Math.round(r.get(OwnerMetric.N_ACTIVE)), reciprocal,
                3 * reciprocal, r.layerSizes(), false);
    }

    /** A CSV's rows after the header, quoted fields blanked to "x". */
    private static List<String[]> csv(String text) {
        return text.lines().skip(1).map(l -> l.replaceAll("\"[^\"]*\"", "x").split(",", -1)).toList();
    }

    /** The cell of {@code column} in the row whose {@code key1} and {@code key2} columns hold the values given. */
    private static String cell(String text, String key1, String value1, String key2, String value2, String column) {
        List<String> header = List.of(text.lines().findFirst().orElseThrow().split(","));
        return csv(text).stream().filter(r -> r[header.indexOf(key1)].equals(value1)
                && r[header.indexOf(key2)].equals(value2)).findFirst().orElseThrow()[header.indexOf(column)];
    }
}
