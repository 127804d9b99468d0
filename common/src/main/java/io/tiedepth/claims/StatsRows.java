package io.tiedepth.claims;

import io.tiedepth.schema.StatsTables;

/**
 * The values of one row of each {@code stats/} table, in the column order of its {@link StatsTables} schema
 * (String, Double — NaN for missing —, Long, Integer, Boolean, and a {@code Map<String, String>} for extras). The
 * Parquet writer and the CSV writer both start from these.
 */
public final class StatsRows {
    private StatsRows() {
    }

    /** {@link StatsTables#CLAIMS} of a pooled claim (platform {@value PlatformClaims#POOLED}). */
    public static Object[] claim(ClaimResult c, ClaimParams params) {
        return claim(new PlatformClaims.Row(PlatformClaims.POOLED, c), params);
    }

    /**
     * {@link StatsTables#CLAIMS} of a pooled or per-platform claim; {@code seed} is the run's ({@code params}), from
     * which the platform's stream derives ({@link PlatformClaims#paramsFor}).
     */
    public static Object[] claim(PlatformClaims.Row row, ClaimParams params) {
        ClaimResult c = row.claim();
        return new Object[] {c.claimId(), c.seeds(), c.statement(), c.statistic(), c.nullValue(), c.estimate(),
            c.ciLow(), c.ciHigh(), c.ciLowAdjusted(), c.ciHighAdjusted(), c.adjustedLevel(), c.pValue(), c.pHolm(), c.nOwners(), c.nTies(), c.verdict().label(), c.reason(),
            c.extra(), c.definitionVersion(), params.seed(), params.resamples(), row.platform()};
    }

    /** {@link StatsTables#COHORTS}; {@code suppressed}: whether the reports hide the cell. */
    public static Object[] cohort(Cohorts.Cell c, boolean suppressed) {
        return new Object[] {c.grouping(), c.cohort(), c.binLower(), c.binUpper(), c.metric(), c.owners(),
            c.median(), c.q1(), c.q3(), c.mean(), c.meanCiLow(), c.meanCiHigh(), c.ciMethod(), suppressed};
    }

    /** {@link StatsTables#CURVES}; {@code suppressed}: whether the reports hide the bin. */
    public static Object[] curve(Curves.Point p, boolean suppressed) {
        return new Object[] {p.metric(), p.binIndex(), p.binLower(), p.binUpper(), p.center(), p.owners(),
            p.meanNTies(), p.mean(), p.standardError(), p.median(), p.q1(), p.q3(), p.peak(), suppressed};
    }

    /** {@link StatsTables#LAYERS}; {@code suppressed}: whether the reports hide the row. */
    public static Object[] layer(LayerTable.Row r, boolean suppressed) {
        return new Object[] {r.group(), r.layer(), r.owners(), r.medianSize(), r.q1Size(), r.q3Size(), r.meanSize(),
            r.medianRatio(), r.q1Ratio(), r.q3Ratio(), r.referenceSize(), r.referenceRatio(), suppressed};
    }
}
