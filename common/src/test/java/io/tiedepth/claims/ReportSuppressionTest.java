package io.tiedepth.claims;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.generate.GeneratorParams;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The differencing attack of the operations issue, on the CSVs one report publishes: from cohorts.csv, curves.csv
 * and C6's counts in claims.csv, an attacker solves for the count of owners in any range of n_ties between published
 * bounds. With k_min suppression alone a small range is recovered (the 5000+ class as the total minus the classes
 * shown; a range that two overlapping tables cut out); with {@link ReportSuppression} none is.
 */
class ReportSuppressionTest {
    static final GeneratorParams MODEL = GeneratorParams.DEFAULTS.with("{\"sizes\": {\"median\": 120, "
            + "\"cap\": 9000, \"tailShare\": 0.15, \"tailMin\": 900}}");
    static final ClaimParams PARAMS = new ClaimParams(3, 100, 30, 10, 1000, 10, 180, 180, 0.05);
    static List<OwnerRow> rows;
    static ClaimInputs in;
    static List<ClaimResult> claims;
    static List<Cohorts.Cell> cohorts;
    static List<Curves.Point> curves;
    static List<LayerTable.Row> layers;

    @BeforeAll
    static void population() {
        rows = GeneratedOwners.rows(MODEL, 9, 400);
        in = ClaimInputs.of(rows);
        claims = Claims.evaluate(in, PARAMS);
        cohorts = Cohorts.compute(in, PARAMS);
        curves = Curves.compute(in, PARAMS);
        layers = LayerTable.compute(in);
    }

    @Test
    void theReportsGiveAwayNoSmallRangeOfNetworkSizes() {
        long huge = rows.stream().filter(r -> r.nTies() >= 5000).count();
        assertThat(huge).as("a 5000+ class below k_min").isBetween(1L, 9L);
        assertThat(claims.get(5).extra().get("mega_owners")).matches("\\d+");

        Predicate<Long> primary = n -> ReportCsv.suppressed(n, PARAMS.kMin());
        List<String> before = attack(ReportCsv.cohorts(cohorts, c -> primary.test(c.owners())),
                ReportCsv.curves(curves, c -> primary.test(c.owners())));
        assertThat(before).isNotEmpty();

        ReportSuppression hidden = ReportSuppression.decide(in, cohorts, curves, layers, claims, PARAMS);
        assertThat(attack(ReportCsv.cohorts(cohorts, hidden::hides), ReportCsv.curves(curves, hidden::hides)))
                .isEmpty();
    }

    @Test
    void c10sProxyPerSizeClassHidesTheClassesTheCohortsHide() {
        ReportSuppression hidden = ReportSuppression.decide(in, cohorts, curves, layers, claims, PARAMS);
        assertThat(hidden.hidesSizeClass("1000-4999")).as("a complement with k_min owners or more").isTrue();
        assertThat(hidden.hidesSizeClass("150-499")).isFalse();
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("owners[150-499]", "115");
        extra.put("median_interactions_per_tie[150-499]", "2.5");
        extra.put("owners[1000-4999]", "50");
        extra.put("median_interactions_per_tie[1000-4999]", "1.25");
        extra.put("owners[5000+]", "fewer than 10");
        ClaimResult c10 = ClaimResult.notTestable(new C10ValuePerConnection(), PARAMS, "proxy only", 173, 9000,
                extra);
        String before = ReportCsv.claims(List.of(c10), PARAMS);
        assertThat(before).contains("owners[1000-4999]=50");
        String after = ReportCsv.claimRows(PlatformClaims.rows(List.of(c10), Map.of()), PARAMS,
                hidden::hidesSizeClass);
        assertThat(after).contains("owners[150-499]=115; median_interactions_per_tie[150-499]=2.5; "
                + "owners[1000-4999]=suppressed; median_interactions_per_tie[1000-4999]=suppressed; "
                + "owners[5000+]=suppressed");
    }

    @Test
    void layerRowsGiveAwayNoSmallGroupOfCircleCounts() {
        ReportSuppression hidden = ReportSuppression.decide(in, cohorts, curves, layers, claims, PARAMS);
        List<long[]> shown = new ArrayList<>();
        TreeSet<Long> cuts = new TreeSet<>();
        for (LayerTable.Row l : layers) {
            Disclosure.Range r = ReportSuppression.range(l);
            cuts.add(r.lo());
            cuts.add(r.hi());
            if (!hidden.hides(l)) {
                shown.add(new long[] {r.lo(), r.hi()});
            }
        }
        long[] circles = rows.stream().mapToLong(r -> (long) r.get(OwnerMetric.N_LAYERS)).filter(k -> k > 0)
                .toArray();
        assertThat(pinnedSmallRanges(shown, cuts, circles)).isEmpty();
    }

    /** Small ranges of n_ties the attacker pins down, as "metric [lo, hi)". */
    private static List<String> attack(String cohortsCsv, String curvesCsv) {
        Map<String, List<long[]>> shown = new LinkedHashMap<>();
        Map<String, TreeSet<Long>> cuts = new HashMap<>();
        for (Map<String, String> r : csv(cohortsCsv)) {
            long[] range = switch (r.get("grouping")) {
                case "all" -> new long[] {0, Long.MAX_VALUE};
                case "size_class" -> sizeClass(r.get("cohort"));
                default -> new long[] {(long) Double.parseDouble(r.get("bin_lower")),
                    (long) Double.parseDouble(r.get("bin_upper")) + 1};
            };
            add(shown, cuts, universe(r.get("metric")), range, r.get("suppressed").equals("false"));
        }
        for (Map<String, String> r : csv(curvesCsv)) {
            long[] range = {(long) Double.parseDouble(r.get("bin_lower")),
                (long) Double.parseDouble(r.get("bin_upper"))};
            add(shown, cuts, universe(r.get("metric")), range, r.get("suppressed").equals("false"));
        }
        String mega = claims.get(5).extra().get("mega_owners");
        String comparison = claims.get(5).extra().get("comparison_owners");
        List<String> out = new ArrayList<>();
        for (String u : shown.keySet()) {
            if (mega.matches("\\d+")) {
                add(shown, cuts, u, new long[] {PARAMS.megaTies(), Long.MAX_VALUE}, true);
            }
            if (comparison.matches("\\d+")) {
                add(shown, cuts, u, new long[] {PARAMS.megaTies() / 10, PARAMS.megaTies()}, true);
            }
            OwnerMetric m = OwnerMetric.valueOf(u.substring(0, u.indexOf('|')));
            long[] ties = rows.stream().filter(r -> !Double.isNaN(r.get(m))).mapToLong(OwnerRow::nTies).toArray();
            pinnedSmallRanges(shown.get(u), cuts.get(u), ties).forEach(t -> out.add(u + " " + t));
        }
        return out;
    }

    /** Metrics defined for the same owners share one universe: their counts are the same unknowns. */
    private static String universe(String column) {
        OwnerMetric m = java.util.Arrays.stream(OwnerMetric.values()).filter(x -> x.column().equals(column))
                .findFirst().orElseThrow();
        StringBuilder defined = new StringBuilder();
        rows.forEach(r -> defined.append(Double.isNaN(r.get(m)) ? '0' : '1'));
        OwnerMetric first = java.util.Arrays.stream(OwnerMetric.values()).filter(x -> {
            StringBuilder d = new StringBuilder();
            rows.forEach(r -> d.append(Double.isNaN(r.get(x)) ? '0' : '1'));
            return d.toString().equals(defined.toString());
        }).findFirst().orElseThrow();
        return first.name() + "|";
    }

    private static void add(Map<String, List<long[]>> shown, Map<String, TreeSet<Long>> cuts, String universe,
                            long[] range, boolean isShown) {
        shown.computeIfAbsent(universe, u -> new ArrayList<>());
        cuts.computeIfAbsent(universe, u -> new TreeSet<>()).add(range[0]);
        cuts.get(universe).add(range[1]);
        if (isShown) {
            shown.get(universe).add(range);
        }
    }

    /**
     * Ranges between two bounds holding fewer than k_min owners (but one at least) whose count follows from the
     * shown ranges by sums and differences: exact integer elimination (not the audit's singular values).
     */
    private static List<String> pinnedSmallRanges(List<long[]> shown, TreeSet<Long> cutSet, long[] values) {
        long[] cuts = cutSet.stream().mapToLong(Long::longValue).toArray();
        List<BigInteger[]> equations = new ArrayList<>();
        shown.forEach(r -> equations.add(indicator(r[0], r[1], cuts)));
        int base = rank(equations);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < cuts.length - 1; i++) {
            for (int j = i + 1; j < cuts.length; j++) {
                long lo = cuts[i];
                long hi = cuts[j];
                long n = java.util.Arrays.stream(values).filter(v -> lo <= v && v < hi).count();
                if (n == 0 || n >= PARAMS.kMin()) {
                    continue;
                }
                equations.add(indicator(lo, hi, cuts));
                if (rank(equations) == base) {
                    out.add("[" + lo + ", " + hi + ")");
                }
                equations.remove(equations.size() - 1);
            }
        }
        return out;
    }

    private static BigInteger[] indicator(long lo, long hi, long[] cuts) {
        BigInteger[] v = new BigInteger[cuts.length - 1];
        for (int j = 0; j < v.length; j++) {
            v[j] = lo <= cuts[j] && cuts[j + 1] <= hi ? BigInteger.ONE : BigInteger.ZERO;
        }
        return v;
    }

    /** Rank by fraction-free Gaussian elimination over the integers. */
    private static int rank(List<BigInteger[]> rowsIn) {
        List<BigInteger[]> m = new ArrayList<>();
        rowsIn.forEach(r -> m.add(r.clone()));
        int rank = 0;
        int cols = m.isEmpty() ? 0 : m.get(0).length;
        for (int c = 0; c < cols && rank < m.size(); c++) {
            int pivot = -1;
            for (int r = rank; r < m.size(); r++) {
                if (m.get(r)[c].signum() != 0) {
                    pivot = r;
                    break;
                }
            }
            if (pivot < 0) {
                continue;
            }
            java.util.Collections.swap(m, rank, pivot);
            BigInteger[] p = m.get(rank);
            for (int r = rank + 1; r < m.size(); r++) {
                BigInteger[] row = m.get(r);
                if (row[c].signum() == 0) {
                    continue;
                }
                BigInteger f = row[c];
                for (int k = 0; k < cols; k++) {
                    row[k] = row[k].multiply(p[c]).subtract(p[k].multiply(f));
                }
            }
            rank++;
        }
        return rank;
    }

    private static long[] sizeClass(String label) {
        long[] lower = {0, 50, 150, 500, 1000, 5000, Long.MAX_VALUE};
        int i = SizeClass.LABELS.indexOf(label);
        return new long[] {lower[i], lower[i + 1]};
    }

    private static List<Map<String, String>> csv(String text) {
        List<String> lines = text.lines().toList();
        String[] header = lines.get(0).split(",");
        List<Map<String, String>> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            out.add(row);
        }
        return out;
    }
}
