package io.tiedepth.jobs.features;

import static io.tiedepth.schema.Columns.*;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.unix_seconds;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code tie_features}: one row per owner × contact of the analysed exports (DESIGN §5). Contacts the owner
 * interacted with but has no tie to (recruiters, message requests, people mentioned) have a row with
 * {@code is_tie = false}; owner metrics count ties only.
 *
 * <p>Definitions (README "Definitions" repeats them):
 * <ul>
 *   <li>{@code contact_frequency} = interactions / (observed_days / 365.25), where observed_days = days from
 *       max(connected_at, window_start) — or the first interaction when connected_at is unknown — to the
 *       export's window_end, at least 30.</li>
 *   <li>{@code reciprocal}: at least one interaction in each direction. {@code active}: contact_frequency ≥ 1/year.</li>
 *   <li>{@code depth}: none (no interaction) &lt; one_way &lt; reciprocal &lt; sustained (reciprocal, with
 *       interactions in at least 3 distinct 30-day periods, periods counted from the Unix epoch).</li>
 *   <li>{@code burst_accepted}: at least k ties of the owner share the tie's connection calendar day (UTC).</li>
 *   <li>{@code reactivations}: inbound interactions preceded by at least dormancyDays without any interaction
 *       with that contact (the connection date counts as the start of the tie).</li>
 *   <li>{@code interacted_within_180d}: any interaction within responseDays of connected_at; null when the date
 *       is unknown or the window ends before connected_at + responseDays (not observable).</li>
 *   <li>{@code initiated_by}: direction of the first message (owner | contact); null without messages.</li>
 * </ul>
 */
public final class TieFeatures {
    private static final double DAY_S = 86_400.0;
    private static final long PERIOD_S = 30L * 86_400L;
    private static final String[] KEY = {EXPORT_ID, OWNER_ID, CONTACT_ID};

    private TieFeatures() {
    }

    public static Dataset<Row> compute(Dataset<Row> analysedExports, Dataset<Row> ties, Dataset<Row> interactions,
                                       FeatureParams p) {
        Dataset<Row> window = analysedExports.select(col(EXPORT_ID), col(PLATFORM).as("_platform"),
                col(WINDOW_START), col(WINDOW_END));
        Dataset<Row> t = burstAccepted(ties.join(window.select(EXPORT_ID), seq(EXPORT_ID), "left_semi"), p.burstK());
        Dataset<Row> i = interactions.join(window.select(EXPORT_ID), seq(EXPORT_ID), "left_semi");
        Dataset<Row> marked = markReactivations(i, t, p);
        Dataset<Row> perContact = interactionAggregates(marked, p)
                .join(reactivationTimes(marked), seq(KEY), "left");
        Dataset<Row> contacts = t.withColumn(IS_TIE, lit(true))
                .join(perContact, seq(KEY), "full_outer")
                .join(window, seq(EXPORT_ID))
                .withColumn(PLATFORM, coalesce(col(PLATFORM), col("_platform")))
                .withColumn(IS_TIE, coalesce(col(IS_TIE), lit(false)))
                .withColumn(ENDED, coalesce(col(ENDED), lit(false)))
                .drop("_platform");
        return derive(contacts, p);
    }

    /** Adds {@code burst_accepted}: the tie is one of at least k ties the owner gained that calendar day. */
    static Dataset<Row> burstAccepted(Dataset<Row> ties, int k) {
        Column day = to_date(col(CONNECTED_AT));
        WindowSpec sameDay = Window.partitionBy(col(EXPORT_ID), col(OWNER_ID), day);
        return ties.withColumn(BURST_ACCEPTED, when(col(CONNECTED_AT).isNull(), lit(null).cast(DataTypes.BooleanType))
                .otherwise(count(lit(1)).over(sameDay).geq(k)));
    }

    /**
     * Walks each contact's interactions in time order (one sort): marks each interaction that ends a dormant spell
     * of at least dormancyDays and is inbound ({@code _reactivation}), each within responseDays of connecting
     * ({@code _within}), and each that opens a new UTC day, calendar month and 30-day period ({@code _new_day},
     * {@code _new_month}, {@code _new_period}), so that distinct days, months and periods are plain sums.
     */
    static Dataset<Row> markReactivations(Dataset<Row> interactions, Dataset<Row> ties, FeatureParams p) {
        WindowSpec byTime = Window.partitionBy(KEY[0], KEY[1], KEY[2]).orderBy(AT, CHANNEL, DIRECTION);
        Column previous = coalesce(lag(col(AT), 1).over(byTime), col(CONNECTED_AT));
        Column gap = unix_seconds(col(AT)).minus(unix_seconds(previous));
        Column within = col(CONNECTED_AT).isNotNull()
                .and(col(AT).geq(col(CONNECTED_AT)))
                .and(unix_seconds(col(AT)).minus(unix_seconds(col(CONNECTED_AT))).lt((long) p.responseDays() * 86_400L));
        return interactions.join(ties.select(EXPORT_ID, OWNER_ID, CONTACT_ID, CONNECTED_AT), seq(KEY), "left")
                .withColumn("_reactivation", col(DIRECTION).equalTo("in")
                        .and(coalesce(gap.geq((long) p.dormancyDays() * 86_400L), lit(false))))
                .withColumn("_within", within)
                .withColumn("_new_day", opensNew(to_date(col(AT)), byTime))
                .withColumn("_new_month", opensNew(date_format(col(AT), "yyyy-MM"), byTime))
                .withColumn("_new_period", opensNew(floor(unix_seconds(col(AT)).divide(PERIOD_S)), byTime));
    }

    /** 1 when {@code key} (non-decreasing in the window's order) differs from the previous row's, else 0. */
    private static Column opensNew(Column key, WindowSpec order) {
        Column previous = lag(key, 1).over(order);
        return when(key.isNull(), 0).when(previous.isNull().or(not(previous.equalTo(key))), 1).otherwise(0);
    }

    /** {@code reactivated_at}: the sorted times of a contact's reactivations (contacts with at least one). */
    static Dataset<Row> reactivationTimes(Dataset<Row> marked) {
        return marked.filter(col("_reactivation"))
                .groupBy(KEY[0], KEY[1], KEY[2])
                .agg(array_sort(collect_list(col(AT))).as(REACTIVATED_AT));
    }

    static Dataset<Row> interactionAggregates(Dataset<Row> marked, FeatureParams p) {
        Column isMessage = col(CHANNEL).equalTo("message");
        Column out = col(DIRECTION).equalTo("out");
        List<Column> aggs = new ArrayList<>();
        aggs.add(sum(when(isMessage.and(out), 1).otherwise(0)).cast("long").as(MSGS_OUT));
        aggs.add(sum(when(isMessage.and(not(out)), 1).otherwise(0)).cast("long").as(MSGS_IN));
        aggs.add(sum(when(out, 1).otherwise(0)).cast("long").as(INTERACTIONS_OUT));
        aggs.add(sum(when(not(out), 1).otherwise(0)).cast("long").as(INTERACTIONS_IN));
        for (String channel : CHANNELS) {
            aggs.add(sum(when(col(CHANNEL).equalTo(channel), 1).otherwise(0)).cast("long").as(channelCount(channel)));
        }
        aggs.add(min(AT).as(FIRST_AT));
        aggs.add(max(AT).as(LAST_AT));
        aggs.add(sum(col("_new_day")).cast("long").as(ACTIVE_DAYS));
        aggs.add(sum(col("_new_month")).cast("long").as(ACTIVE_MONTHS));
        aggs.add(sum(col("_new_period")).cast("long").as(ACTIVE_PERIODS));
        aggs.add(firstDirection(when(isMessage, col(AT)), col(DIRECTION)).as("_first_message"));
        aggs.add(sum(when(col("_reactivation"), 1).otherwise(0)).cast("long").as(REACTIVATIONS));
        aggs.add(max(col("_within")).as("_within"));
        return marked.groupBy(KEY[0], KEY[1], KEY[2])
                .agg(count(lit(1)).as(N_INTERACTIONS), aggs.toArray(new Column[0]));
    }

    /**
     * The direction ("in" or "out") of the earliest row with a non-null {@code at}, an inbound row first at equal
     * times (the order of {@code min(struct(at, direction))}); null when there is none. Encoded as one long,
     * microseconds × 2 + (out ? 1 : 0), so the aggregate keeps a fixed-width buffer and Spark can hash-aggregate
     * it (a struct or string minimum forces a sort-based aggregate).
     */
    static Column firstDirection(Column at, Column direction) {
        Column first = min(unix_micros(at).multiply(2).plus(when(direction.equalTo("out"), 1L).otherwise(0L)));
        return when(first.isNotNull(), when(pmod(first, lit(2L)).equalTo(1L), "out").otherwise("in"));
    }

    static Dataset<Row> derive(Dataset<Row> c, FeatureParams p) {
        Dataset<Row> filled = c.na().fill(0L, zeroCountColumns());
        Column start = when(col(CONNECTED_AT).isNotNull(), greatest(col(CONNECTED_AT), col(WINDOW_START)))
                .otherwise(coalesce(col(FIRST_AT), col(WINDOW_START)));
        Column observedDays = greatest(lit(30.0),
                unix_seconds(col(WINDOW_END)).minus(unix_seconds(start)).divide(DAY_S));
        Column reciprocal = col(INTERACTIONS_OUT).gt(0).and(col(INTERACTIONS_IN).gt(0));
        Column depth = when(col(N_INTERACTIONS).equalTo(0), "none")
                .when(not(reciprocal), "one_way")
                .when(col(ACTIVE_PERIODS).geq(3), "sustained")
                .otherwise("reciprocal");
        Column observable = col(CONNECTED_AT).isNotNull().and(unix_seconds(col(CONNECTED_AT))
                .plus((long) p.responseDays() * 86_400L).leq(unix_seconds(col(WINDOW_END))));
        return filled
                .withColumn(OBSERVED_DAYS, coalesce(observedDays, lit(30.0)))
                .withColumn(CONTACT_FREQUENCY, col(N_INTERACTIONS).divide(col(OBSERVED_DAYS).divide(365.25)))
                .withColumn(RECIPROCAL, reciprocal)
                .withColumn(DEPTH, depth)
                .withColumn(ACTIVE, col(CONTACT_FREQUENCY).geq(1.0))
                .withColumn(DAYS_TO_FIRST_INTERACTION,
                        unix_seconds(col(FIRST_AT)).minus(unix_seconds(col(CONNECTED_AT))).divide(DAY_S))
                .withColumn(INTERACTED_WITHIN_180D, when(observable, coalesce(col("_within"), lit(false))))
                .withColumn(INITIATED_BY, when(col("_first_message").equalTo("out"), "owner")
                        .when(col("_first_message").equalTo("in"), "contact"))
                .withColumn(REACTIVATED, col(REACTIVATIONS).gt(0))
                .withColumn(REACTIVATED_AT, coalesce(col(REACTIVATED_AT),
                        lit(new java.sql.Timestamp[0]).cast(DataTypes.createArrayType(DataTypes.TimestampType))))
                .withColumn(LAYER, lit(null).cast(DataTypes.IntegerType))
                .select(outputColumns());
    }

    private static String[] zeroCountColumns() {
        List<String> cols = new ArrayList<>(List.of(N_INTERACTIONS, MSGS_OUT, MSGS_IN, INTERACTIONS_OUT,
                INTERACTIONS_IN, ACTIVE_DAYS, ACTIVE_MONTHS, ACTIVE_PERIODS, REACTIVATIONS));
        for (String channel : CHANNELS) {
            cols.add(channelCount(channel));
        }
        return cols.toArray(new String[0]);
    }

    /** The column order of tie_features. */
    static Column[] outputColumns() {
        List<Column> cols = new ArrayList<>();
        for (String name : List.of(EXPORT_ID, PLATFORM, OWNER_ID, CONTACT_ID, IS_TIE, CONNECTED_AT,
                CONNECTED_AT_PRECISION, TIE_SOURCE, INVITED_BY, INVITATION_HAS_NOTE, ENDED, BURST_ACCEPTED,
                N_INTERACTIONS, MSGS_OUT, MSGS_IN, INTERACTIONS_OUT, INTERACTIONS_IN)) {
            cols.add(col(name));
        }
        for (String channel : CHANNELS) {
            cols.add(col(channelCount(channel)));
        }
        for (String name : List.of(FIRST_AT, LAST_AT, ACTIVE_DAYS, ACTIVE_MONTHS, ACTIVE_PERIODS, OBSERVED_DAYS,
                CONTACT_FREQUENCY, RECIPROCAL, DEPTH, ACTIVE, DAYS_TO_FIRST_INTERACTION, INTERACTED_WITHIN_180D,
                INITIATED_BY, REACTIVATIONS, REACTIVATED, REACTIVATED_AT, LAYER)) {
            cols.add(col(name));
        }
        return cols.toArray(new Column[0]);
    }

    static scala.collection.Seq<String> seq(String... names) {
        return scala.collection.JavaConverters.asScalaBuffer(List.of(names)).toList();
    }
}
