package io.tiedepth.claims;

import java.util.List;

/** DESIGN §6 size classes by n_ties, the same boundaries as {@code owner_metrics.size_class}. */
public final class SizeClass {
    /** Labels in increasing order of size. */
    public static final List<String> LABELS = List.of("<50", "50-149", "150-499", "500-999", "1000-4999", "5000+");

    /** The smallest n_ties of each class of {@link #LABELS}; a class ends where the next begins. */
    private static final long[] LOWER = {0, 50, 150, 500, 1000, 5000};

    private SizeClass() {
    }

    public static String of(long nTies) {
        int i = LOWER.length - 1;
        while (i > 0 && nTies < LOWER[i]) {
            i--;
        }
        return LABELS.get(i);
    }

    /** The smallest n_ties of a class. */
    public static long lower(String label) {
        return LOWER[index(label)];
    }

    /** The smallest n_ties above a class, {@link Long#MAX_VALUE} for the last. */
    public static long upper(String label) {
        int i = index(label);
        return i + 1 < LOWER.length ? LOWER[i + 1] : Long.MAX_VALUE;
    }

    private static int index(String label) {
        int i = LABELS.indexOf(label);
        if (i < 0) {
            throw new IllegalArgumentException("not a size class: " + label);
        }
        return i;
    }
}
