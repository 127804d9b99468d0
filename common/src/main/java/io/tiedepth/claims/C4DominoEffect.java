package io.tiedepth.claims;

import io.tiedepth.stats.Bootstrap;
import io.tiedepth.stats.Elasticity;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * C4, the domino effect (seed 000): a bigger network brings more inbound requests.
 *
 * <p>Statistic: the elasticity of inbound_requests_per_month (incoming invitations + conversations a contact
 * started, per 30.4375 days of observation) on n_ties, the OLS slope of log(y) on log(n_ties)
 * ({@link Elasticity#fit(double[], double[])}), over owners with at least one tie and at least one inbound request;
 * owners with none are outside the log's domain and are counted in {@code extra} (their exclusion is a limitation:
 * the estimate describes owners who receive requests at all). Supported when the 95 % owner-bootstrap interval lies
 * above 0, contradicted when below 0; {@code extra.elasticity_above_1} says whether the interval lies above 1
 * ("yes": requests grow faster than the network), below 1 ("no") or spans it ("undetermined").
 */
public final class C4DominoEffect implements Claim {

    @Override
    public String id() {
        return "C4";
    }

    @Override
    public String seeds() {
        return "000";
    }

    @Override
    public String statement() {
        return "Domino effect: a bigger network brings more inbound requests";
    }

    @Override
    public String statistic(ClaimParams params) {
        return "elasticity of inbound_requests_per_month on n_ties (OLS of log y on log n_ties, owners with y > 0); "
                + "supported if the 95% CI lies above 0, contradicted if below 0; reports whether it is above 1";
    }

    @Override
    public double nullValue() {
        return 0.0;
    }

    @Override
    public ClaimResult evaluate(ClaimInputs all, ClaimParams params) {
        ClaimInputs tied = all.where(r -> r.nTies() >= 1
                && !Double.isNaN(r.get(OwnerMetric.INBOUND_REQUESTS_PER_MONTH)));
        ClaimInputs in = tied.where(r -> r.get(OwnerMetric.INBOUND_REQUESTS_PER_MONTH) > 0);
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("owners_without_inbound_requests", params.owners(tied.size() - in.size()));
        if (in.size() < params.minOwners()) {
            String reason = in.size() == 0
                    ? "no inbound requests (incoming invitations or conversations started by a contact) in these exports"
                    : Reasons.only(params, in.size()) + " owners with ties have inbound requests, need "
                    + params.minOwners();
            return ClaimResult.notTestable(this, params, reason, in.size(), in.ties(), extra);
        }
        double[] x = in.column(OwnerMetric.N_TIES);
        double[] y = in.column(OwnerMetric.INBOUND_REQUESTS_PER_MONTH);
        Elasticity.Fit fit = Elasticity.fit(x, y);
        Bootstrap.Result e = OwnerBootstrap.run(in, rows -> new double[] {
            Elasticity.fit(ClaimInputs.pick(x, rows), ClaimInputs.pick(y, rows)).slope()}, params, id()).primary();
        extra.put("elasticity_above_1", e.lower() > 1 ? "yes" : e.upper() < 1 ? "no" : "undetermined");
        extra.put("r_squared", Fmt.num(fit.rSquared()));
        extra.put("undefined_replicates", Integer.toString(e.nanReplicates()));
        Verdict v = Verdict.byInterval(e.lower(), e.upper(), nullValue(), Verdict.Side.ABOVE);
        String reason = v == Verdict.INCONCLUSIVE ? Reasons.spans(e, nullValue()) : "";
        return ClaimResult.tested(this, params, fit.slope(), e.lower(), e.upper(), e.pValue(nullValue()), v, reason,
                in.size(), in.ties(), extra);
    }
}
