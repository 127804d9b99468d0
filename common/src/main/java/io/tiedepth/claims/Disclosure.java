package io.tiedepth.claims;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToLongFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Cell suppression for published counts of owners in ranges of one ordered attribute (n_ties, the number of
 * circles), where several tables publish overlapping ranges: size classes, log2 bins, "all", a claim's "mega owners".
 *
 * <p><b>Primary</b>: a range describing fewer than k_min owners (but at least one) is hidden. <b>Complementary</b>
 * (secondary): the shown ranges must not give away, by sums and differences, the count of any range of fewer than
 * k_min owners (but at least one) between two of the published bounds: neither a hidden range nor a small range that
 * no table publishes but two overlapping ones cut out (size classes against log2 bins: 500–511 ties). A range is
 * given away when its indicator over the elementary intervals (between consecutive bounds) lies in the linear span of
 * the shown ranges' indicators (the rank of a singular value decomposition). While any is, the shown range whose
 * hiding leaves the fewest given away, the smallest first, is hidden too. Sums of any metric over the same owners
 * (a mean times its count) obey the same equations, so they are protected alike. This is the audit of linked tables
 * of Hundepool et al., <i>Statistical Disclosure Control</i> (Wiley 2012), §4.4, restricted to exact recovery: it
 * does not widen the bounds an attacker can derive for a hidden count.
 *
 * <p>The same audit for a table of <b>parts of a published total</b> whose parts have no order (platforms, calendar
 * months, yes/no groups): {@link #hiddenParts}.
 */
public final class Disclosure {
    private Disclosure() {
    }

    /** Owners whose attribute lies in [lo, hi); {@code hi = Long.MAX_VALUE} for an open range. */
    public record Range(long lo, long hi) {
        public Range {
            if (hi <= lo) {
                throw new IllegalArgumentException("empty range [" + lo + ", " + hi + ")");
            }
        }

        public static Range atLeast(long lo) {
            return new Range(lo, Long.MAX_VALUE);
        }

        boolean covers(long from, long to) {
            return lo <= from && to <= hi;
        }
    }

    /**
     * The ranges to hide.
     *
     * @param owners every published range with its owner count (the largest count when several tables publish it)
     * @param fixed ranges published where they cannot be hidden (a claim's counts); they stay shown and count as
     *              equations
     * @param values the attribute of every owner of the universe the ranges count (to count any range between
     *               published bounds)
     * @param kMin smallest count shown
     */
    public static Set<Range> hidden(Map<Range, Long> owners, Set<Range> fixed, long[] values, int kMin) {
        List<Range> ranges = new ArrayList<>(owners.keySet());
        ranges.sort(Comparator.comparingLong(Range::lo).thenComparingLong(Range::hi));
        long[] cuts = cuts(ranges);
        Set<Range> hide = new HashSet<>();
        for (Range r : ranges) {
            if (ReportCsv.suppressed(owners.get(r), kMin) && !fixed.contains(r)) {
                hide.add(r);
            }
        }
        List<Range> small = smallRanges(cuts, values, kMin);
        List<Range> candidates = ranges.stream().filter(r -> !fixed.contains(r) && !hide.contains(r)
                && owners.get(r) > 0).sorted(Comparator.comparingLong(owners::get)).toList();
        int exposed = exposed(ranges, hide, small, cuts);
        while (exposed > 0) {
            Range best = null;
            int bestExposed = Integer.MAX_VALUE;
            for (Range c : candidates) {
                if (hide.contains(c)) {
                    continue;
                }
                hide.add(c);
                int e = exposed(ranges, hide, small, cuts);
                hide.remove(c);
                if (e < bestExposed) {
                    best = c;
                    bestExposed = e;
                }
            }
            if (best == null) {
                break;
            }
            hide.add(best);
            exposed = bestExposed;
        }
        return hide;
    }

    /** What a part of a published total is to {@link #hiddenParts}. */
    public enum Role {
        /** Shown unless the audit hides it. */
        SHOWN,
        /** Shown unless the audit hides it, and hidden only when no {@link #SHOWN} part can be: its count is
         *  published elsewhere too, which must then be hidden with it. */
        LAST_RESORT,
        /** Published where it cannot be hidden: stays shown and counts as an equation. */
        FIXED,
        /** Published nowhere (the owners a table leaves out), or hidden by a decision taken elsewhere (the claim rows
         *  of a platform the platform table hides): hidden from the start. */
        UNPUBLISHED
    }

    /** One part of a published total: the owners it describes and its {@link Role}. */
    public record Part(long owners, Role role) {
        public static Part shown(long owners) {
            return new Part(owners, Role.SHOWN);
        }
    }

    /** {@link #hiddenParts(List, ToLongFunction, int)} for parts without common owners (a partition). */
    public static Set<Integer> hiddenParts(List<Part> parts, int kMin) {
        return hiddenParts(parts, set -> set.stream().mapToLong(i -> parts.get(i).owners()).sum(), kMin);
    }

    /**
     * The parts to hide (indices into {@code parts}, with the {@link Role#UNPUBLISHED} ones) of a table whose parts
     * add up to a published total, each part's figures sums over its owners. <b>Primary</b>: a part describing fewer
     * than k_min owners (but at least one). <b>Complementary</b>: with every part one equation and the total another,
     * the sets whose figures follow by sums and differences are the unions of shown parts, with or without all hidden
     * parts together; the only one that can describe fewer than k_min owners yet hold hidden ones is the union of the
     * hidden parts. While it does (1 to k_min − 1 owners), the shown part with the fewest owners is hidden too,
     * {@link Role#LAST_RESORT} parts after all others. The criterion of {@link #hidden} applied to this table.
     *
     * @param unionOwners the owners described by a set of parts: their sum when no owner is in two parts, fewer when
     *     parts share owners (a month's reactivations and the next month's can be one owner's)
     */
    public static Set<Integer> hiddenParts(List<Part> parts, ToLongFunction<Set<Integer>> unionOwners, int kMin) {
        Set<Integer> hide = new TreeSet<>();
        for (int i = 0; i < parts.size(); i++) {
            if (primary(parts.get(i), kMin)) {
                hide.add(i);
            }
        }
        while (ReportCsv.suppressed(unionOwners.applyAsLong(Set.copyOf(hide)), kMin)) {
            int next = complement(parts, hide);
            if (next < 0) {
                break;
            }
            hide.add(next);
        }
        return hide;
    }

    /**
     * {@link #hiddenParts(List, int)} for a partition some of whose parts also add up to published subtotals (the
     * datasets of one platform, whose owners the platform table gives). Each subtotal is an equation, and the total
     * minus the subtotals is one for the parts in none, so the sets whose figures follow are unions of these groups'
     * hidden parts: within each group, the hidden parts must describe none or at least k_min owners, and the
     * complements are taken within the group.
     *
     * @param subtotals the published subtotal each part adds up to, by name; null for a part in none
     */
    public static Set<Integer> hiddenParts(List<Part> parts, List<String> subtotals, int kMin) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            groups.computeIfAbsent(String.valueOf(subtotals.get(i)), g -> new ArrayList<>()).add(i);
        }
        Set<Integer> hide = new TreeSet<>();
        for (List<Integer> members : groups.values()) {
            for (int j : hiddenParts(members.stream().map(parts::get).toList(), kMin)) {
                hide.add(members.get(j));
            }
        }
        return hide;
    }

    private static boolean primary(Part p, int kMin) {
        return p.role() == Role.UNPUBLISHED || p.role() != Role.FIXED && ReportCsv.suppressed(p.owners(), kMin);
    }

    /** The shown part to hide next: not fixed, with owners, {@link Role#LAST_RESORT} last, then the fewest owners. */
    private static int complement(List<Part> parts, Set<Integer> hide) {
        Comparator<Integer> order = Comparator.comparing((Integer i) -> parts.get(i).role() == Role.LAST_RESORT)
                .thenComparingLong(i -> parts.get(i).owners());
        int best = -1;
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            boolean candidate = !hide.contains(i) && p.owners() > 0
                    && (p.role() == Role.SHOWN || p.role() == Role.LAST_RESORT);
            if (candidate && (best < 0 || order.compare(i, best) < 0)) {
                best = i;
            }
        }
        return best;
    }

    /** Every range between two published bounds that holds fewer than k_min owners, but at least one. */
    static List<Range> smallRanges(long[] cuts, long[] values, int kMin) {
        long[] atoms = new long[cuts.length - 1];
        for (long v : values) {
            int j = java.util.Arrays.binarySearch(cuts, v);
            int atom = j >= 0 ? j : -j - 2;
            if (atom >= 0 && atom < atoms.length) {
                atoms[atom]++;
            }
        }
        List<Range> out = new ArrayList<>();
        for (int i = 0; i < atoms.length; i++) {
            long n = 0;
            for (int j = i; j < atoms.length; j++) {
                n += atoms[j];
                if (n >= kMin) {
                    break;
                }
                if (n > 0) {
                    out.add(new Range(cuts[i], cuts[j + 1]));
                }
            }
        }
        return out;
    }

    /** How many small ranges follow from the shown ones. */
    static int exposed(List<Range> ranges, Set<Range> hide, List<Range> small, long[] cuts) {
        List<double[]> shown = new ArrayList<>();
        for (Range r : ranges) {
            if (!hide.contains(r)) {
                shown.add(indicator(r, cuts));
            }
        }
        int base = rank(shown);
        int n = 0;
        for (Range t : small) {
            shown.add(indicator(t, cuts));
            n += rank(shown) == base ? 1 : 0;
            shown.remove(shown.size() - 1);
        }
        return n;
    }

    private static long[] cuts(List<Range> ranges) {
        TreeSet<Long> cuts = new TreeSet<>();
        for (Range r : ranges) {
            cuts.add(r.lo());
            cuts.add(r.hi());
        }
        return cuts.stream().mapToLong(Long::longValue).toArray();
    }

    private static double[] indicator(Range r, long[] cuts) {
        double[] v = new double[cuts.length - 1];
        for (int j = 0; j < v.length; j++) {
            v[j] = r.covers(cuts[j], cuts[j + 1]) ? 1 : 0;
        }
        return v;
    }

    private static int rank(List<double[]> rows) {
        if (rows.isEmpty() || rows.get(0).length == 0) {
            return 0;
        }
        return new SingularValueDecomposition(new Array2DRowRealMatrix(rows.toArray(new double[0][]), false))
                .getRank();
    }
}
