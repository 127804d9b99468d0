package io.tiedepth.claims;

import io.tiedepth.panels.PanelRow;
import io.tiedepth.stats.PoissonFixedEffects;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * C12, "mega-connectors grow by accepting" (seed 000: "mega-connectors do not start out being mega-connectors — they
 * evolve into it by virtue of responding positively to requests to connect"): within owners, the share of new ties
 * that came from inbound invitations (the contact invited, the owner accepted) rises with network size.
 *
 * <p><b>Estimand</b>: the within-owner elasticity γ of that share on ties held:
 * log E[inboundᵢₜ | knownᵢₜ, heldᵢ,ₜ₋₁, owner i] = αᵢ + log knownᵢₜ + γ·log heldᵢ,ₜ₋₁, where knownᵢₜ are the ties
 * gained in month t whose invitation direction is known, inboundᵢₜ those the contact invited, and heldᵢ,ₜ₋₁ the
 * ties held when the month began; αᵢ an owner fixed effect (how much an owner accepts, whatever the size). γ &gt; 0:
 * the inbound share rises as the owner's network grows.
 *
 * <p><b>Estimator</b>: conditional Poisson with owner fixed effects and the offset log knownᵢₜ
 * ({@link PoissonFixedEffects}; Hausman, Hall &amp; Griliches 1984; Wooldridge 1999) over the months with at least one
 * tie of known direction gained and at least one tie held before.
 *
 * <p><b>Data limit</b>: the direction of a tie is known only when the export lists its invitation. LinkedIn's
 * Invitations.csv lists only recent invitations (about 10 months in the exports measured, while Connections spans
 * years), Facebook only pending requests, X none; over a few recent months an owner's network hardly changes size, so
 * there is nothing within owners to compare. An owner counts only when the direction is known for at least
 * {@link #MIN_KNOWN_SHARE} of its dated ties, over at least two months; with fewer than min_owners such owners
 * carrying information the claim is {@code not_testable}, and the reason gives the share of dated ties whose
 * direction is known.
 *
 * <p><b>Null and verdict</b>: θ₀ = 0. Owner (cluster) bootstrap, normal-theory interval ({@link
 * io.tiedepth.stats.NormalInterval}); supported when the 95 % interval lies above 0, contradicted when below, then
 * Holm.
 */
public final class C12GrowByAccepting implements Claim {
    /** Share of an owner's dated ties whose invitation direction must be known for the owner to count. */
    public static final double MIN_KNOWN_SHARE = 0.5;

    @Override
    public String id() {
        return "C12";
    }

    @Override
    public String seeds() {
        return "000";
    }

    @Override
    public String statement() {
        return "Mega-connectors grow by accepting: as a network grows, more of its new ties come from invitations "
                + "the owner accepted";
    }

    @Override
    public String statistic(ClaimParams params) {
        return "within-owner elasticity of the share of new ties from inbound invitations on ties held, monthly "
                + "panels, conditional Poisson with owner fixed effects (offset: new ties of known direction), owners "
                + "with the direction known for at least " + Fmt.num(100 * MIN_KNOWN_SHARE) + "% of their ties; "
                + "supported if the 95% CI lies above 0, contradicted if below";
    }

    @Override
    public double nullValue() {
        return 0.0;
    }

    /** The months of one panel with new ties of known direction, as a group: x = log(held before), offset log known. */
    static PoissonFixedEffects.Group group(List<PanelRow> panel) {
        List<PanelRow> months = new ArrayList<>();
        for (PanelRow r : panel) {
            if (r.gainedDirectionKnown() != null && r.gainedDirectionKnown() >= 1 && r.tiesHeldBefore() >= 1) {
                months.add(r);
            }
        }
        double[] x = new double[months.size()];
        double[] y = new double[months.size()];
        double[] offset = new double[months.size()];
        for (int t = 0; t < x.length; t++) {
            PanelRow r = months.get(t);
            x[t] = Math.log(r.tiesHeldBefore());
            y[t] = r.gainedInbound();
            offset[t] = Math.log(r.gainedDirectionKnown());
        }
        return new PoissonFixedEffects.Group(x, y, offset);
    }

    /** Dated ties of a panel and those whose invitation direction is known. */
    record Coverage(long dated, long known) {
        static Coverage of(List<PanelRow> panel) {
            long dated = 0;
            long known = 0;
            for (PanelRow r : panel) {
                dated += r.tiesGained();
                known += r.gainedDirectionKnown() == null ? 0 : r.gainedDirectionKnown();
            }
            return new Coverage(dated, known);
        }

        boolean enough() {
            return dated > 0 && known >= MIN_KNOWN_SHARE * dated;
        }
    }

    private static ClaimInputs usable(ClaimInputs all) {
        return all.where(r -> Coverage.of(r.panel()).enough() && group(r.panel()).x().length >= 2);
    }

    @Override
    public double estimate(ClaimInputs all, ClaimParams params) {
        ClaimInputs in = usable(all);
        return PanelGroups.of(in, C12GrowByAccepting::group).fit(in.allRows()).slope();
    }

    @Override
    public ClaimResult evaluate(ClaimInputs all, ClaimParams params) {
        ClaimInputs in = usable(all);
        PanelGroups groups = PanelGroups.of(in, C12GrowByAccepting::group);
        PoissonFixedEffects.Fit whole = groups.fit(in.allRows());
        if (whole.informativeGroups() < params.minOwners()) {
            return ClaimResult.notTestable(this, params, tooFewReason(all, whole.informativeGroups(), params),
                    in.size(), in.ties(), Map.of());
        }
        return groups.tested(this, in, params, Verdict.Side.ABOVE, Map.of("known_direction_share",
                Fmt.num(knownShare(all))));
    }

    /** Share of all dated ties (over every owner given) whose invitation direction is known; NaN without any. */
    static double knownShare(ClaimInputs all) {
        long dated = 0;
        long known = 0;
        for (OwnerRow r : all.rows()) {
            Coverage c = Coverage.of(r.panel());
            dated += c.dated();
            known += c.known();
        }
        return dated == 0 ? Double.NaN : known / (double) dated;
    }

    private static String tooFewReason(ClaimInputs all, int informative, ClaimParams params) {
        double share = knownShare(all);
        String known = Double.isNaN(share) ? "no owner has dated ties"
                : "the invitation direction is known for " + Fmt.num(100 * share) + "% of the dated ties";
        return known + "; " + Reasons.only(params, informative) + " owners have it for at least "
                + Fmt.num(100 * MIN_KNOWN_SHARE) + "% of their ties over two or more months with new ties, need "
                + params.minOwners() + " (LinkedIn lists only recent invitations, about 10 months; Facebook only "
                + "pending requests; X none)";
    }
}
