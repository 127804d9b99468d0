package io.tiedepth.features;

import io.tiedepth.model.Canonical;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The features of one export, from its rows alone: its {@code tie_features} rows (with their Dunbar layers) and its
 * {@code owner_metrics} row. Plain Java, one sort of the export's interactions; the {@code features} command calls it
 * once per analysed export.
 */
public record ExportFeatures(List<TieFeature> tieFeatures, OwnerMetrics ownerMetrics) {

    public ExportFeatures {
        tieFeatures = List.copyOf(tieFeatures);
    }

    /**
     * @param export       the export's row (its window, owner and platform)
     * @param ties         its ties, once per contact
     * @param interactions its interactions, in any order
     * @param invitations  its invitations
     */
    public static ExportFeatures of(Canonical.ExportRow export, List<Canonical.TieRow> ties,
                                    List<Canonical.InteractionRow> interactions,
                                    List<Canonical.InvitationRow> invitations, FeatureParams p) {
        List<Interaction> sorted = new ArrayList<>(interactions.size());
        for (Canonical.InteractionRow i : interactions) {
            sorted.add(Interaction.of(i));
        }
        sorted.sort(Interaction.ORDER);
        List<TieFeature> rows = TieFeatures.of(export, ties, sorted, p);
        Circles circles = Circles.of(rows);
        Set<String> tieContacts = new HashSet<>();
        List<Long> tieCounts = new ArrayList<>(ties.size());
        for (TieFeature r : rows) {
            if (r.isTie()) {
                tieContacts.add(r.contactId());
                tieCounts.add(r.activity().interactions());
            }
        }
        OwnerMetrics metrics = new OwnerMetrics(export, TieCounts.of(rows),
                Concentration.of(tieCounts.stream().mapToLong(Long::longValue).toArray()),
                InboundRequests.of(export, invitations, sorted, tieContacts), circles);
        return new ExportFeatures(withLayers(rows, circles), metrics);
    }

    private static List<TieFeature> withLayers(List<TieFeature> rows, Circles circles) {
        if (circles.layerOf().isEmpty()) {
            return rows;
        }
        List<TieFeature> out = new ArrayList<>(rows.size());
        for (TieFeature r : rows) {
            out.add(r.isTie() ? r.withLayer(circles.layerOf().get(r.contactId())) : r);
        }
        return out;
    }
}
