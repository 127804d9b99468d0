package io.tiedepth.claims;

import io.tiedepth.claims.Disclosure.Range;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which cells of the cohorts, curves and layers tables the reports hide ({@link Disclosure}), decided once from
 * everything one report publishes about owners by network size: the cohorts ({@code all}, size classes, log2 bins
 * of n_ties), the curves (log2 bins of n_ties) and C6's counts of mega and comparison owners; and, by number of
 * circles, the layers table. One audit per metric (the owners whose metric is defined), with C6's counts in each;
 * a range hidden in one metric is hidden in all, so a count that two metrics share cannot be read from the other.
 * Stored as the {@code suppressed} column of {@code stats/cohorts}, {@code stats/curves} and {@code stats/layers},
 * so the CSVs and the pages hide the same cells.
 *
 * @param tieRanges ranges of n_ties whose cells are hidden
 * @param layerRanges ranges of the number of circles whose layer rows are hidden
 */
public record ReportSuppression(Set<Range> tieRanges, Set<Range> layerRanges) {
    public static ReportSuppression decide(ClaimInputs in, List<Cohorts.Cell> cohorts, List<Curves.Point> curves,
                                           List<LayerTable.Row> layers, List<ClaimResult> claims, ClaimParams p) {
        Map<Range, Long> fixed = claimCounts(claims, p);
        Set<Range> ties = new HashSet<>();
        for (OwnerMetric m : OwnerMetric.values()) {
            Map<Range, Long> published = new HashMap<>(fixed);
            cohorts.stream().filter(c -> c.metric().equals(m.column()))
                    .forEach(c -> published.merge(range(c), c.owners(), Math::max));
            curves.stream().filter(c -> c.metric().equals(m.column()))
                    .forEach(c -> published.merge(range(c), c.owners(), Math::max));
            long[] values = in.rows().stream().filter(r -> !Double.isNaN(r.get(m))).mapToLong(OwnerRow::nTies)
                    .toArray();
            ties.addAll(Disclosure.hidden(published, fixed.keySet(), values, p.kMin()));
        }
        Map<Range, Long> published = new HashMap<>();
        layers.forEach(l -> published.merge(range(l), l.owners(), Math::max));
        long[] circles = in.rows().stream().mapToLong(r -> (long) r.get(OwnerMetric.N_LAYERS)).filter(k -> k > 0)
                .toArray();
        return new ReportSuppression(Set.copyOf(ties),
                Set.copyOf(Disclosure.hidden(published, Set.of(), circles, p.kMin())));
    }

    public boolean hides(Cohorts.Cell c) {
        return tieRanges.contains(range(c));
    }

    public boolean hides(Curves.Point c) {
        return tieRanges.contains(range(c));
    }

    /** Whether the cohorts hide a size class (its n_ties range), so that other tables must not show it either. */
    public boolean hidesSizeClass(String label) {
        return SizeClass.LABELS.contains(label) && tieRanges.contains(sizeClass(label));
    }

    public boolean hides(LayerTable.Row l) {
        return layerRanges.contains(range(l));
    }

    /** The owners a cohort cell describes, as a range of n_ties. */
    static Range range(Cohorts.Cell c) {
        return switch (c.grouping()) {
            case "all" -> Range.atLeast(0);
            case "size_class" -> sizeClass(c.cohort());
            default -> new Range((long) c.binLower(), (long) c.binUpper() + 1);
        };
    }

    static Range range(Curves.Point c) {
        return new Range((long) c.binLower(), (long) c.binUpper());
    }

    /** {@code k=K}: owners with exactly K circles; {@code all} at circle j: owners with at least j. */
    static Range range(LayerTable.Row l) {
        if (l.group().startsWith("k=")) {
            long k = Long.parseLong(l.group().substring(2));
            return new Range(k, k + 1);
        }
        return Range.atLeast(l.layer());
    }

    static Range sizeClass(String label) {
        return new Range(SizeClass.lower(label), SizeClass.upper(label));
    }

    /** C6's published counts of mega owners (n_ties ≥ mega) and comparison owners (mega/10 ≤ n_ties < mega). */
    private static Map<Range, Long> claimCounts(List<ClaimResult> claims, ClaimParams p) {
        Map<Range, Long> out = new HashMap<>();
        for (ClaimResult c : claims) {
            if (!c.claimId().equals("C6")) {
                continue;
            }
            count(c.extra().get("mega_owners")).ifPresent(n -> out.put(Range.atLeast(p.megaTies()), n));
            count(c.extra().get("comparison_owners"))
                    .ifPresent(n -> out.put(new Range(p.megaTies() / 10, p.megaTies()), n));
        }
        return out;
    }

    private static java.util.Optional<Long> count(String value) {
        try {
            return value == null ? java.util.Optional.empty() : java.util.Optional.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
