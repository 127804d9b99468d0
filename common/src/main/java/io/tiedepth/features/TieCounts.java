package io.tiedepth.features;

import java.util.List;

/**
 * The counts over one export's {@code tie_features} rows that {@code owner_metrics} is made of. Counts named
 * {@code n…} and {@code reactivations} are over ties; {@code contacts}, {@code interactions} and the initiation
 * counts are over every contact, ties or not.
 *
 * @param interactions    interactions with every contact ({@code owner_metrics.n_interactions})
 * @param tieInteractions interactions with ties
 * @param dated           ties with a connection date
 * @param burst           burst-accepted ties
 * @param initiated       contacts with a message
 * @param initiatedOut    contacts whose first message the owner sent
 */
public record TieCounts(long ties, long contacts, long active, long reciprocal, long sustained, long oneWay,
                        long interactions, long tieInteractions, long dated, long burst, long initiated,
                        long initiatedOut, long reactivations) {

    static TieCounts of(List<TieFeature> rows) {
        long ties = 0, active = 0, reciprocal = 0, sustained = 0, oneWay = 0, interactions = 0, tieInteractions = 0;
        long dated = 0, burst = 0, initiated = 0, initiatedOut = 0, reactivations = 0;
        for (TieFeature r : rows) {
            interactions += r.activity().interactions();
            String by = r.initiatedBy();
            initiated += by != null ? 1 : 0;
            initiatedOut += "owner".equals(by) ? 1 : 0;
            if (!r.isTie()) {
                continue;
            }
            Depth depth = r.depth();
            ties++;
            active += r.active() ? 1 : 0;
            reciprocal += depth == Depth.RECIPROCAL || depth == Depth.SUSTAINED ? 1 : 0;
            sustained += depth == Depth.SUSTAINED ? 1 : 0;
            oneWay += depth == Depth.ONE_WAY ? 1 : 0;
            tieInteractions += r.activity().interactions();
            dated += r.burstAccepted() != null ? 1 : 0;
            burst += Boolean.TRUE.equals(r.burstAccepted()) ? 1 : 0;
            reactivations += r.reactivations();
        }
        return new TieCounts(ties, rows.size(), active, reciprocal, sustained, oneWay, interactions, tieInteractions,
                dated, burst, initiated, initiatedOut, reactivations);
    }
}
