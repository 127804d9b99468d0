package io.tiedepth.claims;

import io.tiedepth.panels.PanelRow;
import io.tiedepth.stats.PoissonFixedEffects;
import java.util.List;
import java.util.Map;

/**
 * C11, within-owner diminishing returns (seeds 000, 004; issue 17): as one owner's network grows, their active ties
 * grow less than in proportion. C1 compares different owners at one moment, so network size is confounded with who
 * the owner is; C11 follows each owner month by month ({@code features/panels}) and compares an owner only with
 * themselves.
 *
 * <p><b>Estimand</b>: the within-owner elasticity β of log E[active₁₂ᵢₜ | ties heldᵢₜ, owner i] = αᵢ + β·log(ties
 * heldᵢₜ), with active₁₂ the ties held with an interaction in the 12 months ending with month t and αᵢ an owner
 * fixed effect (anything constant about the owner: profession, personality, platform habits); the pseudo-true value
 * of the conditional Poisson likelihood when the mean is not exactly of that form. β = 1: active ties grow in
 * proportion to the network within owners; β &lt; 1: diminishing returns.
 *
 * <p><b>Estimator</b>: the conditional (fixed-effects) Poisson estimator of Hausman, Hall &amp; Griliches (1984) over
 * every panel month with at least one tie held ({@link PoissonFixedEffects}); consistent whatever the distribution of
 * the counts given the mean, overdispersion and serial correlation included (Wooldridge 1999; PPML, Santos Silva
 * &amp; Tenreyro 2006). Owners whose panel has no active tie, or whose ties held never change, carry no information
 * and drop out.
 *
 * <p><b>Null and verdict</b>: θ₀ = 1, as C1. Owner (cluster) bootstrap, normal-theory interval with the jackknife
 * degrees of freedom ({@link io.tiedepth.stats.NormalInterval}); supported when the 95 % interval lies below 1,
 * contradicted when it lies above 1, then Holm. Not testable with fewer than min_owners informative owners.
 */
public final class C11WithinOwnerReturns implements Claim {

    @Override
    public String id() {
        return "C11";
    }

    @Override
    public String seeds() {
        return "000, 004";
    }

    @Override
    public String statement() {
        return "Within-owner diminishing returns: as one owner's network grows, their active ties grow less than "
                + "in proportion";
    }

    @Override
    public String statistic(ClaimParams params) {
        return "within-owner elasticity of active ties (an interaction in the past 12 months) on ties held, monthly "
                + "panels, conditional Poisson with owner fixed effects; supported if the 95% CI lies below 1, "
                + "contradicted if above 1";
    }

    @Override
    public double nullValue() {
        return 1.0;
    }

    /** The panel months of one export as a fixed-effects group: x = log(ties held), y = active ties. */
    static PoissonFixedEffects.Group group(List<PanelRow> panel) {
        List<PanelRow> held = panel.stream().filter(r -> r.tiesHeld() >= 1).toList();
        double[] x = new double[held.size()];
        double[] y = new double[held.size()];
        for (int t = 0; t < x.length; t++) {
            x[t] = Math.log(held.get(t).tiesHeld());
            y[t] = held.get(t).active12m();
        }
        return new PoissonFixedEffects.Group(x, y, null);
    }

    private static ClaimInputs usable(ClaimInputs all) {
        return all.where(r -> r.panel().size() >= 2);
    }

    @Override
    public double estimate(ClaimInputs all, ClaimParams params) {
        ClaimInputs in = usable(all);
        return PanelGroups.of(in, C11WithinOwnerReturns::group).fit(in.allRows()).slope();
    }

    @Override
    public ClaimResult evaluate(ClaimInputs all, ClaimParams params) {
        ClaimInputs in = usable(all);
        PanelGroups groups = PanelGroups.of(in, C11WithinOwnerReturns::group);
        PoissonFixedEffects.Fit whole = groups.fit(in.allRows());
        if (whole.informativeGroups() < params.minOwners()) {
            return ClaimResult.notTestable(this, params, Reasons.only(params, whole.informativeGroups())
                    + " owners have a monthly panel with an active tie and a change in ties held (dated ties and "
                    + "interactions), need " + params.minOwners(), in.size(), in.ties(), Map.of());
        }
        return groups.tested(this, in, params, Verdict.Side.BELOW, Map.of());
    }
}
