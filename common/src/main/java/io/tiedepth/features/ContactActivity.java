package io.tiedepth.features;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One contact's interactions, walked once in time order ({@link Interaction#ORDER}): counts, first and last times,
 * distinct UTC days, calendar months and 30-day periods, who sent the first message, reactivations, and whether any
 * interaction came within the response window of connecting.
 *
 * @param interactions      all interactions with the contact ({@code n_interactions})
 * @param firstAt           the first interaction, null without any
 * @param lastAt            the last interaction, null without any
 * @param firstMessageOut   whether the owner sent the first message ("in" before "out" at equal times); null
 *                          without messages
 * @param reactivatedAt     inbound interactions after at least dormancy days without any interaction with the
 *                          contact (the connection date starts the tie), in time order
 * @param withinResponse    an interaction at or after connecting and less than response days after it
 */
public record ContactActivity(long interactions, long msgsOut, long msgsIn, long interactionsOut, long interactionsIn,
                              ChannelCounts channels, Instant firstAt, Instant lastAt, long activeDays,
                              long activeMonths, long activePeriods, Boolean firstMessageOut,
                              List<Instant> reactivatedAt, boolean withinResponse) {

    /** A contact without interactions (a silent tie). */
    public static final ContactActivity NONE = new ContactActivity(0, 0, 0, 0, 0, ChannelCounts.NONE, null, null,
            0, 0, 0, null, List.of(), false);

    public ContactActivity {
        reactivatedAt = List.copyOf(reactivatedAt);
    }

    /** At least one interaction in each direction. */
    public boolean reciprocal() {
        return interactionsOut > 0 && interactionsIn > 0;
    }

    public long reactivations() {
        return reactivatedAt.size();
    }

    /**
     * Walks {@code sorted[from, to)}, one contact's interactions in {@link Interaction#ORDER}.
     *
     * @param connectedAt the tie's connection time (epoch microseconds), null without a tie or a date
     */
    static ContactActivity walk(List<Interaction> sorted, int from, int to, Long connectedAt, FeatureParams p) {
        Walk w = new Walk(connectedAt, p);
        for (int i = from; i < to; i++) {
            w.add(sorted.get(i));
        }
        return w.activity();
    }

    /** The running state of one walk. */
    private static final class Walk {
        private final Long connectedAt;
        private final long dormancySeconds;
        private final long responseSeconds;
        private final ChannelCounts.Tally channels = new ChannelCounts.Tally();
        private final List<Instant> reactivatedAt = new ArrayList<>();
        private long interactions;
        private long msgsOut;
        private long msgsIn;
        private long out;
        private long first;
        private long last;
        private long days;
        private long months;
        private long periods;
        private long day = Long.MIN_VALUE;
        private long month = Long.MIN_VALUE;
        private long period = Long.MIN_VALUE;
        private Boolean firstMessageOut;
        private boolean within;

        Walk(Long connectedAt, FeatureParams p) {
            this.connectedAt = connectedAt;
            this.dormancySeconds = p.dormancyDays() * EpochMicros.SECONDS_PER_DAY;
            this.responseSeconds = p.responseDays() * EpochMicros.SECONDS_PER_DAY;
        }

        void add(Interaction i) {
            Long previous = interactions == 0 ? connectedAt : Long.valueOf(last);
            if (interactions == 0) {
                first = i.at();
            }
            interactions++;
            count(i);
            calendar(i.at());
            if (Interaction.IN.equals(i.direction()) && previous != null
                    && EpochMicros.seconds(i.at()) - EpochMicros.seconds(previous) >= dormancySeconds) {
                reactivatedAt.add(EpochMicros.instant(i.at()));
            }
            within |= connectedAt != null && i.at() >= connectedAt
                    && EpochMicros.seconds(i.at()) - EpochMicros.seconds(connectedAt) < responseSeconds;
            last = i.at();
        }

        private void count(Interaction i) {
            channels.add(i.channel());
            boolean isOut = i.isOut();
            out += isOut ? 1 : 0;
            if (i.isMessage()) {
                msgsOut += isOut ? 1 : 0;
                msgsIn += isOut ? 0 : 1;
                if (firstMessageOut == null) {
                    firstMessageOut = isOut;
                }
            }
        }

        /** Counts a new UTC day, calendar month and 30-day period when this time opens one (times never go back). */
        private void calendar(long at) {
            long d = EpochMicros.day(at);
            if (d != day) {
                day = d;
                days++;
                long m = EpochMicros.month(d);
                if (m != month) {
                    month = m;
                    months++;
                }
            }
            long q = EpochMicros.period(at);
            if (q != period) {
                period = q;
                periods++;
            }
        }

        ContactActivity activity() {
            if (interactions == 0) {
                return NONE;
            }
            return new ContactActivity(interactions, msgsOut, msgsIn, out, interactions - out, channels.counts(),
                    EpochMicros.instant(first), EpochMicros.instant(last), days, months, periods, firstMessageOut,
                    reactivatedAt, within);
        }
    }
}
