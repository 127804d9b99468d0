package io.tiedepth.model;

import java.time.Instant;

/**
 * One interaction between the owner and one contact, before pseudonymization (see {@code interactions} in
 * DESIGN §3). A message the owner sends to k others is k interactions; a received one is one, with its sender.
 *
 * @param threadKey conversation id as the platform names it (pseudonymized later), or null
 * @param isGroup   the conversation has more than two people
 */
public record RawInteraction(PersonRef contact, Instant at, String channel, String direction, String threadKey,
                             boolean isGroup, Integer words, Integer chars, Integer durationS) {

    @Override
    public String toString() {
        return "RawInteraction[" + channel + " " + direction + " " + at + "]";
    }
}
