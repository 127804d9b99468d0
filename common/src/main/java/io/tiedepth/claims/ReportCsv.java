package io.tiedepth.claims;

import static io.tiedepth.schema.StatsTables.*;

import io.tiedepth.schema.Columns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.spark.sql.types.StructType;

/**
 * The CSV reports of {@code reports/<run_date>/}: {@code claims.csv}, {@code cohorts.csv}, {@code curves.csv},
 * {@code layers.csv}, with the columns of the {@code stats/} tables ({@link io.tiedepth.schema.StatsTables}) plus
 * {@code suppressed}. RFC 4180 fields (quoted when they hold a comma, quote or line break), "\n" line ends, UTF-8,
 * one header line; numbers with 6 significant digits in plain notation, empty when missing, "Inf" when infinite;
 * a claim's {@code extra} as {@code name=value; name=value}.
 *
 * <p><b>Suppression</b> (DESIGN §8): a row describing fewer than {@code k_min} owners (but at least one) shows no
 * number of its own: its owner count, statistics and extras are empty and {@code suppressed} is {@code true}; its
 * labels (claim, statement, cohort, metric, bin bounds, verdict, reason) stay. Reasons never name a count below
 * {@code k_min} ({@link ClaimParams#owners}). The Parquet tables under {@code stats/} are not suppressed: they are
 * for the study's own analysts.
 */
public final class ReportCsv {
    private static final int CLAIM_EXTRA_COLUMN = List.of(CLAIMS.fieldNames()).indexOf(EXTRA);
    private static final Set<String> CLAIM_NUMBERS = Set.of(ESTIMATE, CI_LOW, CI_HIGH, CI_LOW_ADJUSTED,
            CI_HIGH_ADJUSTED, CI_LEVEL_ADJUSTED, P_VALUE, P_HOLM, N_OWNERS,
            Columns.N_TIES, EXTRA);
    private static final Set<String> COHORT_NUMBERS = Set.of(OWNERS, MEDIAN, Q1, Q3, MEAN, MEAN_CI_LOW, MEAN_CI_HIGH,
            CI_METHOD);
    private static final Set<String> CURVE_NUMBERS = Set.of(OWNERS, MEAN_N_TIES, MEAN, STANDARD_ERROR, MEDIAN, Q1, Q3,
            PEAK);
    private static final Set<String> LAYER_NUMBERS = Set.of(OWNERS, MEDIAN_SIZE, Q1_SIZE, Q3_SIZE, MEAN_SIZE,
            MEDIAN_RATIO, Q1_RATIO, Q3_RATIO);

    /** What a hidden figure reads in {@code extra}. */
    public static final String SUPPRESSED_VALUE = "suppressed";

    private ReportCsv() {
    }

    /** {@code claims.csv} of pooled claims only (platform {@value PlatformClaims#POOLED}), no complements. */
    public static String claims(List<ClaimResult> claims, ClaimParams params) {
        return claimRows(PlatformClaims.rows(claims, Map.of()), params, sizeClass -> false);
    }

    /** {@link #claimRows(List, ClaimParams, Predicate, PlatformSuppression.Decision)} without a platform table. */
    public static String claimRows(List<PlatformClaims.Row> rows, ClaimParams params,
                                   Predicate<String> hiddenSizeClass) {
        return claimRows(rows, params, hiddenSizeClass, PlatformSuppression.decide(Map.of(),
                PlatformSuppression.counts(rows), params.kMin()));
    }

    /**
     * {@code claims.csv}: pooled and per-platform rows, each suppressed on its own owner count or as a complement
     * ({@code platforms}, {@link PlatformSuppression}); in {@code extra}, figures of a size class the cohorts hide
     * ({@code hiddenSizeClass}, {@link ReportSuppression#hidesSizeClass}; C10's proxy per class) read "suppressed", so
     * they cannot undo the cohorts' complements; in per-platform rows, owner counts that would give a hidden one away
     * ({@link PlatformSuppression#hiddenExtraCounts}) read "suppressed". Rows of a platform the platform table hides
     * are hidden whole.
     */
    public static String claimRows(List<PlatformClaims.Row> rows, ClaimParams params,
                                   Predicate<String> hiddenSizeClass, PlatformSuppression.Decision platforms) {
        Set<String> hiddenCounts = PlatformSuppression.hiddenExtraCounts(rows, params.kMin());
        return table(CLAIMS, CLAIM_NUMBERS, rows, r -> platforms.hidesClaim(r.platform(), r.claim().claimId(),
                r.claim().nOwners(), params.kMin()), r -> {
            Object[] v = StatsRows.claim(r, params);
            Map<String, String> extra = maskSizeClasses(r.claim().extra(), hiddenSizeClass);
            v[CLAIM_EXTRA_COLUMN] = r.platform().equals(PlatformClaims.POOLED) ? extra
                    : mask(extra, name -> hiddenCounts.contains(r.claim().claimId() + "/" + name));
            return v;
        });
    }

    /** {@code name[<size class>]} entries of a hidden class become "suppressed". */
    static Map<String, String> maskSizeClasses(Map<String, String> extra, Predicate<String> hiddenSizeClass) {
        return mask(extra, k -> {
            int open = k.lastIndexOf('[');
            return open >= 0 && k.endsWith("]") && hiddenSizeClass.test(k.substring(open + 1, k.length() - 1));
        });
    }

    /** The entries whose name is hidden read "suppressed". */
    static Map<String, String> mask(Map<String, String> extra, Predicate<String> hiddenName) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        extra.forEach((k, v) -> out.put(k, hiddenName.test(k) ? SUPPRESSED_VALUE : v));
        return out;
    }

    /** cohorts.csv: the cells {@code hidden} says (below k_min, and their complements: {@link ReportSuppression}). */
    public static String cohorts(List<Cohorts.Cell> cells, Predicate<Cohorts.Cell> hidden) {
        return table(COHORTS, COHORT_NUMBERS, cells, hidden, c -> StatsRows.cohort(c, hidden.test(c)));
    }

    public static String curves(List<Curves.Point> points, Predicate<Curves.Point> hidden) {
        return table(CURVES, CURVE_NUMBERS, points, hidden, c -> StatsRows.curve(c, hidden.test(c)));
    }

    public static String layers(List<LayerTable.Row> rows, Predicate<LayerTable.Row> hidden) {
        return table(LAYERS, LAYER_NUMBERS, rows, hidden, c -> StatsRows.layer(c, hidden.test(c)));
    }

    /**
     * published.csv: the published-results table; a row of fewer than k_min owners, or hidden as a complement
     * ({@link PublishedResults.Comparison#suppressed}), loses its finding and count.
     */
    public static String published(List<PublishedResults.Comparison> rows, int kMin) {
        return table(PUBLISHED_RESULTS, Set.of(FOUND, OWNERS), rows,
                r -> r.suppressed() || suppressed(r.owners(), kMin), PublishedResults.Comparison::values);
    }

    /**
     * A table without suppression (its rows describe simulated populations, not owners: {@code tiedepth plan}): the
     * header, then each row's values in the header's order, formatted and quoted as every report CSV.
     */
    public static String unsuppressed(List<String> columns, List<Object[]> rows) {
        StringBuilder sb = new StringBuilder();
        line(sb, columns);
        for (Object[] row : rows) {
            List<String> out = new ArrayList<>();
            for (Object v : row) {
                out.add(cell(v));
            }
            line(sb, out);
        }
        return sb.toString();
    }

    /** Whether a row describing this many owners is suppressed. */
    public static boolean suppressed(long owners, int kMin) {
        return owners > 0 && owners < kMin;
    }

    /** The rows with the schema's columns, and {@code suppressed} last (added when the schema lacks it). */
    private static <T> String table(StructType schema, Set<String> numbers, List<T> rows, Predicate<T> hidden,
                                    Function<T, Object[]> values) {
        String[] names = schema.fieldNames();
        boolean flagged = List.of(names).contains(SUPPRESSED);
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>(List.of(names));
        if (!flagged) {
            header.add(SUPPRESSED);
        }
        line(sb, header);
        for (T row : rows) {
            Object[] v = values.apply(row);
            boolean hide = hidden.test(row);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < names.length; i++) {
                out.add(names[i].equals(SUPPRESSED) ? Boolean.toString(hide)
                        : hide && numbers.contains(names[i]) ? "" : cell(v[i]));
            }
            if (!flagged) {
                out.add(Boolean.toString(hide));
            }
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
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder();
            m.forEach((k, x) -> sb.append(sb.length() > 0 ? "; " : "").append(k).append('=').append(x));
            return sb.toString();
        }
        return v.toString();
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
