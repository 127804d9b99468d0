package io.tiedepth.claims;

import io.tiedepth.stats.Bootstrap;
import io.tiedepth.stats.Elasticity;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * C1, diminishing returns (seeds 000, 004): more connections bring proportionally less interaction.
 *
 * <p>Statistic: the elasticity β of log(1 + n_active) on log(n_ties) by OLS over owners with at least one tie
 * ({@link Elasticity#fit(double[], double[], boolean)}, natural logs). Supported when the 95 % owner-bootstrap
 * interval of β lies below 1 (active ties grow less than proportionally), contradicted when it lies above 1.
 * Reference for the design: Miritello et al. (2013) Soc. Netw. 35:89 (large networks do not get proportionally
 * more communication).
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
        return "elasticity beta of log(1+n_active) on log(n_ties), OLS over owners with at least one tie; "
                + "supported if the 95% CI lies below 1, contradicted if above 1";
    }

    @Override
    public double nullValue() {
        return 1.0;
    }

    @Override
    public ClaimResult evaluate(ClaimInputs all, ClaimParams params) {
        ClaimInputs in = all.where(r -> r.nTies() >= 1);
        if (in.size() < params.minOwners()) {
            return ClaimResult.notTestable(this, params, Reasons.only(params, in.size())
                    + " owners have at least one tie, need " + params.minOwners(), in.size(), in.ties(), Map.of());
        }
        double[] x = in.column(OwnerMetric.N_TIES);
        double[] y = in.column(OwnerMetric.N_ACTIVE);
        Elasticity.Fit fit = Elasticity.fit(x, y, true);
        OwnerBootstrap.Estimates b = OwnerBootstrap.run(in, rows -> new double[] {
            Elasticity.fit(ClaimInputs.pick(x, rows), ClaimInputs.pick(y, rows), true).slope()}, params, id());
        Bootstrap.Result beta = b.primary();
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("intercept", Fmt.num(fit.intercept()));
        extra.put("r_squared", Fmt.num(fit.rSquared()));
        extra.put("ols_slope_se", Fmt.num(fit.slopeStdErr()));
        extra.put("undefined_replicates", Integer.toString(beta.nanReplicates()));
        Verdict v = Verdict.byInterval(beta.lower(), beta.upper(), nullValue(), Verdict.Side.BELOW);
        String reason = v == Verdict.INCONCLUSIVE ? Reasons.spans(beta, nullValue()) : "";
        return ClaimResult.tested(this, params, fit.slope(), beta.lower(), beta.upper(), beta.pValue(nullValue()), v,
                reason, in.size(), in.ties(), extra);
    }
}
