package io.tiedepth.panels;

import java.time.YearMonth;

/**
 * One row of {@code features/panels}: one analysed export (owner × platform) in one UTC calendar month, from the month
 * of its first dated tie to the month of its window end (that last month is partial: it ends at window_end). Built by
 * {@link OwnerPanels#build}; definitions in the README's "Within-owner panels".
 *
 * @param exportId the export
 * @param ownerId the owner's pseudonym
 * @param platform the export's platform
 * @param month the calendar month (UTC)
 * @param tiesHeld dated ties with connected_at before the month's end (ended ties included: their end is not dated)
 * @param tiesGained dated ties with connected_at in the month
 * @param active12m ties held at the month's end with at least one interaction in the 12 months ending with it
 * @param reciprocal12m ties held at the month's end with interactions in both directions in those 12 months
 * @param inboundRequests incoming invitations sent in the month; null where the export does not record it: an export
 *     that lists no invitation, and months before the month of its earliest listed invitation (LinkedIn lists only
 *     recent invitations)
 * @param gainedDirectionKnown ties gained in the month whose invitation direction is known ({@code invited_by}
 *     owner or contact); null when the export records no invitation direction at all
 * @param gainedInbound of those, ties the contact invited (the owner accepted); null likewise
 */
public record PanelRow(String exportId, String ownerId, String platform, YearMonth month, long tiesHeld,
                       long tiesGained, long active12m, long reciprocal12m, Long inboundRequests,
                       Long gainedDirectionKnown, Long gainedInbound) {

    /** Ties held at the end of the month before (the network size at which this month's ties were gained). */
    public long tiesHeldBefore() {
        return tiesHeld - tiesGained;
    }
}
