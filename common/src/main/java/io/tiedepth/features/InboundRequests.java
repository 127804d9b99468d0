package io.tiedepth.features;

import io.tiedepth.model.Canonical;
import io.tiedepth.schema.Columns;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Requests from people who were not ties in an export's last {@value #RECENT_DAYS} days (window_end −
 * {@value #RECENT_DAYS} days, window_end] (README "Owner metrics"): incoming invitations, and conversations (a
 * thread; a contact's messages where the platform has no threads) whose first message, among the messages of
 * contacts who are not ties, came in. Conversations opened by ties are not requests (their number grows with the
 * number of ties at any fixed rate per tie, which would make claim C4 hold mechanically).
 *
 * @param count            {@code inbound_requests}
 * @param listsInvitations the export lists at least one invitation (X archives and network datasets list none:
 *                         their per-month rate is then unknown, not zero)
 */
public record InboundRequests(long count, boolean listsInvitations) {
    /** Half a year: every export covers it, while LinkedIn's Invitations.csv lists only recent months. */
    public static final double RECENT_DAYS = Columns.INBOUND_WINDOW_DAYS;

    static InboundRequests of(Canonical.ExportRow export, List<Canonical.InvitationRow> invitations,
                              List<Interaction> interactions, Set<String> tieContacts) {
        if (export.windowEnd() == null) {
            return new InboundRequests(0, !invitations.isEmpty());
        }
        double recent = EpochMicros.seconds(EpochMicros.of(export.windowEnd())) - RECENT_DAYS * 86_400;
        long invited = 0;
        for (Canonical.InvitationRow i : invitations) {
            if (Interaction.IN.equals(i.direction()) && i.sentAt() != null
                    && isRecent(EpochMicros.seconds(EpochMicros.of(i.sentAt())), recent)) {
                invited++;
            }
        }
        return new InboundRequests(invited + openedByNonTies(interactions, tieContacts, recent),
                !invitations.isEmpty());
    }

    /** Conversations whose first message from a non-tie came in, within the recent window. */
    private static long openedByNonTies(List<Interaction> interactions, Set<String> tieContacts, double recent) {
        Map<String, Long> firstKey = new HashMap<>();
        for (Interaction i : interactions) {
            if (i.isMessage() && !tieContacts.contains(i.contactId())) {
                firstKey.merge(i.conversation(), i.directionKey(), Math::min);
            }
        }
        long opened = 0;
        for (long key : firstKey.values()) {
            boolean in = Math.floorMod(key, 2L) == 0;
            opened += in && isRecent(EpochMicros.seconds(Math.floorDiv(key, 2L)), recent) ? 1 : 0;
        }
        return opened;
    }

    private static boolean isRecent(long seconds, double recentFrom) {
        return seconds > recentFrom;
    }
}
