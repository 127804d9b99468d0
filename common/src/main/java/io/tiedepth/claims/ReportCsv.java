package io.tiedepth.claims;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The CSV reports of {@code reports/<run_date>/}: {@code claims.csv}, {@code cohorts.csv}, {@code curves.csv},
 * {@code layers.csv}. RFC 4180 (comma, CRLF-free "\n" lines, fields quoted when they hold a comma, quote or line
 * break), UTF-8, a header line; numbers with 6 significant digits in plain notation, empty for missing, "Inf" for
 * infinite.
 *
 * <p><b>Suppression</b> (DESIGN §8): a row describing fewer than {@code k_min} owners (but at least one) shows no
 * number of its own: its owner count, statistics and extras are empty and its {@code suppressed} column is
 * {@code true}; its labels (claim, cohort, metric, bin, verdict, reason) stay. Reasons never name a count below
 * {@code k_min} ({@link ClaimParams#owners}). The Parquet tables under {@code stats/} are not suppressed: they are
 * for the study's own analysts.
 */
public final class ReportCsv {
    private ReportCsv() {
    }

    public static String claims(List<ClaimResult> claims, int kMin) {
        List<String> header = List.of("claim_id", "seeds", "statement", "statistic", "estimate", "ci_low", "ci_high",
                "p_value", "p_holm", "n_owners", "n_ties", "verdict", "reason", "definition_version", "extra",
                "suppressed");
        return table(header, claims, kMin, ClaimResult::nOwners, c -> new Object[] {c.claimId(), c.seeds(),
            c.statement(), c.statistic(), c.estimate(), c.ciLow(), c.ciHigh(), c.pValue(), c.pHolm(), c.nOwners(),
            c.nTies(), c.verdict().label(), c.reason(), c.definitionVersion(), extra(c.extra())},
                new int[] {4, 5, 6, 7, 8, 9, 10, 14});
    }

    public static String cohorts(List<Cohorts.Cell> cells, int kMin) {
        List<String> header = List.of("grouping", "cohort", "bin_lower", "bin_upper", "metric", "owners", "median",
                "q1", "q3", "mean", "mean_ci_low", "mean_ci_high", "ci_method", "suppressed");
        return table(header, cells, kMin, Cohorts.Cell::owners, c -> new Object[] {c.grouping(), c.cohort(),
            c.binLower(), c.binUpper(), c.metric(), c.owners(), c.median(), c.q1(), c.q3(), c.mean(), c.meanCiLow(),
            c.meanCiHigh(), c.ciMethod()}, new int[] {5, 6, 7, 8, 9, 10, 11, 12});
    }

    public static String curves(List<Curves.Point> points, int kMin) {
        List<String> header = List.of("metric", "bin_index", "bin_lower", "bin_upper", "center", "owners",
                "mean_n_ties", "mean", "standard_error", "median", "q1", "q3", "peak", "suppressed");
        return table(header, points, kMin, Curves.Point::owners, p -> new Object[] {p.metric(), p.binIndex(),
            p.binLower(), p.binUpper(), p.center(), p.owners(), p.meanNTies(), p.mean(), p.standardError(),
            p.median(), p.q1(), p.q3(), p.peak()}, new int[] {5, 6, 7, 8, 9, 10, 11, 12});
    }

    public static String layers(List<LayerTable.Row> rows, int kMin) {
        List<String> header = List.of("group", "layer", "owners", "median_size", "q1_size", "q3_size", "mean_size",
                "median_ratio", "q1_ratio", "q3_ratio", "reference_size", "reference_ratio", "suppressed");
        return table(header, rows, kMin, LayerTable.Row::owners, r -> new Object[] {r.group(), r.layer(), r.owners(),
            r.medianSize(), r.q1Size(), r.q3Size(), r.meanSize(), r.medianRatio(), r.q1Ratio(), r.q3Ratio(),
            r.referenceSize(), r.referenceRatio()}, new int[] {2, 3, 4, 5, 6, 7, 8, 9});
    }

    /** Whether a row describing this many owners is suppressed. */
    public static boolean suppressed(long owners, int kMin) {
        return owners > 0 && owners < kMin;
    }

    private static <T> String table(List<String> header, List<T> rows, int kMin, Function<T, Long> owners,
                                    Function<T, Object[]> cells, int[] describing) {
        StringBuilder sb = new StringBuilder();
        line(sb, new ArrayList<>(header));
        for (T row : rows) {
            Object[] values = cells.apply(row);
            boolean hide = suppressed(owners.apply(row), kMin);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < values.length; i++) {
                final int index = i;
                boolean describes = Arrays.stream(describing).anyMatch(d -> d == index);
                out.add(hide && describes ? "" : cell(values[i]));
            }
            out.add(Boolean.toString(hide));
            line(sb, out);
        }
        return sb.toString();
    }

    private static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return Fmt.cell(d);
        }
        return v.toString();
    }

    private static String extra(Map<String, String> extra) {
        StringBuilder sb = new StringBuilder();
        extra.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(k).append('=').append(v);
        });
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String f = fields.get(i);
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                sb.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(f);
            }
        }
        sb.append('\n');
    }
}
