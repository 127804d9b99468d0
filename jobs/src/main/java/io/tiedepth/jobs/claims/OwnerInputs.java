package io.tiedepth.jobs.claims;

import static io.tiedepth.schema.Columns.*;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import io.tiedepth.claims.C8DormantTiesWakeTogether;
import io.tiedepth.claims.ClaimParams;
import io.tiedepth.claims.OwnerMetric;
import io.tiedepth.claims.OwnerRow;
import io.tiedepth.panels.PanelRow;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * The claims stage's input: one row per analysed export (owner_metrics) with the per-owner tie counts the tie-level
 * claims pool, aggregated in Spark from tie_features (ties only), then collected to the driver as {@link OwnerRow}s.
 * Owners are thousands to a few hundred thousand rows of a few dozen numbers, so the owner-level statistics on the
 * driver are exact and cheap; everything per tie stays in Spark.
 *
 * <ul>
 *   <li>{@code mean_active_frequency}: mean contact_frequency of the owner's active ties.</li>
 *   <li>C3: {@code _burst_ties} = burst-accepted ties the owner accepted ({@code invited_by} = contact) whose
 *       response window is observable ({@code interacted_within_180d} not null), {@code _burst_events} = those with
 *       an interaction in it; {@code _other_ties}, {@code _other_events} likewise for accepted dated ties not
 *       burst-accepted.</li>
 *   <li>C9: {@code _note_ties} = ties with {@code invitation_has_note} true, {@code _note_events} = those of depth
 *       reciprocal or sustained; {@code _no_note_*} likewise for {@code invitation_has_note} false.</li>
 *   <li>C8: {@code _reactivation_months} = (month index, reactivations) over the ties' {@code reactivated_at};
 *       the driver keeps the owner's eligible months ({@link C8DormantTiesWakeTogether#eligibleMonths}).</li>
 * </ul>
 */
public final class OwnerInputs {
    private static final String MONTHS = "_reactivation_months";
    private static final String PANEL = "_panel";
    /** The panel columns each owner row carries, in {@link PanelRow}'s order after the export's own columns. */
    private static final String[] PANEL_COLUMNS = {MONTH, TIES_HELD, TIES_GAINED, ACTIVE_12M, RECIPROCAL_12M,
        INBOUND_REQUESTS, GAINED_DIRECTION_KNOWN, GAINED_INBOUND};

    private OwnerInputs() {
    }

    /**
     * owner_metrics joined with the per-owner tie aggregates. owner_metrics written before circles existed (no
     * n_layers) is read with null circles; before time_origin existed, with absolute times and declared ties.
     */
    public static Dataset<Row> compute(Dataset<Row> ownerMetrics, Dataset<Row> tieFeatures) {
        Dataset<Row> ties = tieFeatures.filter(col(IS_TIE));
        Column observable = col(INTERACTED_WITHIN_180D).isNotNull();
        Column responded = coalesce(col(INTERACTED_WITHIN_180D), lit(false));
        Column accepted = coalesce(col(INVITED_BY), lit("")).equalTo("contact");
        Column burst = coalesce(col(BURST_ACCEPTED), lit(false)).and(accepted);
        Column other = col(BURST_ACCEPTED).isNotNull().and(col(BURST_ACCEPTED).equalTo(false)).and(accepted);
        Column deep = col(DEPTH).isin("reciprocal", "sustained");
        Column note = coalesce(col(INVITATION_HAS_NOTE), lit(false));
        Column noNote = col(INVITATION_HAS_NOTE).isNotNull().and(note.equalTo(false));
        Dataset<Row> perOwner = ties.groupBy(EXPORT_ID).agg(
                avg(when(col(ACTIVE), col(CONTACT_FREQUENCY))).as(MEAN_ACTIVE_FREQUENCY),
                countIf(burst.and(observable)).as("_burst_ties"),
                countIf(burst.and(responded)).as("_burst_events"),
                countIf(other.and(observable)).as("_other_ties"),
                countIf(other.and(responded)).as("_other_events"),
                countIf(note).as("_note_ties"),
                countIf(note.and(deep)).as("_note_events"),
                countIf(noNote).as("_no_note_ties"),
                countIf(noNote.and(deep)).as("_no_note_events"));
        Dataset<Row> months = ties.select(col(EXPORT_ID), explode(col(REACTIVATED_AT)).as("_t"))
                .select(col(EXPORT_ID), year(col("_t")).multiply(12).plus(month(col("_t"))).minus(1).as("_m"))
                .groupBy(EXPORT_ID, "_m").agg(functions.count(lit(1)).as("_n"))
                .groupBy(EXPORT_ID).agg(collect_list(struct(col("_m"), col("_n"))).as(MONTHS));
        Dataset<Row> metrics = ownerMetrics;
        if (!Arrays.asList(metrics.columns()).contains(N_LAYERS)) {
            metrics = metrics.withColumn(N_LAYERS, lit(null).cast(DataTypes.IntegerType))
                    .withColumn(LAYER_SIZES, lit(null).cast(DataTypes.createArrayType(DataTypes.IntegerType)))
                    .withColumn(LAYER_RATIOS, lit(null).cast(DataTypes.createArrayType(DataTypes.DoubleType)));
        }
        if (!Arrays.asList(metrics.columns()).contains(TIME_ORIGIN)) {
            metrics = metrics.withColumn(TIME_ORIGIN, lit("absolute"))
                    .withColumn(DERIVED_TIES, lit(null).cast(DataTypes.StringType));
        }
        return metrics.join(perOwner, seq(EXPORT_ID), "left")
                .join(months, seq(EXPORT_ID), "left");
    }

    /**
     * {@link #compute(Dataset, Dataset)} with each export's within-owner panel ({@code features/panels}) as one list
     * of month structs per export, grouped in Spark and joined by export id, so the panels travel with the owner rows
     * when they are collected (no driver-side lookup per owner). Exports without panel rows get none.
     */
    public static Dataset<Row> compute(Dataset<Row> ownerMetrics, Dataset<Row> tieFeatures, Dataset<Row> panels) {
        return compute(ownerMetrics, tieFeatures).join(panelsPerExport(panels), seq(EXPORT_ID), "left");
    }

    /** {@code features/panels} as one row per export: its id and its months as a list of structs ({@link #panel}). */
    public static Dataset<Row> panelsPerExport(Dataset<Row> panels) {
        Column[] fields = Arrays.stream(PANEL_COLUMNS).map(functions::col).toArray(Column[]::new);
        return panels.groupBy(EXPORT_ID).agg(collect_list(struct(fields)).as(PANEL));
    }

    /** The rows of {@link #compute} as owner rows (C8's eligible months from {@code params.dormancyDays()}). */
    public static List<OwnerRow> collect(Dataset<Row> inputs, ClaimParams params) {
        List<OwnerRow> out = new ArrayList<>();
        for (Row r : inputs.collectAsList()) {
            out.add(toOwnerRow(r, params));
        }
        return out;
    }

    static OwnerRow toOwnerRow(Row r, ClaimParams params) {
        String exportId = r.getAs(EXPORT_ID);
        String ownerId = r.getAs(OWNER_ID);
        OwnerRow.Builder b = OwnerRow.builder(exportId, ownerId == null ? "export:" + exportId : ownerId)
                .platform(r.getAs(PLATFORM))
                .sizeClass(r.getAs(SIZE_CLASS))
                .relativeTime("relative".equals(r.getAs(TIME_ORIGIN)))
                .derivedTies(r.getAs(DERIVED_TIES));
        for (OwnerMetric m : OwnerMetric.values()) {
            Object v = r.getAs(m.column());
            b.set(m, v == null ? null : ((Number) v).doubleValue());
        }
        List<Integer> sizes = r.isNullAt(r.fieldIndex(LAYER_SIZES)) ? null : r.getList(r.fieldIndex(LAYER_SIZES));
        List<Double> ratios = r.isNullAt(r.fieldIndex(LAYER_RATIOS)) ? null : r.getList(r.fieldIndex(LAYER_RATIOS));
        if (sizes != null && ratios != null) {
            b.layers(sizes.stream().mapToInt(Integer::intValue).toArray(),
                    ratios.stream().mapToDouble(Double::doubleValue).toArray());
        }
        b.burst(count(r, "_burst_ties"), count(r, "_burst_events"))
                .nonBurst(count(r, "_other_ties"), count(r, "_other_events"))
                .note(count(r, "_note_ties"), count(r, "_note_events"))
                .noNote(count(r, "_no_note_ties"), count(r, "_no_note_events"));
        Timestamp start = r.getAs(WINDOW_START);
        Timestamp end = r.getAs(WINDOW_END);
        if (start != null && end != null) {
            int[] eligible = C8DormantTiesWakeTogether.eligibleMonths(start.toInstant(), end.toInstant(),
                    params.dormancyDays());
            if (eligible[1] >= eligible[0]) {
                long[] counts = new long[eligible[1] - eligible[0] + 1];
                List<Row> months = r.isNullAt(r.fieldIndex(MONTHS)) ? List.of() : r.getList(r.fieldIndex(MONTHS));
                for (Row m : months) {
                    int i = m.getInt(0) - eligible[0];
                    if (i >= 0 && i < counts.length) {
                        counts[i] += m.getLong(1);
                    }
                }
                b.reactivationMonths(eligible[0], counts);
            }
        }
        return b.panel(panel(r, exportId, ownerId, r.getAs(PLATFORM))).build();
    }

    /**
     * The panel months of a row of {@link #compute(Dataset, Dataset, Dataset)} or {@link #panelsPerExport}, in month
     * order, as the export's (empty without panel rows or without the panel column).
     */
    public static List<PanelRow> panel(Row r, String exportId, String ownerId, String platform) {
        if (!Arrays.asList(r.schema().fieldNames()).contains(PANEL) || r.isNullAt(r.fieldIndex(PANEL))) {
            return List.of();
        }
        List<PanelRow> out = new ArrayList<>();
        for (Row m : r.<Row>getList(r.fieldIndex(PANEL))) {
            out.add(new PanelRow(exportId, ownerId, platform, YearMonth.from(m.getDate(0).toLocalDate()), m.getLong(1),
                    m.getLong(2), m.getLong(3), m.getLong(4), nullableLong(m, 5), nullableLong(m, 6),
                    nullableLong(m, 7)));
        }
        out.sort(Comparator.comparing(PanelRow::month));
        return out;
    }

    private static Long nullableLong(Row r, int i) {
        return r.isNullAt(i) ? null : r.getLong(i);
    }

    private static long count(Row r, String column) {
        Object v = r.getAs(column);
        return v == null ? 0 : ((Number) v).longValue();
    }

    private static scala.collection.Seq<String> seq(String... names) {
        return scala.collection.JavaConverters.asScalaBuffer(List.of(names)).toList();
    }

    private static Column countIf(Column condition) {
        return sum(when(condition, 1L).otherwise(0L));
    }
}
