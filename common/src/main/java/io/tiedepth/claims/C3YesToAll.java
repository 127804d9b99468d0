package io.tiedepth.claims;

import java.util.Map;

/**
 * C3, "yes to all" (seed 002): ties accepted in a burst get less interaction.
 *
 * <p>Statistic: the risk ratio of "any interaction within {@code response_days} (180) of connecting", burst-accepted
 * ties (one of at least {@code burst_k} (10) ties the owner gained that calendar day) against the owner's other dated
 * ties, over ties whose whole response window lies inside the export's observation window; pooled over owners and
 * bootstrapped over owners ({@link PooledRiskRatio}). Supported when the 95 % interval lies below 1, contradicted
 * when above 1.
 *
 * <p>Needs connection dates: testable when at least {@code min_owners} owners have observable burst ties and at
 * least {@code min_owners} have observable non-burst ties.
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
        return "risk ratio of any interaction within " + params.responseDays() + " days of connecting, burst-accepted "
                + "(>= " + params.burstK() + " ties gained that day) vs other dated ties, pooled over owners; "
                + "supported if the 95% CI lies below 1, contradicted if above 1";
    }

    @Override
    public double nullValue() {
        return 1.0;
    }

    @Override
    public ClaimResult evaluate(ClaimInputs all, ClaimParams params) {
        ClaimInputs in = all.where(r -> r.burst().ties() + r.nonBurst().ties() > 0);
        long withBurst = in.rows().stream().filter(r -> r.burst().ties() > 0).count();
        long withOther = in.rows().stream().filter(r -> r.nonBurst().ties() > 0).count();
        long observableTies = in.rows().stream().mapToLong(r -> r.burst().ties() + r.nonBurst().ties()).sum();
        if (withBurst < params.minOwners() || withOther < params.minOwners()) {
            long dated = all.rows().stream().filter(r -> !Double.isNaN(r.get(OwnerMetric.BURST_SHARE))).count();
            String reason;
            if (dated == 0) {
                reason = "no connection dates in these exports (0 of " + params.owners(all.size())
                        + " owners have a dated tie), so no bursts and no response within " + params.responseDays()
                        + " days";
            } else {
                reason = Reasons.only(params, withBurst) + " owners have burst-accepted ties and "
                        + params.owners(withOther) + " owners other dated ties whose first " + params.responseDays()
                        + " days after connecting are observed, need " + params.minOwners() + " each";
            }
            return ClaimResult.notTestable(this, params, reason, in.size(), observableTies, Map.of());
        }
        PooledRiskRatio.Evaluation e = PooledRiskRatio.evaluate(in, OwnerRow::burst, OwnerRow::nonBurst, "burst",
                "non_burst", params, id());
        var rr = e.ratio();
        Verdict v = Verdict.byInterval(rr.lower(), rr.upper(), nullValue(), Verdict.Side.BELOW);
        String reason = v == Verdict.INCONCLUSIVE ? Reasons.spans(rr, nullValue()) : "";
        return ClaimResult.tested(this, params, rr.estimate(), rr.lower(), rr.upper(), rr.pValue(nullValue()), v,
                reason, in.size(), observableTies, e.extra());
    }
}
