package io.tiedepth.model;

import java.time.Instant;

/** An invitation as read, before pseudonymization; {@code direction} is out (sent by the owner) or in. */
public record RawInvitation(PersonRef counterpart, Instant sentAt, String direction, boolean hasNote) {

    @Override
    public String toString() {
        return "RawInvitation[" + direction + " " + sentAt + "]";
    }
}
