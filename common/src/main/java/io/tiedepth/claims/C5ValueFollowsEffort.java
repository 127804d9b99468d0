package io.tiedepth.claims;

/**
 * C5, value follows effort (seed 001): owners who reach out get more two-way ties.
 *
 * <p><b>Estimand</b>: the population's Spearman correlation ρ(outbound_initiation_share, reciprocal_share) over owners
 * with at least one tie and at least one contact with a message (so that the initiation share is defined).
 * <b>Estimator</b>: Spearman's ρ with mid-ranks ({@link SpearmanClaim}), owner bootstrap, normal-theory interval on
 * Fisher's atanh scale. <b>Null</b> θ₀ = 0; supported when the 95 % interval lies above 0, contradicted when below,
 * then Holm. An association across owners, not an effect of reaching out.
 */
public final class C5ValueFollowsEffort extends SpearmanClaim {

    public C5ValueFollowsEffort() {
        super(OwnerMetric.OUTBOUND_INITIATION_SHARE, OwnerMetric.RECIPROCAL_SHARE, Verdict.Side.ABOVE);
    }

    @Override
    public String id() {
        return "C5";
    }

    @Override
    public String seeds() {
        return "001";
    }

    @Override
    public String statement() {
        return "Value follows effort: owners who reach out get more two-way ties";
    }

    @Override
    String missing(ClaimInputs all, ClaimInputs usable, ClaimParams params) {
        return usable.size() == 0 ? "no messages in these exports, so no owner has an outbound initiation share"
                : Reasons.only(params, usable.size()) + " owners have ties and messages (an initiation share), "
                + "need " + params.minOwners();
    }
}
