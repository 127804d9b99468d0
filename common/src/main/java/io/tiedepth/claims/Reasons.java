package io.tiedepth.claims;

import java.util.Map;
import java.util.Set;

/**
 * Shared wording of reasons, and the conditions checked for every claim before its own statistic, so that a
 * {@code not_testable} reason names the first condition that fails, in the user's terms:
 * <ol>
 *   <li><b>no owner has ties</b> (every claim but C10 is about ties; a network dataset without declared links and
 *       without {@code derive_ties} has none);</li>
 *   <li><b>data limits</b> of an owner's export, which make a claim meaningless on it: ties derived from
 *       interactions ({@code derive_ties}: ties and interactions are then related by construction) and relative
 *       times ({@code "time_origin": "relative"}: calendar months are unknown). Such owners are left out of that
 *       claim; when none remains, the claim is not testable with the limit as its reason.</li>
 * </ol>
 */
final class Reasons {
    private static final String DERIVED = "ties are derived from interactions (derive_ties)";
    /** Claims that no derived tie can test, with why. */
    private static final Map<String, String> DERIVED_LIMITS = Map.of(
            "C1", DERIVED + ", so n_active and n_ties are related by construction",
            "C2", DERIVED + ", so n_active and n_ties are related by construction",
            "C3", DERIVED + ": a tie starts at its first interaction, so no tie was accepted in a burst and every "
                    + "tie interacts at once",
            "C4", DERIVED + ": a contact who opens a conversation becomes a tie, so inbound requests grow with ties "
                    + "by construction",
            "C9", DERIVED + ": there are no invitations",
            "C11", DERIVED + ", so a tie starts at its first interaction and active and held ties are related by "
                    + "construction",
            "C12", DERIVED + ": there are no invitations");
    /** Claims about the two-way share, which ties derived from reciprocated interactions fix at 1. */
    private static final Set<String> RECIPROCITY_CLAIMS = Set.of("C5", "C6", "C7");
    private static final String RECIPROCATED = "ties are derived from reciprocated interactions (derive_ties: "
            + "reciprocated), so every tie is two-way by construction";
    /** Claims on calendar months. */
    private static final Set<String> CALENDAR_CLAIMS = Set.of("C8", "C11", "C12");
    private static final String RELATIVE = "times are offsets from an unknown start (time_origin: relative), so "
            + "calendar months are unknown";

    private Reasons() {
    }

    /**
     * Why no owner of {@code all} can test claim {@code claimId}, checked before the claim's own conditions (class
     * javadoc); null when some owner can, and when there are no owners at all (the claim's own reason then says so).
     * C10 is exempt (its reason is always its own).
     */
    static String ruledOut(String claimId, ClaimInputs all, ClaimParams params) {
        if (claimId.equals("C10") || all.size() == 0) {
            return null;
        }
        if (all.rows().stream().noneMatch(r -> r.nTies() > 0)) {
            return noTies(params, all) + (all.rows().stream().anyMatch(r -> r.platform().equals("network"))
                    ? " (a network dataset without declared links needs \"derive_ties\" in its descriptor)" : "");
        }
        if (admitted(claimId, all).rows().stream().noneMatch(r -> r.nTies() > 0)) {
            return all.rows().stream().filter(r -> r.nTies() > 0).map(r -> limit(claimId, r))
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        }
        return null;
    }

    /** The owners whose data can test claim {@code claimId} (no data limit applies to them). */
    static ClaimInputs admitted(String claimId, ClaimInputs all) {
        return all.rows().stream().allMatch(r -> limit(claimId, r) == null) ? all
                : all.where(r -> limit(claimId, r) == null);
    }

    /** Why one owner's export cannot test claim {@code claimId}; null when it can. */
    static String limit(String claimId, OwnerRow r) {
        if (r.derivedTies() != null && DERIVED_LIMITS.containsKey(claimId)) {
            return DERIVED_LIMITS.get(claimId);
        }
        if ("reciprocated".equals(r.derivedTies()) && RECIPROCITY_CLAIMS.contains(claimId)) {
            return RECIPROCATED;
        }
        if (r.relativeTime() && CALENDAR_CLAIMS.contains(claimId)) {
            return RELATIVE;
        }
        return null;
    }

    /** "only 12" or, below k_min, "fewer than 10" (a reason never names a small count). */
    static String only(ClaimParams params, long n) {
        return n > 0 && n < params.kMin() ? params.owners(n) : "only " + n;
    }

    /** "no owner has ties (0 of N owners)": the first condition every tie-based claim needs. */
    static String noTies(ClaimParams params, ClaimInputs all) {
        return "no owner has ties (0 of " + params.owners(all.size()) + " owners)";
    }
}
