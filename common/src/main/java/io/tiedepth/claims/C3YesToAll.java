package io.tiedepth.claims;

import io.tiedepth.stats.NormalInterval;
import java.util.Map;

/**
 * C3, "yes to all" (seed 002): ties accepted in a burst get less interaction.
 *
 * <p><b>Estimand</b>: the within-owner risk ratio P(any interaction within {@code response_days} (180) of connecting |
 * burst-accepted) / P(same | accepted on another day), over ties the owner <b>accepted</b> (invited_by = contact: the
 * seed is about accepting a pile of invitations) whose response window lies inside the observation window. A tie is
 * burst-accepted when it is one of at least {@code burst_k} (10) ties the owner gained that calendar day.
 *
 * <p><b>Estimator</b>: Mantel–Haenszel risk ratio stratified by owner ({@link StratifiedRiskRatio}), owner bootstrap,
 * normal-theory interval on the log scale. <b>Null</b> θ₀ = 1; supported when the 95 % interval lies below 1,
 * contradicted when above, then Holm.
 *
 * <p>Needs connection dates and invitation directions (LinkedIn's Invitations.csv covers only recent months):
 * testable when at least {@code min_owners} owners have observable accepted ties of both kinds.
 */
public final class C3YesToAll implements Claim {

    @Override
    public String id() {
        return "C3";
    }

    @Override
    public String seeds() {
        return "002";
    }

    @Override
    public String statement() {
        return "\"Yes to all\": ties accepted in a burst get less interaction";
    }

    @Override
    public String statistic(ClaimParams params) {
        return "Mantel-Haenszel risk ratio, stratified by owner, of any interaction within " + params.responseDays()
                + " days of connecting, burst-accepted (>= " + params.burstK() + " ties gained that day) vs other "
                + "ties the owner accepted (invited by the contact); supported if the 95% CI lies below 1, "
                + "contradicted if above 1";
    }

    @Override
    public double nullValue() {
        return 1.0;
    }

    private static ClaimInputs usable(ClaimInputs all) {
        return all.where(r -> r.burst().ties() > 0 && r.nonBurst().ties() > 0);
    }

    @Override
    public double estimate(ClaimInputs all, ClaimParams params) {
        return StratifiedRiskRatio.estimate(usable(all), OwnerRow::burst, OwnerRow::nonBurst);
    }

    @Override
    public ClaimResult evaluate(ClaimInputs all, ClaimParams params) {
        ClaimInputs in = usable(all);
        long observableTies = in.rows().stream().mapToLong(r -> r.burst().ties() + r.nonBurst().ties()).sum();
        if (in.size() < params.minOwners()) {
            long dated = all.rows().stream().filter(r -> !Double.isNaN(r.get(OwnerMetric.BURST_SHARE))).count();
            String reason;
            if (all.rows().stream().noneMatch(r -> r.nTies() > 0)) {
                reason = Reasons.noTies(params, all);
            } else if (dated == 0) {
                reason = "no connection dates in these exports (0 of " + params.owners(all.size())
                        + " owners have a dated tie), so no bursts and no response within " + params.responseDays()
                        + " days";
            } else {
                reason = Reasons.only(params, in.size()) + " owners have both burst-accepted and other accepted ties "
                        + "(invited by the contact) whose first " + params.responseDays()
                        + " days after connecting are observed, need " + params.minOwners();
            }
            return ClaimResult.notTestable(this, params, reason, in.size(), observableTies, Map.of());
        }
        StratifiedRiskRatio.Evaluation e = StratifiedRiskRatio.evaluate(in, OwnerRow::burst, OwnerRow::nonBurst, "burst",
                "non_burst", params, id());
        return ClaimResult.byInterval(this, params, e.ratio(), nullValue(), Verdict.Side.BELOW, in.size(),
                observableTies, e.extra());
    }
}
