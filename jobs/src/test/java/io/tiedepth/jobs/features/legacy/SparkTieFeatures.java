package io.tiedepth.jobs.features.legacy;

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
import static org.apache.spark.sql.functions.lead;
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

import io.tiedepth.features.FeatureParams;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;

/**
 * The former Spark SQL definition of {@code tie_features}, kept in the test tree only so that
 * {@code FeaturesEquivalenceTest} can compare the plain-Java features with it. {@code tie_features}: one row per owner × contact of the analysed exports (DESIGN §5). Contacts the owner
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
public final class SparkTieFeatures {
    private static final double DAY_S = 86_400.0;
    private static final long PERIOD_S = 30L * 86_400L;
    /** A contact of an export (an export has one owner, so owner_id adds nothing to the key). */
    private static final String[] KEY = {EXPORT_ID, CONTACT_ID};

    private SparkTieFeatures() {
    }

    public static Dataset<Row> compute(Dataset<Row> analysedExports, Dataset<Row> ties, Dataset<Row> interactions,
                                       FeatureParams p) {
        Dataset<Row> window = analysedExports.select(col(EXPORT_ID), col(OWNER_ID).as("_owner"),
                col(PLATFORM).as("_platform"), col(WINDOW_START), col(WINDOW_END));
        Dataset<Row> t = burstAccepted(ties.join(window.select(EXPORT_ID), seq(EXPORT_ID), "left_semi"), p.burstK());
        Dataset<Row> i = interactions.join(window.select(EXPORT_ID), seq(EXPORT_ID), "left_semi");
        Dataset<Row> perContact = interactionAggregates(markReactivations(i, t, p));
        Dataset<Row> contacts = t.withColumn(IS_TIE, lit(true))
                .join(perContact, seq(KEY), "full_outer")
                .join(window, seq(EXPORT_ID))
                .withColumn(OWNER_ID, coalesce(col(OWNER_ID), col("_owner")))
                .withColumn(PLATFORM, coalesce(col(PLATFORM), col("_platform")))
                .withColumn(IS_TIE, coalesce(col(IS_TIE), lit(false)))
                .withColumn(ENDED, coalesce(col(ENDED), lit(false)))
                .drop("_owner", "_platform");
        return derive(contacts, p);
    }

    /** Adds {@code burst_accepted}: the tie is one of at least k ties the owner gained that calendar day. */
    static Dataset<Row> burstAccepted(Dataset<Row> ties, int k) {
        Column day = to_date(col(CONNECTED_AT));
        WindowSpec sameDay = Window.partitionBy(col(EXPORT_ID), day);
        return ties.withColumn(BURST_ACCEPTED, when(col(CONNECTED_AT).isNull(), lit(null).cast(DataTypes.BooleanType))
                .otherwise(count(lit(1)).over(sameDay).geq(k)));
    }

    /**
     * Walks each contact's interactions in time order: marks each interaction that ends a dormant spell of at least
     * dormancyDays and is inbound ({@code _reactivation}), each within responseDays of connecting ({@code _within}),
     * each that opens a new UTC day, calendar month and 30-day period ({@code _new_day}, {@code _new_month},
     * {@code _new_period}; so distinct counts become sums), and the contact's last row ({@code _last}).
     */
    static Dataset<Row> markReactivations(Dataset<Row> interactions, Dataset<Row> ties, FeatureParams p) {
        WindowSpec byTime = Window.partitionBy(KEY[0], KEY[1]).orderBy(AT, CHANNEL, DIRECTION);
        Column previous = coalesce(lag(col(AT), 1).over(byTime), col(CONNECTED_AT));
        Column gap = unix_seconds(col(AT)).minus(unix_seconds(previous));
        Column within = col(CONNECTED_AT).isNotNull()
                .and(col(AT).geq(col(CONNECTED_AT)))
                .and(unix_seconds(col(AT)).minus(unix_seconds(col(CONNECTED_AT))).lt((long) p.responseDays() * 86_400L));
        return interactions.join(ties.select(EXPORT_ID, CONTACT_ID, CONNECTED_AT), seq(KEY), "left")
                .withColumn("_reactivation", col(DIRECTION).equalTo("in")
                        .and(coalesce(gap.geq((long) p.dormancyDays() * 86_400L), lit(false))))
                .withColumn("_within", within)
                .withColumn("_new_day", opensNew(to_date(col(AT)), byTime))
                .withColumn("_new_month", opensNew(date_format(col(AT), "yyyy-MM"), byTime))
                .withColumn("_new_period", opensNew(floor(unix_seconds(col(AT)).divide(PERIOD_S)), byTime))
                .withColumn("_last", lead(lit(1), 1).over(byTime).isNull());
    }

    /** 1 when {@code key} (non-decreasing in the window's order) differs from the previous row's, else 0. */
    private static Column opensNew(Column key, WindowSpec order) {
        Column previous = lag(key, 1).over(order);
        return when(key.isNull(), 0).when(previous.isNull().or(not(previous.equalTo(key))), 1).otherwise(0);
    }

    /**
     * One row per contact with interactions. The aggregates run as window functions over the contact's rows,
     * which {@link #markReactivations} already partitioned and sorted, and the contact's last row is kept: no
     * further shuffle or sort, and the list of reactivation times needs no object aggregate.
     */
    static Dataset<Row> interactionAggregates(Dataset<Row> marked) {
        WindowSpec contact = Window.partitionBy(KEY[0], KEY[1]);
        Column isMessage = col(CHANNEL).equalTo("message");
        Column out = col(DIRECTION).equalTo("out");
        List<Column> aggs = new ArrayList<>(List.of(col(KEY[0]), col(KEY[1])));
        aggs.add(count(lit(1)).over(contact).as(N_INTERACTIONS));
        aggs.add(countIf(isMessage.and(out)).over(contact).as(MSGS_OUT));
        aggs.add(countIf(isMessage.and(not(out))).over(contact).as(MSGS_IN));
        aggs.add(countIf(out).over(contact).as(INTERACTIONS_OUT));
        aggs.add(countIf(not(out)).over(contact).as(INTERACTIONS_IN));
        for (String channel : CHANNELS) {
            aggs.add(countIf(col(CHANNEL).equalTo(channel)).over(contact).as(channelCount(channel)));
        }
        aggs.add(min(AT).over(contact).as(FIRST_AT));
        aggs.add(max(AT).over(contact).as(LAST_AT));
        aggs.add(sum(col("_new_day")).over(contact).cast("long").as(ACTIVE_DAYS));
        aggs.add(sum(col("_new_month")).over(contact).cast("long").as(ACTIVE_MONTHS));
        aggs.add(sum(col("_new_period")).over(contact).cast("long").as(ACTIVE_PERIODS));
        aggs.add(decodeDirection(min(directionKey(when(isMessage, col(AT)), col(DIRECTION))).over(contact))
                .as("_first_message"));
        aggs.add(countIf(col("_reactivation")).over(contact).as(REACTIVATIONS));
        aggs.add(array_sort(collect_list(when(col("_reactivation"), col(AT))).over(contact)).as(REACTIVATED_AT));
        aggs.add(max(col("_within")).over(contact).as("_within"));
        aggs.add(col("_last"));
        return marked.select(aggs.toArray(new Column[0])).filter(col("_last")).drop("_last");
    }

    private static Column countIf(Column condition) {
        return sum(when(condition, 1L).otherwise(0L));
    }

    /**
     * Orders rows like {@code struct(at, direction)} ("in" before "out" at equal times) as one long, microseconds × 2
     * + (out ? 1 : 0), so that a minimum keeps a fixed-width buffer (a struct or string minimum forces Spark into a
     * sort-based aggregate); null when {@code at} is null. {@link #decodeDirection} reads the direction back.
     */
    static Column directionKey(Column at, Column direction) {
        return unix_micros(at).multiply(2).plus(when(direction.equalTo("out"), 1L).otherwise(0L));
    }

    /** "out" or "in" from a {@link #directionKey}; null for null. */
    static Column decodeDirection(Column key) {
        return when(key.isNotNull(), when(pmod(key, lit(2L)).equalTo(1L), "out").otherwise("in"));
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
