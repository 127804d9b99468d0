package io.tiedepth.claims;

import io.tiedepth.stats.Elasticity;
import io.tiedepth.stats.NormalInterval;
import io.tiedepth.stats.PoissonRegression;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * C1, diminishing returns (seeds 000, 004): more connections bring proportionally less interaction.
 *
 * <p><b>Estimand</b>: the elasticity β of the conditional mean E[n_active | n_ties] with respect to n_ties, i.e. the
 * slope of the log-linear mean log E[n_active | n_ties] = α + β·log n_ties that fits the population best in Poisson
 * deviance (the pseudo-true value when the mean is not exactly a power law). β = 1: active ties grow in proportion
 * to the network; β &lt; 1: diminishing returns.
 *
 * <p><b>Estimator</b>: Poisson pseudo-maximum likelihood of n_active on log(n_ties) over owners with at least one tie
 * ({@link PoissonRegression}; Santos Silva &amp; Tenreyro 2006). It is consistent for β whatever the spread of
 * n_active given n_ties (binomial, overdispersed, many zeros), which the former OLS slope of log(1 + n_active) was
 * not: it estimated a different quantity, fell below 1 in exactly proportional worlds with small counts, and moved
 * with overdispersion. The OLS slope stays in {@code extra} as a descriptive figure.
 *
 * <p><b>Null and verdict</b>: θ₀ = 1. Owner bootstrap, normal-theory interval ({@link NormalInterval}); supported
 * when the 95 % interval lies below 1, contradicted when it lies above 1, then Holm.
 */
public final class C1DiminishingReturns implements Claim {

    @Override
    public String id() {
        return "C1";
    }

    @Override
    public String seeds() {
        return "000, 004";
    }

    @Override
    public String statement() {
        return "Diminishing returns: more connections bring proportionally less interaction";
    }

    @Override
    public String statistic(ClaimParams params) {
        return "elasticity of E[n_active | n_ties] by Poisson pseudo-maximum likelihood (PPML) of n_active on "
                + "log(n_ties), owners with at least one tie; supported if the 95% CI lies below 1, contradicted if "
                + "above 1";
    }

    @Override
    public double nullValue() {
        return 1.0;
    }

    /** The point estimate: the PPML elasticity over the owners with at least one tie (NaN when not estimable). */
    @Override
    public double estimate(ClaimInputs all, ClaimParams params) {
        ClaimInputs in = usable(all);
        return ppml(in).fit(in.allRows()).slope();
    }

    private static ClaimInputs usable(ClaimInputs all) {
        return all.where(r -> r.nTies() >= 1 && !Double.isNaN(r.get(OwnerMetric.N_ACTIVE)));
    }

    /** The PPML fit of n_active on log(n_ties), on any resample of the rows of {@code in}. */
    static PoissonRegression.Levels ppml(ClaimInputs in) {
        return new PoissonRegression.Levels(in.logColumn(OwnerMetric.N_TIES), in.column(OwnerMetric.N_ACTIVE), null);
    }

    @Override
    public ClaimResult evaluate(ClaimInputs all, ClaimParams params) {
        ClaimInputs in = usable(all);
        if (in.size() < params.minOwners()) {
            return ClaimResult.notTestable(this, params, Reasons.only(params, in.size())
                    + " owners have at least one tie, need " + params.minOwners(), in.size(), in.ties(), Map.of());
        }
        double[] y = in.column(OwnerMetric.N_ACTIVE);
        PoissonRegression.Levels fit = ppml(in);
        OwnerBootstrap.Estimates boot = OwnerBootstrap.run(in, rows -> new double[] {fit.fit(rows).slope()}, params,
                id());
        var b = boot.primary();
        Elasticity.Fit ols = Elasticity.fit(in.column(OwnerMetric.N_TIES), y, true);
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("ols_log1p_slope", Fmt.num(ols.slope()));
        extra.put("percentile_ci", Fmt.interval(b.lower(), b.upper()));
        extra.put("undefined_replicates", Integer.toString(b.nanReplicates()));
        return ClaimResult.byInterval(this, params, boot.primaryInterval(NormalInterval.Scale.IDENTITY),
                nullValue(), Verdict.Side.BELOW, in.size(), in.ties(), extra);
    }
}
