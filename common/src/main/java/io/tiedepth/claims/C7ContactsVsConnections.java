package io.tiedepth.claims;

/**
 * C7, contacts vs connections (seed 004): the two-way share falls as networks grow.
 *
 * <p>Statistic: Spearman's ρ(n_ties, reciprocal_share) over owners with at least one tie, owner-bootstrap interval.
 * Supported when the 95 % interval lies below 0, contradicted when above 0. (With a fixed number of two-way ties, the
 * share falls mechanically as n_ties grows; C1 and C2 say whether the count itself keeps up.)
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
