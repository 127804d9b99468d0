package io.tiedepth.claims;

import io.tiedepth.stats.NormalInterval;
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
 * @param ciLowAdjusted lower bound of the interval adjusted like the verdict: the (1 − α·p/p_holm) interval, which
 *     excludes the null value exactly when the Holm-adjusted p is below α ({@link Claims#adjust}); NaN for claims
 *     without a confidence interval (C8)
 * @param ciHighAdjusted its upper bound
 * @param adjustedLevel the adjusted interval's coverage level 1 − α·p/p_holm
 * @param pValue p-value against the claim's null value (normal-theory bootstrap, or permutation for C8)
 * @param pHolm Holm-adjusted p over the testable claims
 * @param nullValue the value that separates supported from contradicted (e.g. 1 for an elasticity)
 * @param nOwners owners (exports) the statistic was computed on
 * @param nTies ties behind it (all ties of those owners, or the ties in the compared groups for C3 and C9)
 * @param verdict the verdict
 * @param reason why not testable or inconclusive; empty when supported or contradicted
 * @param definitionVersion {@link Claims#DEFINITION_VERSION}
 * @param extra further named results (C2's breakpoint and slopes, C4's elasticity &gt; 1, C10's proxy, ...)
 * @param inference the normal-theory bootstrap inference behind the interval and p (null when the claim has none);
 *     not written to the tables, used to compute the adjusted interval
 */
public record ClaimResult(String claimId, String seeds, String statement, String statistic, double estimate,
                          double ciLow, double ciHigh, double ciLowAdjusted, double ciHighAdjusted,
                          double adjustedLevel, double pValue, double pHolm, double nullValue, long nOwners,
                          long nTies, Verdict verdict, String reason, String definitionVersion,
                          Map<String, String> extra, NormalInterval inference) {

    /**
     * {@code extra} key of the t critical value's degrees of freedom ({@link NormalInterval#degreesOfFreedom}): about
     * the number of owners that carry the estimate; below {@link #FEW_EFFECTIVE_OWNERS} the interval rests on few.
     */
    public static final String INTERVAL_DF = "interval_df";

    /** Degrees of freedom below which the report warns that a handful of owners carry the estimate. */
    public static final double FEW_EFFECTIVE_OWNERS = 10;

    public ClaimResult {
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
        reason = reason == null ? "" : reason;
    }

    /** A claim that cannot be tested on these owners. */
    public static ClaimResult notTestable(Claim claim, ClaimParams params, String reason, long owners, long ties,
                                          Map<String, String> extra) {
        return new ClaimResult(claim.id(), claim.seeds(), claim.statement(), claim.statistic(params), Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, claim.nullValue(),
                owners, ties, Verdict.NOT_TESTABLE, reason, Claims.DEFINITION_VERSION, extra, null);
    }

    /**
     * A tested claim before the Holm adjustment (pHolm NaN, verdict provisional) whose interval and p come from a
     * normal-theory bootstrap inference: the 95 % interval of {@code inference} and its p against {@code nullValue}.
     */
    public static ClaimResult tested(Claim claim, ClaimParams params, NormalInterval inference, double nullValue,
                                     Verdict verdict, String reason, long owners, long ties,
                                     Map<String, String> extra) {
        double level = 1 - params.alpha();
        Map<String, String> withDf = new LinkedHashMap<>(extra);
        if (Double.isFinite(inference.degreesOfFreedom())) {
            withDf.put(INTERVAL_DF, Fmt.num(inference.degreesOfFreedom()));
        }
        return new ClaimResult(claim.id(), claim.seeds(), claim.statement(), claim.statistic(params),
                inference.estimate(), inference.lower(level), inference.upper(level), Double.NaN, Double.NaN,
                Double.NaN, inference.pValue(nullValue), Double.NaN, nullValue, owners, ties, verdict, reason,
                Claims.DEFINITION_VERSION, withDf, inference);
    }

    /**
     * The interval rule of DESIGN §7 on a normal-theory inference: supported when the 95 % interval lies on the
     * {@code claimed} side of {@code nullValue}, contradicted when it lies on the other side, else inconclusive with
     * the reason ("the 95% CI [..] contains θ₀", or why the statistic is undefined). The Holm step follows in
     * {@link Claims#adjust}.
     */
    public static ClaimResult byInterval(Claim claim, ClaimParams params, NormalInterval inference, double nullValue,
                                         Verdict.Side claimed, long owners, long ties, Map<String, String> extra) {
        ClaimResult r = tested(claim, params, inference, nullValue, Verdict.INCONCLUSIVE, "", owners, ties, extra);
        Verdict v = Verdict.byInterval(r.ciLow(), r.ciHigh(), nullValue, claimed);
        String reason = v != Verdict.INCONCLUSIVE ? ""
                : Double.isNaN(inference.estimate()) ? "the statistic is undefined on these owners"
                : Double.isNaN(r.ciLow()) ? "the bootstrap gave no spread: no interval"
                : "the 95% CI " + Fmt.interval(r.ciLow(), r.ciHigh()) + " contains " + Fmt.num(nullValue);
        return tested(claim, params, inference, nullValue, v, reason, owners, ties, extra);
    }

    /**
     * A tested claim without a confidence interval of its estimate (C8: a permutation test, whose band
     * {@code low..high} is the null's, not a confidence interval), before the Holm adjustment.
     */
    public static ClaimResult tested(Claim claim, ClaimParams params, double estimate, double low, double high,
                                     double pValue, double nullValue, Verdict verdict, String reason, long owners,
                                     long ties, Map<String, String> extra) {
        return new ClaimResult(claim.id(), claim.seeds(), claim.statement(), claim.statistic(params), estimate, low,
                high, Double.NaN, Double.NaN, Double.NaN, pValue, Double.NaN, nullValue, owners, ties, verdict, reason,
                Claims.DEFINITION_VERSION, extra, null);
    }

    public boolean testable() {
        return verdict != Verdict.NOT_TESTABLE;
    }

    /** This result with its Holm-adjusted p, final verdict and reason, and the interval adjusted like it. */
    ClaimResult withHolm(double adjusted, double[] adjustedInterval, double level, Verdict finalVerdict,
                         String finalReason) {
        return new ClaimResult(claimId, seeds, statement, statistic, estimate, ciLow, ciHigh, adjustedInterval[0],
                adjustedInterval[1], level, pValue, adjusted, nullValue, nOwners, nTies, finalVerdict, finalReason,
                definitionVersion, extra, inference);
    }
}
