package io.tiedepth.generate;

import io.tiedepth.model.Canonical.ExportRow;
import io.tiedepth.model.Canonical.InteractionRow;
import io.tiedepth.model.Canonical.InvitationRow;
import io.tiedepth.model.Canonical.TieRow;
import io.tiedepth.panels.OwnerPanels;
import io.tiedepth.panels.PanelRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated owner's within-owner panel ({@code features/panels}), and the within-owner effects C11 and C12 planted
 * in it.
 *
 * <p><b>Measured</b>: the owner's ties, interactions and invitations as the readers would emit them (LinkedIn and
 * Facebook ties dated, X ties undated and no invitations; {@code invited_by} from the latest listed invitation with
 * the contact, as the ingest resolves it), through {@link OwnerPanels#build}.
 *
 * <p><b>Planted</b> (only when switched on, {@link GeneratorParams.Effects}; each from its own random stream of the
 * owner, so switching one does not move the other's draws or anything else of the owner):
 * <ul>
 *   <li>C11: each month's active ties are drawn as min(held, Poisson(A·(heldₜ / held_T)^β·e^(uₜ − σ²/2))), A the
 *       owner's planned n_active, held_T the ties held in the last month, uₜ a stationary AR(1) (ρ
 *       {@value #NOISE_RHO}, σ {@value #NOISE_SIGMA}), so E[activeₜ | owner] ∝ heldₜ^β within the owner, with
 *       overdispersion and serial correlation (up to the cap at heldₜ);</li>
 *   <li>C12: the direction of every new tie is known, and each is inbound with probability
 *       min(1, {@value #INBOUND_BASE_SHARE}·(held before the month / sizes.refSize)^γ).</li>
 * </ul>
 * The planted effects live in the panel only: the written exports are unchanged (their messages and Invitations.csv
 * follow the base model), so {@code features/panels} computed from written files shows the measured panel.
 */
public final class SynthPanels {
    static final long STREAM_C11 = 4;
    static final long STREAM_C12 = 5;
    static final double NOISE_RHO = 0.8;
    static final double NOISE_SIGMA = 0.15;
    static final double INBOUND_BASE_SHARE = 0.2;

    private SynthPanels() {
    }

    /** The owner's panel: measured, then the switched-on effects planted (class javadoc). */
    public static List<PanelRow> panel(SynthOwner o, OwnerTruth truth, GeneratorParams p, long seed) {
        List<PanelRow> rows = measured(o, truth);
        if (rows.isEmpty()) {
            return rows;
        }
        if (p.plantsWithinOwnerReturns()) {
            rows = plantActive(rows, p.withinOwnerElasticity(), o.plan().activeTarget(),
                    Rand.of(seed, o.index(), STREAM_C11));
        }
        if (p.plantsAcceptingGrowth()) {
            rows = plantInbound(rows, p.inboundShareElasticity(), p.sizes().refSize(),
                    Rand.of(seed, o.index(), STREAM_C12));
        }
        return rows;
    }

    /** The panel {@link OwnerPanels#build} computes on the owner's events as the readers emit them. */
    static List<PanelRow> measured(SynthOwner o, OwnerTruth truth) {
        String exportId = "synth-" + o.index();
        String ownerId = "owner-" + o.index();
        boolean dated = OwnerTruth.hasConnectionDates(o.platform());
        List<SynthOwner.Invitation> invitations = dated ? o.invitations() : List.of();
        ExportRow export = new ExportRow(exportId, exportId, ownerId, o.platform(), o.era(), "ok", 0, List.of(), 0,
                Instant.ofEpochSecond(truth.windowStart()), Instant.ofEpochSecond(truth.windowEnd()),
                o.exportAt(), "synthetic", List.of());
        return OwnerPanels.build(export, ties(o, invitations, dated, export), interactions(o, export),
                invitationRows(o, invitations, export));
    }

    private static List<TieRow> ties(SynthOwner o, List<SynthOwner.Invitation> invitations, boolean dated,
                                     ExportRow e) {
        Map<Integer, SynthOwner.Invitation> latest = new HashMap<>();
        for (SynthOwner.Invitation v : invitations) {
            latest.merge(v.contact(), v, (a, b) -> b.sentAt().isAfter(a.sentAt()) ? b : a);
        }
        List<TieRow> out = new ArrayList<>(o.nTies());
        for (int i = 0; i < o.nTies(); i++) {
            SynthOwner.Invitation v = latest.get(i);
            String invitedBy = v == null ? "unknown" : v.outgoing() ? "owner" : "contact";
            out.add(new TieRow(e.exportId(), e.platform(), e.ownerId(), "c" + i,
                    dated ? o.contacts().get(i).connectedAt() : null, "day", "connection", invitedBy, null, false));
        }
        return out;
    }

    private static List<InteractionRow> interactions(SynthOwner o, ExportRow e) {
        List<InteractionRow> out = new ArrayList<>();
        for (OwnerTruth.Interaction x : OwnerTruth.interactions(o)) {
            out.add(new InteractionRow(e.exportId(), e.platform(), e.ownerId(), "c" + x.contact(),
                    Instant.ofEpochSecond(x.at()), x.channel(), x.out() ? "out" : "in", null, false, null, null,
                    null));
        }
        return out;
    }

    private static List<InvitationRow> invitationRows(SynthOwner o, List<SynthOwner.Invitation> invitations,
                                                      ExportRow e) {
        List<InvitationRow> out = new ArrayList<>(invitations.size());
        for (SynthOwner.Invitation v : invitations) {
            out.add(new InvitationRow(e.exportId(), e.platform(), e.ownerId(), "c" + v.contact(), v.sentAt(),
                    v.outgoing() ? "out" : "in", v.noteWords() > 0));
        }
        return out;
    }

    /** C11: active ties drawn from the planted within-owner law (class javadoc). */
    static List<PanelRow> plantActive(List<PanelRow> rows, double beta, double target, Rand r) {
        double last = rows.get(rows.size() - 1).tiesHeld();
        double u = NOISE_SIGMA * r.normal();
        double innovation = NOISE_SIGMA * Math.sqrt(1 - NOISE_RHO * NOISE_RHO);
        List<PanelRow> out = new ArrayList<>(rows.size());
        for (PanelRow x : rows) {
            u = NOISE_RHO * u + innovation * r.normal();
            double mean = target * Math.pow(x.tiesHeld() / last, beta) * Math.exp(u - NOISE_SIGMA * NOISE_SIGMA / 2);
            long active = Math.min(x.tiesHeld(), r.poisson(mean));
            out.add(new PanelRow(x.exportId(), x.ownerId(), x.platform(), x.month(), x.tiesHeld(), x.tiesGained(),
                    active, x.reciprocal12m(), x.inboundRequests(), x.gainedDirectionKnown(), x.gainedInbound()));
        }
        return out;
    }

    /** C12: every new tie's direction known, inbound with the planted size-dependent probability. */
    static List<PanelRow> plantInbound(List<PanelRow> rows, double gamma, double refSize, Rand r) {
        List<PanelRow> out = new ArrayList<>(rows.size());
        for (PanelRow x : rows) {
            double share = Math.min(1, INBOUND_BASE_SHARE * Math.pow(Math.max(1, x.tiesHeldBefore()) / refSize,
                    gamma));
            long inbound = 0;
            for (long k = 0; k < x.tiesGained(); k++) {
                inbound += r.chance(share) ? 1 : 0;
            }
            out.add(new PanelRow(x.exportId(), x.ownerId(), x.platform(), x.month(), x.tiesHeld(), x.tiesGained(),
                    x.active12m(), x.reciprocal12m(), x.inboundRequests(), x.tiesGained(), inbound));
        }
        return out;
    }
}
