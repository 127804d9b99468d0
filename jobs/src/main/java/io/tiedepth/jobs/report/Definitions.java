package io.tiedepth.jobs.report;

import java.util.List;

/** The definitions the page's numbers depend on (from README "Definitions"), as term / meaning pairs. */
final class Definitions {
    private Definitions() {
    }

    record Term(String term, String meaning) {
    }

    static final List<Term> ALL = List.of(
            new Term("owner", "the person who donated an export; one analysed export per owner and platform (the "
                    + "latest donation, status ok)"),
            new Term("tie", "owner × contact in the owner's connection, friend or follow lists; contacts without a "
                    + "tie (recruiters, message requests, mentions) are not counted"),
            new Term("n_ties", "ties of the owner"),
            new Term("contact_frequency", "interactions per year with the contact: n_interactions / (observed_days "
                    + "/ 365.25); observed_days runs from max(connected_at, window start) to the window end, at "
                    + "least 30"),
            new Term("active / n_active", "a tie with contact_frequency ≥ 1 (at least one interaction per year, "
                    + "as Dunbar et al. 2015); n_active counts them"),
            new Term("reciprocal / n_reciprocal", "at least one interaction in each direction; n_reciprocal counts "
                    + "ties of depth reciprocal or sustained"),
            new Term("depth", "none (no interaction) < one_way < reciprocal < sustained (reciprocal, and "
                    + "interactions in at least 3 distinct 30-day periods)"),
            new Term("size_class", "owners by n_ties: <50, 50-149, 150-499, 500-999, 1000-4999, 5000+"),
            new Term("mean_active_frequency", "mean contact_frequency of the owner's active ties"),
            new Term("interacted_within_180d", "any interaction within --response-days (180) of connected_at; "
                    + "unknown when the date is unknown or the window ends before connected_at + 180 days"),
            new Term("burst_accepted", "the tie is one of at least --burst-k (10) ties the owner gained on the same "
                    + "UTC calendar day (a \"yes to all\" burst)"),
            new Term("invitation note", "invitation_has_note: the invitation that made the tie carried a "
                    + "personal note (ties without an invitation record are left out)"),
            new Term("reactivation", "an inbound interaction after at least --dormancy-days (180) without any "
                    + "interaction with the contact; reactivated_at is its time"),
            new Term("Dunbar circles / layer", "nested circles of an owner's established active ties (observed for a "
                    + "year, or half the owner's longest observation in a shorter dataset) by contact frequency, 1 = "
                    + "innermost; sizes are cumulative (a circle includes those inside it)"),
            new Term("observation window", "first to last event over all files of an export"),
            new Term("estimate, 95 % CI", "the claim's statistic on all owners with the data, and its 95 % "
                    + "owner-bootstrap interval (normal-theory, from the bootstrap standard error); for C8 (a peak over "
                    + "months, which has no bootstrap interval) the effect ratio and its 2.5 %–97.5 % range under the "
                    + "permutation null"),
            new Term("Holm-adjusted CI", "the interval adjusted like the verdict: its level is 1 − 0.05·p/p_holm "
                    + "(e.g. 99.4 %), so it excludes the null value exactly when the Holm-adjusted p is below 0.05; "
                    + "none for C8, which has a permutation test and no confidence interval"),
            new Term("platform \"all\" / per platform", "claims are estimated on all owners; when two or more "
                    + "platforms each have at least min_owners owners, also on each such platform's owners (Holm "
                    + "within each platform)"),
            new Term("null value", "the value separating supported from contradicted"),
            new Term("verdict", "supported / contradicted when the Holm-adjusted interval lies on the claimed / "
                    + "other side of the null value (the Holm-adjusted p, across the testable claims, is below 0.05); "
                    + "else inconclusive; not_testable when too few owners have the data. An association across the "
                    + "donors studied, not an effect"),
            new Term("suppressed", "a cell describing fewer than k_min owners (but at least one) shows no number, "
                    + "nor does a cell hidden with it so that totals and other tables cannot give it away"));
}
