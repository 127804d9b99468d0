package io.tiedepth.features;

/**
 * {@code tie_features.depth}: none (no interaction) &lt; one_way &lt; reciprocal &lt; sustained (reciprocal, with
 * interactions in at least {@value #SUSTAINED_PERIODS} distinct 30-day periods counted from the Unix epoch).
 */
public enum Depth {
    NONE("none"), ONE_WAY("one_way"), RECIPROCAL("reciprocal"), SUSTAINED("sustained");

    /** Distinct 30-day periods with an interaction that make a reciprocal tie sustained. */
    public static final int SUSTAINED_PERIODS = 3;

    private final String label;

    Depth(String label) {
        this.label = label;
    }

    /** The value written to {@code tie_features.depth}. */
    public String label() {
        return label;
    }

    static Depth of(ContactActivity a) {
        if (a.interactions() == 0) {
            return NONE;
        }
        if (!a.reciprocal()) {
            return ONE_WAY;
        }
        return a.activePeriods() >= SUSTAINED_PERIODS ? SUSTAINED : RECIPROCAL;
    }
}
