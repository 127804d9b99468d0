package io.tiedepth.claims;

import io.tiedepth.panels.PanelRow;
import io.tiedepth.stats.PermutationTest;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One analysed export (an owner on one platform) as the claims stage sees it: its owner metrics and the per-owner
 * tie counts the tie-level claims pool. Plain Java, collected from Spark once; every statistic of the claims stage
 * is computed from a list of these.
 *
 * @param exportId the analysed export
 * @param ownerId the owner's pseudonym; the bootstrap resamples owners, so two exports of one owner move together
 * @param platform the export's platform
 * @param sizeClass size class by n_ties (DESIGN §6)
 * @param metrics value of each {@link OwnerMetric} (NaN when missing, e.g. a share without a denominator); a copy
 * @param layerSizes cumulative Dunbar circle sizes, innermost first (empty when the owner has no layers)
 * @param layerRatios successive ratios of {@code layerSizes} (length n_layers − 1)
 * @param burst C3: ties accepted in a burst whose 180-day response is observable; events = those with an
 *     interaction within the response window
 * @param nonBurst C3: the same for dated ties not accepted in a burst
 * @param note C9: ties whose invitation carried a note; events = ties of depth reciprocal or sustained
 * @param noNote C9: ties whose invitation is known to have had no note; events likewise
 * @param reactivationMonths C8: reactivations per whole calendar month over the owner's eligible months (empty
 *     counts when no month is eligible)
 * @param relativeTime the export's times are offsets from an unknown start (network datasets with
 *     {@code "time_origin": "relative"}): calendar months are unknown
 * @param derivedTies the rule the export's ties were derived from its interactions with ({@code contacts},
 *     {@code reciprocated}, {@code min_events=k}); null when the ties are declared links
 * @param panel the export's within-owner panel ({@code features/panels}, month order; empty when it has none), read
 *     by the within-owner claims C11 and C12
 */
public record OwnerRow(String exportId, String ownerId, String platform, String sizeClass,
                       Map<OwnerMetric, Double> metrics, int[] layerSizes, double[] layerRatios, Outcome burst,
                       Outcome nonBurst, Outcome note, Outcome noNote, PermutationTest.OwnerMonths reactivationMonths,
                       boolean relativeTime, String derivedTies, List<PanelRow> panel) {

    /** A row without a panel. */
    public OwnerRow(String exportId, String ownerId, String platform, String sizeClass,
                    Map<OwnerMetric, Double> metrics, int[] layerSizes, double[] layerRatios, Outcome burst,
                    Outcome nonBurst, Outcome note, Outcome noNote, PermutationTest.OwnerMonths reactivationMonths,
                    boolean relativeTime, String derivedTies) {
        this(exportId, ownerId, platform, sizeClass, metrics, layerSizes, layerRatios, burst, nonBurst, note, noNote,
                reactivationMonths, relativeTime, derivedTies, List.of());
    }

    /** A row with calendar times and declared ties. */
    public OwnerRow(String exportId, String ownerId, String platform, String sizeClass,
                    Map<OwnerMetric, Double> metrics, int[] layerSizes, double[] layerRatios, Outcome burst,
                    Outcome nonBurst, Outcome note, Outcome noNote, PermutationTest.OwnerMonths reactivationMonths) {
        this(exportId, ownerId, platform, sizeClass, metrics, layerSizes, layerRatios, burst, nonBurst, note, noNote,
                reactivationMonths, false, null);
    }

    /** Ties in a group and how many of them reached the outcome. */
    public record Outcome(long ties, long events) {
        public static final Outcome NONE = new Outcome(0, 0);

        public Outcome {
            if (ties < 0 || events < 0 || events > ties) {
                throw new IllegalArgumentException("Cannot count outcome: need 0 ≤ events ≤ ties, got " + events
                        + " of " + ties);
            }
        }
    }

    public OwnerRow {
        Objects.requireNonNull(ownerId, "ownerId");
        EnumMap<OwnerMetric, Double> m = new EnumMap<>(OwnerMetric.class);
        for (OwnerMetric metric : OwnerMetric.values()) {
            Double v = metrics.get(metric);
            m.put(metric, v == null ? Double.NaN : v);
        }
        metrics = m;
        layerSizes = layerSizes == null ? new int[0] : layerSizes.clone();
        layerRatios = layerRatios == null ? new double[0] : layerRatios.clone();
        burst = burst == null ? Outcome.NONE : burst;
        nonBurst = nonBurst == null ? Outcome.NONE : nonBurst;
        note = note == null ? Outcome.NONE : note;
        noNote = noNote == null ? Outcome.NONE : noNote;
        reactivationMonths = reactivationMonths == null ? new PermutationTest.OwnerMonths(0, new long[0])
                : reactivationMonths;
        panel = panel == null ? List.of() : List.copyOf(panel);
    }

    /** The metric's value, NaN when missing. */
    public double get(OwnerMetric metric) {
        return metrics.get(metric);
    }

    public long nTies() {
        double v = get(OwnerMetric.N_TIES);
        return Double.isNaN(v) ? 0 : (long) v;
    }

    @Override
    public Map<OwnerMetric, Double> metrics() {
        return new EnumMap<>(metrics);
    }

    @Override
    public int[] layerSizes() {
        return layerSizes.clone();
    }

    @Override
    public double[] layerRatios() {
        return layerRatios.clone();
    }

    public int layerCount() {
        return layerSizes.length;
    }

    /** Starts a row for an owner; the remaining fields default to empty. */
    public static Builder builder(String exportId, String ownerId) {
        return new Builder(exportId, ownerId);
    }

    /** Mutable builder of an {@link OwnerRow} (used by the Spark collector and by tests). */
    public static final class Builder {
        private final String exportId;
        private final String ownerId;
        private String platform = "";
        private String sizeClass = "";
        private final EnumMap<OwnerMetric, Double> metrics = new EnumMap<>(OwnerMetric.class);
        private int[] layerSizes;
        private double[] layerRatios;
        private Outcome burst;
        private Outcome nonBurst;
        private Outcome note;
        private Outcome noNote;
        private PermutationTest.OwnerMonths months;
        private boolean relativeTime;
        private String derivedTies;
        private List<PanelRow> panel;

        private Builder(String exportId, String ownerId) {
            this.exportId = exportId;
            this.ownerId = ownerId;
        }

        public Builder platform(String value) {
            platform = value;
            return this;
        }

        public Builder sizeClass(String value) {
            sizeClass = value;
            return this;
        }

        /** Sets a metric; null means missing. */
        public Builder set(OwnerMetric metric, Double value) {
            metrics.put(metric, value == null ? Double.NaN : value);
            return this;
        }

        public Builder layers(int[] cumulativeSizes, double[] ratios) {
            layerSizes = cumulativeSizes;
            layerRatios = ratios;
            return this;
        }

        public Builder burst(long ties, long events) {
            burst = new Outcome(ties, events);
            return this;
        }

        public Builder nonBurst(long ties, long events) {
            nonBurst = new Outcome(ties, events);
            return this;
        }

        public Builder note(long ties, long events) {
            note = new Outcome(ties, events);
            return this;
        }

        public Builder noNote(long ties, long events) {
            noNote = new Outcome(ties, events);
            return this;
        }

        public Builder reactivationMonths(int firstMonth, long[] counts) {
            months = new PermutationTest.OwnerMonths(firstMonth, counts);
            return this;
        }

        /** Marks the export's times as relative offsets. */
        public Builder relativeTime(boolean value) {
            relativeTime = value;
            return this;
        }

        /** The rule the ties were derived with; null for declared ties. */
        public Builder derivedTies(String rule) {
            derivedTies = rule;
            return this;
        }

        /** The export's panel rows in month order. */
        public Builder panel(List<PanelRow> rows) {
            panel = rows;
            return this;
        }

        public OwnerRow build() {
            String size = sizeClass;
            Double n = metrics.get(OwnerMetric.N_TIES);
            if (size.isEmpty() && n != null && !n.isNaN()) {
                size = SizeClass.of((long) (double) n);
            }
            return new OwnerRow(exportId, ownerId, platform, size, metrics, layerSizes, layerRatios, burst, nonBurst,
                    note, noNote, months, relativeTime, derivedTies, panel);
        }
    }
}
