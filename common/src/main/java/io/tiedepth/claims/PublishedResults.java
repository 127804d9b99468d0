package io.tiedepth.claims;

import io.tiedepth.claims.Disclosure.Part;
import io.tiedepth.claims.Disclosure.Role;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Published results side by side with what tiedepth finds, per dataset group (a platform, or one network dataset
 * by its format era), for groups with at least {@code k_min} owners with ties. Figures of the published side from
 * {@code shared/reference/published-results.md}:
 * <ul>
 *   <li><b>Gonçalves, Perra &amp; Vespignani (2011)</b>, <i>PLoS ONE</i> 6(8):e22656: the mean weight of an
 *       owner's reciprocated ties (here: interactions the owner sent per reciprocated tie) against the number k of
 *       reciprocated ties, averaged over owners in log2 bins of k [2^j, 2^(j+1)), rises to a peak and falls; on
 *       Twitter the peak is at 100–200 ties. Found: the bin with the highest mean among bins of at least k_min
 *       owners, and the curve.</li>
 *   <li><b>Dunbar, Arnaboldi, Conti &amp; Passarella (2015)</b>, <i>Soc. Netw.</i> 43:39–47: cumulative circle
 *       sizes ≈ 1.5 / 5 / 15 / 50 / 150 and a scaling ratio ≈ 3. Found: the median size of circle j over owners with
 *       at least j circles, and the median of all successive ratios.</li>
 *   <li><b>Wilson et al. (2009)</b>, EuroSys: under 1 % of Facebook users interact with more than half of their
 *       friends. Found: the share of owners with ties whose ties with at least one interaction are more than half
 *       of their ties. Not comparable for ties derived from interactions (every such tie has one).</li>
 * </ul>
 * Danger: the published figures come from other platforms, years and definitions (Twitter replies, Facebook wall
 * posts); the table sets them side by side, it does not test them.
 *
 * <p><b>Suppression</b> ({@link Comparison#suppressed}): each source's owner count (owners with ties, with
 * reciprocated ties, with circles) adds up over the groups, those left out included, to a count the report publishes
 * pooled (claims.csv's C1 counts the owners with ties); over the datasets of a platform with several (network eras),
 * to the platform table's owners of it when they all have ties. A row is hidden below k_min owners; with its
 * platform, when the platform table hides it (a group's owners are its platform's when they all have ties); and as
 * a complement while the hidden and left-out groups, of one platform with several or of the rest, describe 1 to
 * k_min − 1 owners ({@link Disclosure#hiddenParts(List, List, int)}).
 */
public final class PublishedResults {
    public static final String GONCALVES = "Gonçalves et al. 2011";
    public static final String DUNBAR = "Dunbar et al. 2015";
    public static final String WILSON = "Wilson et al. 2009";

    private PublishedResults() {
    }

    /**
     * One owner as the comparison needs it.
     *
     * @param group           the dataset group (platform, or "network/&lt;format era&gt;")
     * @param nTies           ties
     * @param nInteracting    ties with at least one interaction (one-way, reciprocal or sustained)
     * @param nReciprocal     reciprocated ties (depth reciprocal or sustained)
     * @param outOnReciprocal interactions the owner sent on its reciprocated ties
     * @param layerSizes      cumulative Dunbar circle sizes, innermost first (empty without circles)
     * @param derivedTies     ties derived from interactions
     */
    public record Owner(String group, long nTies, long nInteracting, long nReciprocal, long outOnReciprocal,
                        int[] layerSizes, boolean derivedTies) {
        public Owner {
            layerSizes = layerSizes == null ? new int[0] : layerSizes.clone();
        }
    }

    /**
     * One row of the table: a published figure and what tiedepth finds in one group.
     *
     * @param suppressed the reports hide the row's finding and owners: below k_min, or as a complement
     */
    public record Comparison(String group, String source, String measure, String published, String found,
                             long owners, boolean suppressed) {
        /** A row not hidden as a complement. */
        public Comparison(String group, String source, String measure, String published, String found,
                          long owners) {
            this(group, source, measure, published, found, owners, false);
        }

        /** The row's values in the order of {@code StatsTables.PUBLISHED_RESULTS}. */
        public Object[] values() {
            return new Object[] {group, source, measure, published, found, owners, suppressed};
        }

        Comparison hidden() {
            return new Comparison(group, source, measure, published, found, owners, true);
        }
    }

    /** {@link #compute(List, int, Predicate)} with every platform shown in the platform table. */
    public static List<Comparison> compute(List<Owner> owners, int kMin) {
        return compute(owners, kMin, platform -> false);
    }

    /**
     * The comparisons of every group with at least {@code kMin} owners with ties, groups in name order, flagged
     * {@link Comparison#suppressed} as the class doc says.
     *
     * @param hiddenPlatform the platforms the platform table hides ({@link PlatformSuppression})
     */
    public static List<Comparison> compute(List<Owner> owners, int kMin, Predicate<String> hiddenPlatform) {
        Map<String, List<Owner>> groups = owners.stream().filter(o -> o.nTies() > 0)
                .collect(Collectors.groupingBy(Owner::group, TreeMap::new, Collectors.toList()));
        List<Comparison> out = new ArrayList<>();
        groups.forEach((group, members) -> {
            if (members.size() >= kMin) {
                out.add(goncalves(group, members, kMin));
                out.addAll(dunbar(group, members, kMin));
                out.add(wilson(group, members, kMin));
            }
        });
        return suppress(out, groups, hiddenPlatform, kMin);
    }

    /** Each source's owner count of a group's owners with ties. */
    private static Map<String, ToLongFunction<List<Owner>>> counts() {
        Map<String, ToLongFunction<List<Owner>>> out = new LinkedHashMap<>();
        out.put(GONCALVES, PublishedResults::reciprocalOwners);
        out.put(DUNBAR, PublishedResults::circleOwners);
        out.put(WILSON, List::size);
        return out;
    }

    /** The rows with {@code suppressed} set: per source, the groups {@link Disclosure#hiddenParts} hides. */
    static List<Comparison> suppress(List<Comparison> rows, Map<String, List<Owner>> groups,
                                     Predicate<String> hiddenPlatform, int kMin) {
        List<String> names = new ArrayList<>(groups.keySet());
        List<String> subtotals = subtotals(names, hiddenPlatform);
        Set<String> listed = rows.stream().map(Comparison::group).collect(Collectors.toSet());
        Map<String, Set<String>> hidden = new LinkedHashMap<>();
        counts().forEach((source, count) -> {
            List<Part> parts = new ArrayList<>();
            for (String g : names) {
                boolean shown = listed.contains(g) && !hiddenPlatform.test(platformOf(g));
                parts.add(new Part(count.applyAsLong(groups.get(g)), shown ? Role.SHOWN : Role.UNPUBLISHED));
            }
            Set<String> out = new HashSet<>();
            Disclosure.hiddenParts(parts, subtotals, kMin).forEach(i -> out.add(names.get(i)));
            hidden.put(source, out);
        });
        return rows.stream().map(r -> hidden.get(r.source()).contains(r.group()) ? r.hidden() : r).toList();
    }

    /**
     * The subtotal each group adds up to: the platform table's row of its platform, when the platform has several
     * groups (network eras) and the table shows it; else none (null).
     */
    private static List<String> subtotals(List<String> groups, Predicate<String> hiddenPlatform) {
        Map<String, Long> perPlatform = groups.stream().collect(Collectors.groupingBy(PublishedResults::platformOf,
                Collectors.counting()));
        return groups.stream().map(PublishedResults::platformOf).map(p -> perPlatform.get(p) > 1
                && !hiddenPlatform.test(p) ? p : null).toList();
    }

    /** The platform of a group: a platform, or the platform of "network/&lt;format era&gt;". */
    public static String platformOf(String group) {
        int slash = group.indexOf('/');
        return slash < 0 ? group : group.substring(0, slash);
    }

    private static long reciprocalOwners(List<Owner> owners) {
        return owners.stream().filter(o -> o.nReciprocal() > 0).count();
    }

    private static long circleOwners(List<Owner> owners) {
        return owners.stream().filter(o -> o.layerSizes().length > 0).count();
    }

    /** Mean interactions sent per reciprocated tie, by log2 bin of reciprocated ties: where it peaks. */
    static Comparison goncalves(String group, List<Owner> owners, int kMin) {
        Map<Integer, List<Double>> bins = new TreeMap<>();
        for (Owner o : owners) {
            if (o.nReciprocal() > 0) {
                bins.computeIfAbsent(63 - Long.numberOfLeadingZeros(o.nReciprocal()), b -> new ArrayList<>())
                        .add((double) o.outOnReciprocal() / o.nReciprocal());
            }
        }
        String measure = "mean interactions sent per reciprocated tie, by log2 bin of reciprocated ties";
        String published = "rises, then falls: peak at 100-200 ties (Twitter replies)";
        StringBuilder curve = new StringBuilder();
        int peak = -1;
        double best = Double.NEGATIVE_INFINITY;
        for (Map.Entry<Integer, List<Double>> e : bins.entrySet()) {
            if (e.getValue().size() >= kMin) {
                double mean = e.getValue().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                curve.append(curve.length() == 0 ? "" : "; ").append(binLabel(e.getKey())).append(": ")
                        .append(Fmt.num(mean));
                if (mean > best) {
                    best = mean;
                    peak = e.getKey();
                }
            }
        }
        String found = peak < 0 ? "no bin has " + kMin + " owners with reciprocated ties"
                : "peak at " + binLabel(peak) + " reciprocated ties (" + curve + ")";
        return new Comparison(group, GONCALVES, measure, published, found, reciprocalOwners(owners));
    }

    /** Median cumulative circle sizes and the median successive ratio. */
    static List<Comparison> dunbar(String group, List<Owner> owners, int kMin) {
        List<List<Double>> sizes = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        long n = circleOwners(owners);
        for (Owner o : owners) {
            int[] s = o.layerSizes();
            for (int j = 0; j < s.length; j++) {
                while (sizes.size() <= j) {
                    sizes.add(new ArrayList<>());
                }
                sizes.get(j).add((double) s[j]);
                if (j > 0 && s[j - 1] > 0) {
                    ratios.add((double) s[j] / s[j - 1]);
                }
            }
        }
        StringBuilder found = new StringBuilder();
        for (List<Double> circle : sizes) {
            if (circle.size() >= kMin) {
                found.append(found.length() == 0 ? "" : " / ").append(Fmt.num(median(circle)));
            }
        }
        return List.of(
                new Comparison(group, DUNBAR, "median cumulative Dunbar circle sizes, innermost first (owners with "
                        + ">= 5 established active ties)", "1.5 / 5 / 15 / 50 / 150 (Facebook and Twitter)",
                        found.length() == 0 ? "no circle has " + kMin + " owners" : found.toString(), n),
                new Comparison(group, DUNBAR, "median ratio of successive circle sizes", "about 3",
                        ratios.size() < kMin ? "fewer than " + kMin + " ratios" : Fmt.num(median(ratios)), n));
    }

    /**
     * Share of owners who interact with more than half of their ties. When those owners, or the others, are 1 to
     * k_min − 1, neither their count nor the share is written (either gives the other as the group minus it): only
     * that they are fewer than k_min.
     */
    static Comparison wilson(String group, List<Owner> owners, int kMin) {
        String measure = "share of owners who interact with more than half of their ties";
        String published = "under 1% (Facebook, 2008)";
        if (owners.stream().anyMatch(Owner::derivedTies)) {
            return new Comparison(group, WILSON, measure, published, "not comparable: ties derived from "
                    + "interactions all have one", owners.size());
        }
        long more = owners.stream().filter(o -> 2 * o.nInteracting() > o.nTies()).count();
        return new Comparison(group, WILSON, measure, published, share(more, owners.size(), kMin), owners.size());
    }

    /** "p% (part of whole)", or how it compares with k_min when the part or the rest is 1 to k_min − 1. */
    static String share(long part, long whole, int kMin) {
        if (ReportCsv.suppressed(part, kMin)) {
            return "fewer than " + kMin + " of " + whole;
        }
        if (ReportCsv.suppressed(whole - part, kMin)) {
            return "all but fewer than " + kMin + " of " + whole;
        }
        return Fmt.num(100.0 * part / whole) + "% (" + part + " of " + whole + ")";
    }

    private static String binLabel(int log2) {
        return "[" + (1L << log2) + ", " + (1L << (log2 + 1)) + ")";
    }

    private static double median(List<Double> values) {
        return new Percentile().withEstimationType(Percentile.EstimationType.R_7)
                .evaluate(values.stream().mapToDouble(Double::doubleValue).toArray(), 50);
    }
}
