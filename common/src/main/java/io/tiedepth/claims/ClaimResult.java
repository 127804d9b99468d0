package io.tiedepth.claims;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of {@code stats/claims} and {@code claims.csv}. Numbers that do not apply are NaN (written as null /
 * empty).
 *
 * @param claimId C1..C10
 * @param seeds the seed posts the claim comes from (e.g. "000, 004")
 * @param statement the claim in words
 * @param statistic how it is tested, with the parameters used
 * @param estimate the statistic on all owners with the data
 * @param ciLow lower bound of the 95 % owner-bootstrap percentile interval
 * @param ciHigh upper bound
 * @param pValue p-value against the claim's null value (bootstrap, or permutation for C8)
 * @param pHolm Holm-adjusted p over the testable claims
 * @param nullValue the value that separates supported from contradicted (e.g. 1 for an elasticity)
 * @param nOwners owners (exports) the statistic was computed on
 * @param nTies ties behind it (all ties of those owners, or the ties in the compared groups for C3 and C9)
 * @param verdict the verdict
 * @param reason why not testable or inconclusive; empty when supported or contradicted
 * @param definitionVersion {@link Claims#DEFINITION_VERSION}
 * @param extra further named results (C2's breakpoint and slopes, C4's elasticity &gt; 1, C10's proxy, ...)
 */
public record ClaimResult(String claimId, String seeds, String statement, String statistic, double estimate,
                          double ciLow, double ciHigh, double pValue, double pHolm, double nullValue, long nOwners,
                          long nTies, Verdict verdict, String reason, String definitionVersion,
                          Map<String, String> extra) {

    public ClaimResult {
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
        reason = reason == null ? "" : reason;
    }

    /** A claim that cannot be tested on these owners. */
    public static ClaimResult notTestable(Claim claim, ClaimParams params, String reason, long owners, long ties,
                                          Map<String, String> extra) {
        return new ClaimResult(claim.id(), claim.seeds(), claim.statement(), claim.statistic(params), Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, claim.nullValue(), owners, ties, Verdict.NOT_TESTABLE,
                reason, Claims.DEFINITION_VERSION, extra);
    }

    /** A tested claim before the Holm adjustment (pHolm NaN, verdict provisional). */
    public static ClaimResult tested(Claim claim, ClaimParams params, double estimate, double ciLow, double ciHigh,
                                     double pValue, Verdict verdict, String reason, long owners, long ties,
                                     Map<String, String> extra) {
        return new ClaimResult(claim.id(), claim.seeds(), claim.statement(), claim.statistic(params), estimate, ciLow,
                ciHigh, pValue, Double.NaN, claim.nullValue(), owners, ties, verdict, reason,
                Claims.DEFINITION_VERSION, extra);
    }

    public boolean testable() {
        return verdict != Verdict.NOT_TESTABLE;
    }

    /** This result with a data-dependent null value (C1's proportional reference β₀). */
    ClaimResult withNullValue(double value) {
        return new ClaimResult(claimId, seeds, statement, statistic, estimate, ciLow, ciHigh, pValue, pHolm, value,
                nOwners, nTies, verdict, reason, definitionVersion, extra);
    }

    ClaimResult withHolm(double adjusted, Verdict finalVerdict, String finalReason) {
        return new ClaimResult(claimId, seeds, statement, statistic, estimate, ciLow, ciHigh, pValue, adjusted,
                nullValue, nOwners, nTies, finalVerdict, finalReason, definitionVersion, extra);
    }
}
