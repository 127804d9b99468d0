package io.tiedepth.claims;

import io.tiedepth.schema.Columns;

/**
 * The numeric owner-level quantities the claims stage reads for every owner (DESIGN §6; definitions in the README's
 * "Definitions"). Cohorts summarise each of them; adding a metric here adds it to {@code stats/cohorts}.
 */
public enum OwnerMetric {
    N_TIES(Columns.N_TIES),
    N_ACTIVE(Columns.N_ACTIVE),
    N_RECIPROCAL(Columns.N_RECIPROCAL),
    N_SUSTAINED(Columns.N_SUSTAINED),
    ACTIVE_SHARE(Columns.ACTIVE_SHARE),
    RECIPROCAL_SHARE(Columns.RECIPROCAL_SHARE),
    INTERACTIONS_PER_TIE(Columns.INTERACTIONS_PER_TIE),
    /** Mean contact frequency (interactions per year) of the owner's active ties; NaN without active ties. */
    MEAN_ACTIVE_FREQUENCY(Columns.MEAN_ACTIVE_FREQUENCY),
    INTERACTION_GINI(Columns.GINI),
    TOP20_SHARE(Columns.TOP20_SHARE),
    BURST_SHARE(Columns.BURST_SHARE),
    OUTBOUND_INITIATION_SHARE(Columns.OUTBOUND_INITIATION_SHARE),
    INBOUND_REQUESTS_PER_MONTH(Columns.INBOUND_REQUESTS_PER_MONTH),
    REACTIVATIONS(Columns.REACTIVATIONS),
    OBSERVATION_DAYS(Columns.OBSERVATION_DAYS),
    N_LAYERS(Columns.N_LAYERS);

    private final String column;

    OwnerMetric(String column) {
        this.column = column;
    }

    /** The owner_metrics (or claims input) column this metric is read from. */
    public String column() {
        return column;
    }
}
