package io.tiedepth.features;

import io.tiedepth.claims.SizeClass;
import io.tiedepth.model.Canonical;
import java.time.Instant;
import java.util.List;

/**
 * One row of {@code owner_metrics}: an analysed export, that is an owner × platform (README "Owner metrics").
 * Shares are null when their denominator is 0.
 *
 * @param export        the export's row (window, owner, platform, era, time origin, derived ties)
 * @param counts        counts over the export's tie features
 * @param concentration Gini and top-20 % share of the interactions over the ties
 * @param inbound       requests from non-ties in the recent half year
 * @param circles       the owner's Dunbar circles
 */
public record OwnerMetrics(Canonical.ExportRow export, TieCounts counts, Concentration concentration,
                           InboundRequests inbound, Circles circles) {
    /** Days per month of {@code inbound_requests_per_month}. */
    public static final double DAYS_PER_MONTH = 30.4375;

    public String exportId() {
        return export.exportId();
    }

    public String platform() {
        return export.platform();
    }

    public String ownerId() {
        return export.ownerId();
    }

    public String sizeClass() {
        return SizeClass.of(counts.ties());
    }

    public Double activeShare() {
        return ratio(counts.active(), counts.ties());
    }

    public Double reciprocalShare() {
        return ratio(counts.reciprocal(), counts.ties());
    }

    public Double interactionsPerTie() {
        return ratio(counts.tieInteractions(), counts.ties());
    }

    public Double burstShare() {
        return ratio(counts.burst(), counts.dated());
    }

    public Double outboundInitiationShare() {
        return ratio(counts.initiatedOut(), counts.initiated());
    }

    /**
     * inbound_requests / (min(observation_days, {@value InboundRequests#RECENT_DAYS}) / {@value #DAYS_PER_MONTH});
     * null under a day of observation or when the export lists no invitation at all.
     */
    public Double inboundRequestsPerMonth() {
        Double days = observationDays();
        if (days == null || !(days >= 1.0) || !inbound.listsInvitations()) {
            return null;
        }
        return inbound.count() / (Math.min(days, InboundRequests.RECENT_DAYS) / DAYS_PER_MONTH);
    }

    /** window_end − window_start in days; null when either is unknown. */
    public Double observationDays() {
        if (export.windowStart() == null || export.windowEnd() == null) {
            return null;
        }
        return EpochMicros.daysBetween(EpochMicros.of(export.windowStart()), EpochMicros.of(export.windowEnd()));
    }

    public Instant windowStart() {
        return export.windowStart();
    }

    public Instant windowEnd() {
        return export.windowEnd();
    }

    /** {@code absolute} unless the export says {@code relative} (tables written before the column read absolute). */
    public String timeOrigin() {
        return export.timeOrigin() == null ? Canonical.ExportRow.ABSOLUTE : export.timeOrigin();
    }

    public String derivedTies() {
        return export.derivedTies();
    }

    public String formatEra() {
        return export.formatEra();
    }

    public List<Integer> layerSizes() {
        return circles.sizes();
    }

    public List<Double> layerRatios() {
        return circles.ratios();
    }

    private static Double ratio(long num, long den) {
        return den > 0 ? (double) num / den : null;
    }
}
