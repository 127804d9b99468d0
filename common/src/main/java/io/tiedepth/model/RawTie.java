package io.tiedepth.model;

import java.time.Instant;

/**
 * A tie as read, before pseudonymization (see {@code ties} in DESIGN §3).
 *
 * @param connectedAt        null when the export gives no date
 * @param precision          precision of {@code connectedAt} (null with it)
 * @param tieSource          connection|friend|follower|following|mutual_follow|network_link
 * @param invitedBy          owner|contact|unknown
 * @param invitationHasNote  null when unknown
 */
public record RawTie(PersonRef contact, Instant connectedAt, Precision precision, String tieSource,
                     String invitedBy, Boolean invitationHasNote, boolean ended) {

    public RawTie withInvitation(String by, Boolean hasNote) {
        return new RawTie(contact, connectedAt, precision, tieSource, by, hasNote, ended);
    }

    @Override
    public String toString() {
        return "RawTie[" + tieSource + ", " + connectedAt + "]";
    }
}
