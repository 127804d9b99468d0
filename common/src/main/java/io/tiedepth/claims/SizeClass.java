package io.tiedepth.claims;

import java.util.List;

/** DESIGN §6 size classes by n_ties, the same boundaries as {@code owner_metrics.size_class}. */
public final class SizeClass {
    /** Labels in increasing order of size. */
    public static final List<String> LABELS = List.of("<50", "50-149", "150-499", "500-999", "1000-4999", "5000+");

    private SizeClass() {
    }

    public static String of(long nTies) {
        if (nTies < 50) {
            return LABELS.get(0);
        } else if (nTies < 150) {
            return LABELS.get(1);
        } else if (nTies < 500) {
            return LABELS.get(2);
        } else if (nTies < 1000) {
            return LABELS.get(3);
        } else if (nTies < 5000) {
            return LABELS.get(4);
        }
        return LABELS.get(5);
    }
}
