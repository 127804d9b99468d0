package io.tiedepth.claims;

/**
 * C7, contacts vs connections (seed 004): the two-way share falls as networks grow.
 *
 * <p><b>Estimand</b>: the population's Spearman correlation ρ(n_ties, reciprocal_share) over owners with at least one
 * tie. <b>Estimator</b>: Spearman's ρ with mid-ranks ({@link SpearmanClaim}), owner bootstrap, normal-theory interval
 * on Fisher's atanh scale. <b>Null</b> θ₀ = 0; supported when the 95 % interval lies below 0, contradicted when above,
 * then Holm. (With a fixed number of two-way ties, the share falls mechanically as n_ties grows; C1 and C2 say whether
 * the count itself keeps up.)
 */
public final class C7ContactsVsConnections extends SpearmanClaim {

    public C7ContactsVsConnections() {
        super(OwnerMetric.N_TIES, OwnerMetric.RECIPROCAL_SHARE, Verdict.Side.BELOW);
    }

    @Override
    public String id() {
        return "C7";
    }

    @Override
    public String seeds() {
        return "004";
    }

    @Override
    public String statement() {
        return "Contacts vs connections: the two-way share falls as networks grow";
    }

    @Override
    String missing(ClaimInputs all, ClaimInputs usable, ClaimParams params) {
        return Reasons.only(params, usable.size()) + " owners have at least one tie, need " + params.minOwners();
    }
}
