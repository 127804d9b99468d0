package io.tiedepth.generate;

import io.tiedepth.model.Canonical.ExportRow;
import io.tiedepth.model.Canonical.InteractionRow;
import io.tiedepth.model.Canonical.InvitationRow;
import io.tiedepth.model.Canonical.TieRow;
import io.tiedepth.panels.OwnerPanels;
import io.tiedepth.panels.PanelRow;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A generated owner's within-owner panel ({@code features/panels}), and the panel the model determines.
 *
 * <p><b>Measured</b> ({@link #panel}): the owner's ties, interactions and invitations as the readers would emit them
 * (LinkedIn and Facebook ties dated, X ties undated and no invitations; {@code invited_by} from the latest listed
 * invitation with the contact, as the ingest resolves it), through {@link OwnerPanels#build}: what the features
 * stage computes on the written export.
 *
 * <p><b>Determined by the model</b> ({@link #truth}), computed from the model's own records without
 * {@link OwnerPanels}: ties held and gained per month from the connection dates; when C11 is planted
 * ({@link GeneratorParams.Effects#c11WithinOwnerReturns}) the active ties of each month, the activations of the 12
 * months ending with it ({@link SynthOwner.Activity}); when C12 is planted (every tie's invitation listed), the
 * direction of every new tie. The two must agree: a test of the generator and of the pipeline.
 *
 * <p>C11 and C12 are planted in the owner's events ({@link OwnerModel}: the messages, Invitations.csv), so the
 * measured panel carries them; nothing is drawn here.
 */
public final class SynthPanels {

    private SynthPanels() {
    }

    /**
     * One month of an owner's panel as the model determines it; a value the model does not determine is null.
     *
     * @param active12m            ties active in the 12 months ending with the month (C11 planted)
     * @param gainedDirectionKnown ties gained in the month whose invitation is listed (C12 planted)
     * @param gainedInbound        of those, the ones the contact invited (C12 planted)
     */
    public record TruthMonth(YearMonth month, long tiesHeld, long tiesGained, Long active12m,
                             Long gainedDirectionKnown, Long gainedInbound) {
    }

    /** The owner's panel: measured on its events as the readers emit them (class javadoc). */
    public static List<PanelRow> panel(SynthOwner o, OwnerTruth truth) {
        return measured(o, truth);
    }

    /**
     * The owner's panel as the model determines it (class javadoc), from the month of its first tie to the month of
     * its export; empty for an owner without dated ties (X).
     */
    public static List<TruthMonth> truth(SynthOwner o, GeneratorParams p) {
        if (!OwnerTruth.hasConnectionDates(o.platform()) || o.nTies() == 0) {
            return List.of();
        }
        Map<YearMonth, Long> gained = new TreeMap<>();
        Map<YearMonth, Long> known = new HashMap<>();
        Map<YearMonth, Long> inbound = new HashMap<>();
        Map<Integer, SynthOwner.Invitation> latest = latestInvitations(o.invitations());
        for (int i = 0; i < o.nTies(); i++) {
            YearMonth m = YearMonth.from(o.contacts().get(i).connectedAt().atZone(ZoneOffset.UTC));
            gained.merge(m, 1L, Long::sum);
            SynthOwner.Invitation v = latest.get(i);
            if (v != null) {
                known.merge(m, 1L, Long::sum);
                inbound.merge(m, v.outgoing() ? 0L : 1L, Long::sum);
            }
        }
        boolean directions = p.plantsAcceptingGrowth() && "linkedin".equals(o.platform());
        YearMonth first = gained.keySet().iterator().next();
        YearMonth last = YearMonth.from(o.exportAt().atZone(ZoneOffset.UTC));
        List<TruthMonth> out = new ArrayList<>();
        long held = 0;
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            long g = gained.getOrDefault(m, 0L);
            held += g;
            out.add(new TruthMonth(m, held, g, activeIn(o.activity(), m),
                    directions ? known.getOrDefault(m, 0L) : null, directions ? inbound.getOrDefault(m, 0L) : null));
        }
        return out;
    }

    /** The activations of the 12 months ending with {@code m}; null when C11 is not planted. */
    private static Long activeIn(SynthOwner.Activity a, YearMonth m) {
        if (!a.planted()) {
            return null;
        }
        long sum = 0;
        for (int k = 0; k < OwnerPanels.ACTIVE_WINDOW_MONTHS; k++) {
            int index = (int) a.first().until(m.minusMonths(k), ChronoUnit.MONTHS);
            if (index >= 0 && index < a.activated().size()) {
                sum += a.activated().get(index);
            }
        }
        return sum;
    }

    private static Map<Integer, SynthOwner.Invitation> latestInvitations(List<SynthOwner.Invitation> invitations) {
        Map<Integer, SynthOwner.Invitation> latest = new HashMap<>();
        for (SynthOwner.Invitation v : invitations) {
            latest.merge(v.contact(), v, (a, b) -> b.sentAt().isAfter(a.sentAt()) ? b : a);
        }
        return latest;
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
        Map<Integer, SynthOwner.Invitation> latest = latestInvitations(invitations);
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
}
