package io.tiedepth.claims;

import io.tiedepth.stats.NormalInterval;
import java.util.Map;

/**
 * C9, deliberate invitations (seeds 002, 004): invitations with a note lead to deeper ties.
 *
 * <p><b>Estimand</b>: the within-owner risk ratio P(depth reciprocal or sustained | invitation with a note) /
 * P(same | invitation without a note), over ties with an invitation record (ties whose invitation is unknown are left
 * out). <b>Estimator</b>: Mantel–Haenszel risk ratio stratified by owner ({@link StratifiedRiskRatio}), owner bootstrap,
 * normal-theory interval on the log scale. <b>Null</b> θ₀ = 1; supported when the 95 % interval lies above 1,
 * contradicted when below, then Holm. Needs at least {@code min_owners} owners with ties of both kinds. An
 * association: owners choose when to write a note.
 */
public final class C9DeliberateInvitations implements Claim {

    @Override
    public String id() {
        return "C9";
    }

    @Override
    public String seeds() {
        return "002, 004";
    }

    @Override
    public String statement() {
        return "Deliberate invitations (with a note) lead to deeper ties";
    }

    @Override
    public String statistic(ClaimParams params) {
        return "Mantel-Haenszel risk ratio, stratified by owner, of reaching depth reciprocal, ties invited with a "
                + "note vs without; supported if the 95% CI lies above 1, contradicted if below 1";
    }

    @Override
    public double nullValue() {
        return 1.0;
    }

    private static ClaimInputs usable(ClaimInputs all) {
        return all.where(r -> r.note().ties() > 0 && r.noNote().ties() > 0);
    }

    @Override
    public double estimate(ClaimInputs all, ClaimParams params) {
        return StratifiedRiskRatio.estimate(usable(all), OwnerRow::note, OwnerRow::noNote);
    }

    @Override
    public ClaimResult evaluate(ClaimInputs all, ClaimParams params) {
        ClaimInputs in = usable(all);
        long ties = in.rows().stream().mapToLong(r -> r.note().ties() + r.noNote().ties()).sum();
        if (in.size() < params.minOwners()) {
            boolean anyInvitation = all.rows().stream().anyMatch(r -> r.note().ties() + r.noNote().ties() > 0);
            String reason = all.rows().stream().noneMatch(r -> r.nTies() > 0) ? Reasons.noTies(params, all)
                    : !anyInvitation ? "no invitation data in these exports (no tie has a known invitation note)"
                    : Reasons.only(params, in.size()) + " owners have both ties invited with a note and ties "
                    + "invited without one, need " + params.minOwners();
            return ClaimResult.notTestable(this, params, reason, in.size(), ties, Map.of());
        }
        StratifiedRiskRatio.Evaluation e = StratifiedRiskRatio.evaluate(in, OwnerRow::note, OwnerRow::noNote, "note",
                "no_note", params, id());
        return ClaimResult.byInterval(this, params, e.ratio(), nullValue(), Verdict.Side.ABOVE, in.size(), ties,
                e.extra());
    }
}
