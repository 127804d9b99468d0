package io.tiedepth.claims;

import static io.tiedepth.claims.SyntheticOwners.noise;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The conditions checked before every claim's own ({@link Reasons#ruledOut}, {@link Reasons#admitted}): the
 * not_testable reason names the first one that fails, and owners whose data cannot test a claim are left out of it.
 */
class DataLimitsTest {
    private static final ClaimParams P = ClaimParams.DEFAULTS.withResamples(200);
    private static final List<String> C1_TO_C9 = List.of("C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9");

    /** Owners with ties, interactions, messages and reactivation months: every claim has something to read. */
    private static List<OwnerRow> owners(int n, long seed, String platform, boolean relative, String derived) {
        List<OwnerRow> out = new ArrayList<>();
        for (OwnerRow r : SyntheticOwners.owners(n, seed, 5, 500, (o, ties, rng) -> o
                .set(OwnerMetric.N_ACTIVE, (double) Math.max(1, Math.round(Math.sqrt(ties) * noise(rng, 0.3))))
                .set(OwnerMetric.RECIPROCAL_SHARE, rng.nextDouble())
                .set(OwnerMetric.OUTBOUND_INITIATION_SHARE, rng.nextDouble())
                .set(OwnerMetric.INBOUND_REQUESTS_PER_MONTH, rng.nextDouble() * ties)
                .reactivationMonths(600, new long[] {1, 0, 2, 0, 1}))) {
            out.add(new OwnerRow(seed + r.exportId(), seed + r.ownerId(), platform, r.sizeClass(), r.metrics(),
                    null, null, null, null, null, null, r.reactivationMonths(), relative, derived));
        }
        return out;
    }

    private static ClaimResult claim(List<ClaimResult> results, String id) {
        return results.stream().filter(r -> r.claimId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void noOwnerWithTiesIsTheFirstReasonOfEveryClaimButC10() {
        List<OwnerRow> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(OwnerRow.builder("e" + i, "o" + i).platform("network").set(OwnerMetric.N_TIES, 0.0)
                    .set(OwnerMetric.OUTBOUND_INITIATION_SHARE, 0.5).set(OwnerMetric.INBOUND_REQUESTS_PER_MONTH, 3.0)
                    .build());
        }
        List<ClaimResult> r = Claims.evaluate(ClaimInputs.of(rows), P);
        for (String id : C1_TO_C9) {
            assertThat(claim(r, id).reason()).as(id).isEqualTo("no owner has ties (0 of 40 owners) (a network "
                    + "dataset without declared links needs \"derive_ties\" in its descriptor)");
            assertThat(claim(r, id).verdict()).isEqualTo(Verdict.NOT_TESTABLE);
        }
        assertThat(claim(r, "C10").reason()).startsWith("exports hold no value of a connection");
        rows.replaceAll(o -> new OwnerRow(o.exportId(), o.ownerId(), "linkedin", o.sizeClass(), o.metrics(), null,
                null, null, null, null, null, null));
        assertThat(claim(Claims.evaluate(ClaimInputs.of(rows), P), "C5").reason()).isEqualTo("no owner has ties (0 of 40 owners)");
    }

    @Test
    void derivedTiesRuleOutTheClaimsThatRelateTiesToInteractions() {
        List<ClaimResult> r = Claims.evaluate(ClaimInputs.of(owners(60, 1, "network", false, "contacts")), P);
        assertThat(claim(r, "C1").reason()).isEqualTo("ties are derived from interactions (derive_ties), so "
                + "n_active and n_ties are related by construction");
        assertThat(claim(r, "C2").reason()).isEqualTo(claim(r, "C1").reason());
        assertThat(claim(r, "C3").reason()).startsWith("ties are derived from interactions (derive_ties): a tie "
                + "starts at its first interaction");
        assertThat(claim(r, "C4").reason()).contains("inbound requests grow with ties by construction");
        assertThat(claim(r, "C9").reason()).endsWith("there are no invitations");
        for (String id : List.of("C5", "C7")) {
            assertThat(claim(r, id).verdict()).as(id).isNotEqualTo(Verdict.NOT_TESTABLE);
            assertThat(claim(r, id).nOwners()).as(id).isEqualTo(60);
        }
    }

    @Test
    void reciprocatedTiesRuleOutTheClaimsOnTheTwoWayShare() {
        List<ClaimResult> r = Claims.evaluate(ClaimInputs.of(owners(60, 2, "network", false, "reciprocated")), P);
        for (String id : List.of("C5", "C6", "C7")) {
            assertThat(claim(r, id).reason()).as(id).isEqualTo("ties are derived from reciprocated interactions "
                    + "(derive_ties: reciprocated), so every tie is two-way by construction");
        }
        assertThat(claim(r, "C8").reason()).doesNotContain("derive_ties");
    }

    @Test
    void relativeTimeRulesOutCalendarMonths() {
        List<ClaimResult> r = Claims.evaluate(ClaimInputs.of(owners(60, 3, "network", true, null)), P);
        assertThat(claim(r, "C8").reason()).isEqualTo("times are offsets from an unknown start (time_origin: "
                + "relative), so calendar months are unknown");
        assertThat(claim(r, "C1").verdict()).isNotEqualTo(Verdict.NOT_TESTABLE);
    }

    @Test
    void limitedOwnersAreLeftOutOfAClaimThatOthersCanTest() {
        List<OwnerRow> rows = new ArrayList<>(owners(50, 4, "linkedin", false, null));
        rows.addAll(owners(70, 5, "network", true, "contacts"));
        ClaimInputs all = ClaimInputs.of(rows);
        List<ClaimResult> r = Claims.evaluate(all, P);
        assertThat(claim(r, "C1").nOwners()).isEqualTo(50);
        assertThat(claim(r, "C5").nOwners()).isEqualTo(120);
        assertThat(Reasons.admitted("C8", all).size()).isEqualTo(50);
        assertThat(Reasons.admitted("C7", all)).isSameAs(all);
        assertThat(Reasons.ruledOut("C1", all, P)).isNull();
    }
}
