package io.tiedepth.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Risk ratio of two proportions with a log-scale Wald interval (Katz, Baptista, Azen &amp; Pike 1978, "Obtaining
 * confidence intervals for the risk ratio in cohort studies", Biometrics 34:469–474). Used by claims C3 (burst vs
 * non-burst ties) and C9 (note vs no note); the claims engine bootstraps over owners for its intervals, this gives
 * the pooled point estimate and the tie-level interval.
 *
 * @param ratio RR = (a/n_A) / (b/n_B)
 * @param lower lower bound exp(ln RR − z·SE), 0 when a or b is 0
 * @param upper upper bound exp(ln RR + z·SE), +∞ when a or b is 0
 * @param level nominal coverage
 * @param logStdErr SE = √(1/a − 1/n_A + 1/b − 1/n_B), the Katz standard error of ln RR (+∞ when a or b is 0)
 * @param pValue two-sided Wald p-value of ln RR = 0, 2·Φ(−|ln RR|/SE); NaN when a or b is 0
 * @param eventsA a, events in group A
 * @param totalA n_A, size of group A
 * @param eventsB b, events in group B
 * @param totalB n_B, size of group B
 */
public record RiskRatio(double ratio, double lower, double upper, double level, double logStdErr, double pValue,
        long eventsA, long totalA, long eventsB, long totalB) {

    /** {@link #of(long, long, long, long, double)} at the 95 % level. */
    public static RiskRatio of(long eventsA, long totalA, long eventsB, long totalB) {
        return of(eventsA, totalA, eventsB, totalB, 0.95);
    }

    /**
     * Risk ratio of group A to group B. No continuity correction: with a zero event count the ratio is 0 or +∞ (NaN
     * if both are 0) and the interval is the uninformative [0, +∞].
     *
     * @throws IllegalArgumentException if a count is negative, events exceed their total, a total is 0, or level is
     *     not in (0, 1)
     */
    public static RiskRatio of(long eventsA, long totalA, long eventsB, long totalB, double level) {
        if (eventsA < 0 || eventsB < 0 || totalA < 1 || totalB < 1 || eventsA > totalA || eventsB > totalB
                || !(level > 0 && level < 1)) {
            throw new IllegalArgumentException("Cannot compute risk ratio: need 0 ≤ events ≤ total, total ≥ 1 and "
                    + "0 < level < 1, got " + eventsA + "/" + totalA + " vs " + eventsB + "/" + totalB + ", level "
                            + level);
        }
        double ratio = ((double) eventsA / totalA) / ((double) eventsB / totalB);
        if (eventsA == 0 || eventsB == 0) {
            return new RiskRatio(ratio, 0.0, Double.POSITIVE_INFINITY, level, Double.POSITIVE_INFINITY, Double.NaN,
                    eventsA, totalA, eventsB, totalB);
        }
        double se = Math.sqrt(1.0 / eventsA - 1.0 / totalA + 1.0 / eventsB - 1.0 / totalB);
        NormalDistribution normal = new NormalDistribution(null, 0.0, 1.0);
        double z = normal.inverseCumulativeProbability(0.5 + level / 2.0);
        double logRatio = Math.log(ratio);
        double p = se > 0 ? 2.0 * normal.cumulativeProbability(-Math.abs(logRatio) / se)
                : (logRatio == 0 ? 1.0 : 0.0);
        return new RiskRatio(ratio, Math.exp(logRatio - z * se), Math.exp(logRatio + z * se), level, se, p, eventsA,
                totalA, eventsB, totalB);
    }
}
