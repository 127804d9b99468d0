package io.tiedepth.features;

import io.tiedepth.model.Canonical;
import java.time.Instant;
import java.util.List;

/**
 * One row of {@code tie_features}: an owner × contact of an analysed export (README "Tie features"). A contact the
 * owner interacted with but has no tie to has {@code tie == null} ({@code is_tie = false}).
 *
 * @param tie                    the contact's tie row, null for a contact without a tie
 * @param burstAccepted          the tie is one of at least burst-k ties the owner gained on its UTC calendar day;
 *                               null without a tie or a connection date
 * @param observedDays           days from max(connected_at, window start), or the first interaction when the
 *                               connection date is unknown, to the window end; at least 30
 * @param contactFrequency       interactions per year: n_interactions / (observed_days / 365.25)
 * @param daysToFirstInteraction first interaction − connected_at in days; null when either is unknown
 * @param interactedWithin180d   any interaction within response days of connecting; null when the date is unknown
 *                               or the window ends before connected_at + response days
 * @param layer                  Dunbar circle of an established active tie, 1 = innermost; null otherwise
 */
public record TieFeature(String exportId, String platform, String ownerId, String contactId, Canonical.TieRow tie,
                         Boolean burstAccepted, ContactActivity activity, double observedDays, double contactFrequency,
                         Double daysToFirstInteraction, Boolean interactedWithin180d, Integer layer) {

    /** Interactions per year from which a tie is active (Dunbar et al. 2015: at least one a year). */
    public static final double ACTIVE_FREQUENCY = 1.0;

    public boolean isTie() {
        return tie != null;
    }

    public Instant connectedAt() {
        return tie == null ? null : tie.connectedAt();
    }

    /** {@code ended}: false for a contact without a tie. */
    public boolean ended() {
        return tie != null && tie.ended();
    }

    public boolean reciprocal() {
        return activity.reciprocal();
    }

    public Depth depth() {
        return Depth.of(activity);
    }

    public boolean active() {
        return contactFrequency >= ACTIVE_FREQUENCY;
    }

    /** "owner" or "contact", whoever sent the first message; null without messages. */
    public String initiatedBy() {
        Boolean out = activity.firstMessageOut();
        return out == null ? null : out ? "owner" : "contact";
    }

    public long reactivations() {
        return activity.reactivations();
    }

    public boolean reactivated() {
        return activity.reactivations() > 0;
    }

    public List<Instant> reactivatedAt() {
        return activity.reactivatedAt();
    }

    /** This row with its Dunbar circle. */
    public TieFeature withLayer(Integer value) {
        return new TieFeature(exportId, platform, ownerId, contactId, tie, burstAccepted, activity, observedDays,
                contactFrequency, daysToFirstInteraction, interactedWithin180d, value);
    }
}
