package io.tiedepth.features;

import io.tiedepth.model.Canonical;
import java.util.Comparator;

/**
 * What the features read of one interaction: its contact, time (epoch microseconds), channel, direction and thread.
 * {@link #ORDER} is the one sort of an export's interactions: by contact, then time, channel and direction (so, at
 * equal times, a message "in" before one "out").
 */
record Interaction(String contactId, long at, String channel, String direction, String threadId) {
    static final String MESSAGE = "message";
    static final String IN = "in";
    static final String OUT = "out";

    static final Comparator<Interaction> ORDER = Comparator.comparing(Interaction::contactId)
            .thenComparingLong(Interaction::at)
            .thenComparing(Interaction::channel)
            .thenComparing(Interaction::direction);

    static Interaction of(Canonical.InteractionRow r) {
        return new Interaction(r.contactId(), EpochMicros.of(r.at()), r.channel(), r.direction(), r.threadId());
    }

    boolean isMessage() {
        return MESSAGE.equals(channel);
    }

    boolean isOut() {
        return OUT.equals(direction);
    }

    /** The conversation of a message: its thread, or its contact where the platform has no threads. */
    String conversation() {
        return threadId != null ? threadId : contactId;
    }

    /**
     * This interaction's place in "who spoke first" orders: microseconds × 2 + (out ? 1 : 0), so that the smallest
     * key is the earliest interaction, "in" before "out" at equal times.
     */
    long directionKey() {
        return at * 2 + (isOut() ? 1 : 0);
    }
}
