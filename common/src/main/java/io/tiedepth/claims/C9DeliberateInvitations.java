package io.tiedepth.claims;

import java.util.Map;

/**
 * C9, deliberate invitations (seeds 002, 004): invitations with a note lead to deeper ties.
 *
 * <p>Statistic: the risk ratio of reaching depth {@code reciprocal} (reciprocal or sustained), ties whose invitation
 * carried a note against ties whose invitation is known to have had none (ties with no invitation record are left
 * out), pooled over owners and bootstrapped over owners ({@link PooledRiskRatio}). Supported when the 95 % interval
 * lies above 1, contradicted when below 1. Needs invitation records: at least {@code min_owners} owners with
 * noted ties and {@code min_owners} with un-noted ones. An association: owners choose when to write a note.
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
        return "risk ratio of reaching depth reciprocal, ties invited with a note vs without, pooled over owners; "
                + "supported if the 95% CI lies above 1, contradicted if below 1";
    }

    @Override
    public double nullValue() {
        return 1.0;
    }

    @Override
    public ClaimResult evaluate(ClaimInputs all, ClaimParams params) {
        ClaimInputs in = all.where(r -> r.note().ties() + r.noNote().ties() > 0);
        long withNote = in.rows().stream().filter(r -> r.note().ties() > 0).count();
        long without = in.rows().stream().filter(r -> r.noNote().ties() > 0).count();
        long ties = in.rows().stream().mapToLong(r -> r.note().ties() + r.noNote().ties()).sum();
        if (withNote < params.minOwners() || without < params.minOwners()) {
            String reason = in.size() == 0
                    ? "no invitation data in these exports (no tie has a known invitation note)"
                    : Reasons.only(params, withNote) + " owners have ties invited with a note and "
                    + params.owners(without) + " owners ties invited without one, need " + params.minOwners() + " each";
            return ClaimResult.notTestable(this, params, reason, in.size(), ties, Map.of());
        }
        PooledRiskRatio.Evaluation e = PooledRiskRatio.evaluate(in, OwnerRow::note, OwnerRow::noNote, "note",
                "no_note", params, id());
        var rr = e.ratio();
        Verdict v = Verdict.byInterval(rr.lower(), rr.upper(), nullValue(), Verdict.Side.ABOVE);
        String reason = v == Verdict.INCONCLUSIVE ? Reasons.spans(rr, nullValue()) : "";
        return ClaimResult.tested(this, params, rr.estimate(), rr.lower(), rr.upper(), rr.pValue(nullValue()), v,
                reason, in.size(), ties, e.extra());
    }
}
