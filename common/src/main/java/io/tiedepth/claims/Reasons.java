package io.tiedepth.claims;

import io.tiedepth.stats.Bootstrap;

/** Shared wording of reasons. */
final class Reasons {
    private Reasons() {
    }

    /** "only 12" or, below k_min, "fewer than 10" (a reason never names a small count). */
    static String only(ClaimParams params, long n) {
        return n > 0 && n < params.kMin() ? params.owners(n) : "only " + n;
    }

    /** "no owner has ties (0 of N owners)": the first condition every tie-based claim needs. */
    static String noTies(ClaimParams params, ClaimInputs all) {
        return "no owner has ties (0 of " + params.owners(all.size()) + " owners)";
    }

    /** Why an interval verdict is inconclusive. */
    static String spans(Bootstrap.Result r, double nullValue) {
        if (Double.isNaN(r.estimate())) {
            return "the statistic is undefined on these owners";
        }
        if (Double.isNaN(r.lower()) || Double.isNaN(r.upper())) {
            return "no bootstrap resample gave a defined statistic";
        }
        return "the 95% CI " + Fmt.interval(r.lower(), r.upper()) + " contains " + Fmt.num(nullValue);
    }
}
