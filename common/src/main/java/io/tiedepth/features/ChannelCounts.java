package io.tiedepth.features;

import io.tiedepth.schema.Columns;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A contact's interactions per channel ({@code tie_features.n_<channel>}, one count per channel of
 * {@link Columns#CHANNELS}); a channel outside that list counts in {@code n_interactions} only.
 */
public final class ChannelCounts {
    private static final Map<String, Integer> INDEX = new HashMap<>();

    static {
        for (int i = 0; i < Columns.CHANNELS.length; i++) {
            INDEX.put(Columns.CHANNELS[i], i);
        }
    }

    /** No interaction on any channel. */
    public static final ChannelCounts NONE = new ChannelCounts(new long[Columns.CHANNELS.length]);

    private final long[] counts;

    private ChannelCounts(long[] counts) {
        this.counts = counts;
    }

    /** Interactions on {@code channel}; 0 for a channel not in {@link Columns#CHANNELS}. */
    public long of(String channel) {
        Integer i = INDEX.get(channel);
        return i == null ? 0 : counts[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelCounts c && Arrays.equals(counts, c.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        StringJoiner s = new StringJoiner(", ", "ChannelCounts[", "]");
        for (String channel : Columns.CHANNELS) {
            s.add(channel + "=" + of(channel));
        }
        return s.toString();
    }

    /** Counts one contact's interactions as they are walked. */
    static final class Tally {
        private final long[] counts = new long[Columns.CHANNELS.length];

        void add(String channel) {
            Integer i = INDEX.get(channel);
            if (i != null) {
                counts[i]++;
            }
        }

        ChannelCounts counts() {
            return new ChannelCounts(counts.clone());
        }
    }
}
