package io.tiedepth.jobs.features;

import static io.tiedepth.schema.Columns.*;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
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
        Dataset<Row> window = analysedExports.select(EXPORT_ID, WINDOW_START, WINDOW_END);
        Dataset<Row> t = burstAccepted(ties.join(window.select(EXPORT_ID), seq(EXPORT_ID), "left_semi"), p.burstK());
        Dataset<Row> i = interactions.join(window.select(EXPORT_ID), seq(EXPORT_ID), "left_semi");
        Dataset<Row> perContact = interactionAggregates(markReactivations(i, t, p), p);
        Dataset<Row> contacts = t.withColumn(IS_TIE, lit(true))
                .join(perContact, seq(KEY), "full_outer")
                .withColumn(PLATFORM, coalesce(col(PLATFORM), col("_platform")))
                .withColumn(IS_TIE, coalesce(col(IS_TIE), lit(false)))
                .withColumn(ENDED, coalesce(col(ENDED), lit(false)))
                .drop("_platform")
                .join(window, seq(EXPORT_ID));
        return derive(contacts, p);
    }

    /** Adds {@code burst_accepted}: the tie is one of at least k ties the owner gained that calendar day. */
    static Dataset<Row> burstAccepted(Dataset<Row> ties, int k) {
        Column day = to_date(col(CONNECTED_AT));
        WindowSpec sameDay = Window.partitionBy(col(EXPORT_ID), col(OWNER_ID), day);
        return ties.withColumn(BURST_ACCEPTED, when(col(CONNECTED_AT).isNull(), lit(null).cast(DataTypes.BooleanType))
                .otherwise(count(lit(1)).over(sameDay).geq(k)));
    }

    /** Marks each interaction that ends a dormant spell of at least dormancyDays and is inbound. */
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
                .withColumn("_within", within);
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
        aggs.add(countDistinct(to_date(col(AT))).as(ACTIVE_DAYS));
        aggs.add(countDistinct(date_format(col(AT), "yyyy-MM")).as(ACTIVE_MONTHS));
        aggs.add(countDistinct(floor(unix_seconds(col(AT)).divide(PERIOD_S))).as(ACTIVE_PERIODS));
        aggs.add(min(when(isMessage, struct(col(AT), col(DIRECTION)))).getField(DIRECTION).as("_first_message"));
        aggs.add(sum(when(col("_reactivation"), 1).otherwise(0)).cast("long").as(REACTIVATIONS));
        aggs.add(array_sort(collect_list(when(col("_reactivation"), col(AT)))).as(REACTIVATED_AT));
        aggs.add(max(col("_within")).as("_within"));
        aggs.add(min(PLATFORM).as("_platform"));
        return marked.groupBy(KEY[0], KEY[1], KEY[2])
                .agg(count(lit(1)).as(N_INTERACTIONS), aggs.toArray(new Column[0]));
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
