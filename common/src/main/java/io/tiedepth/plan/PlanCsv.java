package io.tiedepth.plan;

import io.tiedepth.claims.ReportCsv;
import io.tiedepth.plan.PowerPlan.ClaimPower;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code plan.csv} (one row per claim and candidate donor count) and {@code plan_needed.csv} (one row per claim
 * whose effect is planted), formatted as the report's CSVs ({@link ReportCsv#unsuppressed}: RFC 4180, 6
 * significant digits, empty when missing). Rows describe simulated populations, not owners, so nothing is
 * suppressed.
 */
public final class PlanCsv {
    public static final String CLAIM = "claim";
    /** What the design's truth is for the claim: planted, null, alternative or other ({@link PowerPlan#role}). */
    public static final String TRUTH = "truth";
    public static final String DONORS = "donors";
    public static final String POPULATIONS = "populations";
    public static final String SUPPORTED = "supported";
    public static final String CONTRADICTED = "contradicted";
    public static final String INCONCLUSIVE = "inconclusive";
    public static final String NOT_TESTABLE = "not_testable";
    /** Share of populations where the claim is supported: power, or the false-positive rate in a null world. */
    public static final String POWER = "power";
    public static final String POWER_CI_LOW = "power_ci_low";
    public static final String POWER_CI_HIGH = "power_ci_high";
    public static final String MEAN_CI_WIDTH = "mean_ci_width";
    public static final String POPULATIONS_WITH_CI = "populations_with_ci";
    public static final String MEAN_ESTIMATE = "mean_estimate";
    public static final String RESAMPLES = "resamples";
    public static final String SEED = "seed";
    public static final String TARGET_POWER = "target_power";
    public static final String SMALLEST_CANDIDATE = "smallest_candidate";
    /** Log-linear interpolation between the candidates around the target ({@link DonorsNeeded}). */
    public static final String INTERPOLATED = "interpolated_log_linear";
    public static final String ANSWER = "answer";

    static final List<String> PLAN_COLUMNS = List.of(CLAIM, TRUTH, DONORS, POPULATIONS, SUPPORTED, CONTRADICTED,
            INCONCLUSIVE, NOT_TESTABLE, POWER, POWER_CI_LOW, POWER_CI_HIGH, MEAN_CI_WIDTH, POPULATIONS_WITH_CI,
            MEAN_ESTIMATE, RESAMPLES, SEED);
    static final List<String> NEEDED_COLUMNS = List.of(CLAIM, TARGET_POWER, SMALLEST_CANDIDATE, INTERPOLATED,
            ANSWER);

    private PlanCsv() {
    }

    /** {@code plan.csv}. */
    public static String plan(PowerPlan.Result r) {
        List<Object[]> rows = new ArrayList<>();
        for (ClaimPower c : r.rows()) {
            rows.add(new Object[] {c.claimId(), truth(c.role()), c.donors(), c.populations(), c.supported(),
                c.contradicted(), c.inconclusive(), c.notTestable(), c.power(), c.powerLow(), c.powerHigh(),
                c.meanWidth(), c.withInterval(), c.meanEstimate(), r.settings().resamples(), r.settings().seed()});
        }
        return ReportCsv.unsuppressed(PLAN_COLUMNS, rows);
    }

    /** {@code plan_needed.csv}. */
    public static String needed(PowerPlan.Result r) {
        List<Object[]> rows = new ArrayList<>();
        for (DonorsNeeded n : r.needed()) {
            rows.add(new Object[] {n.claimId(), PowerPlan.TARGET_POWER, n.smallest() == 0 ? null : n.smallest(),
                n.interpolated(), n.text()});
        }
        return ReportCsv.unsuppressed(NEEDED_COLUMNS, rows);
    }

    /** The truth column's value: the role in lower case. */
    public static String truth(io.tiedepth.claims.RecoveryStudy.Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }
}
