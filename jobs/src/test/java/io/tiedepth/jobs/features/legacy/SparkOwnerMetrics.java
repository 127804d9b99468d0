package io.tiedepth.jobs.features.legacy;

import static io.tiedepth.schema.Columns.*;
import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_seconds;
import static org.apache.spark.sql.functions.when;

import io.tiedepth.claims.SizeClass;
import io.tiedepth.jobs.features.AnalysedExports;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The former Spark SQL definition of {@code owner_metrics}, kept in the test tree only so that
 * {@code FeaturesEquivalenceTest} can compare the plain-Java features with it. {@code owner_metrics}: one row per analysed export (that is, per owner and platform; DESIGN §6). Counts and
 * shares are over the owner's ties ({@code is_tie}); initiation and inbound requests look at every contact.
 *
 * <ul>
 *   <li>{@code active_share} = n_active / n_ties; {@code reciprocal_share} = n_reciprocal / n_ties, where
 *       n_reciprocal counts depth reciprocal or sustained; null when n_ties = 0.</li>
 *   <li>{@code interactions_per_tie} = interactions with ties / n_ties.</li>
 *   <li>{@code interaction_gini} = Σᵢ(2i − n − 1)·x₍ᵢ₎ / (n·Σx) over the interaction counts x of the owner's n
 *       ties sorted ascending (zeros included); null when Σx = 0. {@code top20_share} = share of those
 *       interactions held by the ⌈0.2·n⌉ ties with the most.</li>
 *   <li>{@code burst_share} = burst-accepted ties / ties with a connection date.</li>
 *   <li>{@code outbound_initiation_share} = contacts whose first message the owner sent / contacts with a
 *       message.</li>
 *   <li>{@code inbound_requests} = requests from people who were not ties, in the export's last
 *       {@value #RECENT_DAYS} days (window_end − {@value #RECENT_DAYS} days, window_end]: incoming invitations, and
 *       conversations whose first message came from a contact who is not a tie (message requests, strangers; a
 *       conversation is a thread, or a contact's messages when the platform has no threads). Conversations opened
 *       by ties are not requests: their number grows with the number of ties by construction (at any fixed rate
 *       per tie), which would make claim C4 hold mechanically. The recent window is one every export covers:
 *       LinkedIn's Invitations.csv lists only the last months (about 10 in the exports measured).
 *       {@code inbound_requests_per_month} divides by min(observation_days, {@value #RECENT_DAYS}) / 30.4375;
 *       null when the observation window is under one day or the export lists no invitation at all (X archives,
 *       network datasets: the platform does not record requests).</li>
 *   <li>{@code observation_days}: window_end − window_start of the export.</li>
 *   <li>{@code time_origin}, {@code derived_ties}, {@code format_era}: copied from the export (relative times; the rule ties were
 *       derived with), for the claims' data limits.</li>
 *   <li>{@code size_class} by n_ties: &lt;50, 50-149, 150-499, 500-999, 1000-4999 (mega), 5000+ (LION scale).</li>
 * </ul>
 */
public final class SparkOwnerMetrics {
    private static final double DAYS_PER_MONTH = 30.4375;
    /** Half a year: the window in which inbound requests are counted. */
    public static final double RECENT_DAYS = INBOUND_WINDOW_DAYS;

    private SparkOwnerMetrics() {
    }

    public static Dataset<Row> compute(Dataset<Row> analysedExports, Dataset<Row> tieFeatures,
                                       Dataset<Row> invitations, Dataset<Row> interactions) {
        Dataset<Row> tieStats = tieAggregates(tieFeatures);
        Dataset<Row> concentration = concentration(tieFeatures.filter(col(IS_TIE)));
        Dataset<Row> inbound = inboundRequests(analysedExports, invitations, interactions,
                tieFeatures.filter(col(IS_TIE)).select(EXPORT_ID, CONTACT_ID));
        Column observationDays = unix_seconds(col(WINDOW_END)).minus(unix_seconds(col(WINDOW_START))).divide(86_400.0);
        Dataset<Row> m = AnalysedExports.withDataFlags(analysedExports)
                .select(EXPORT_ID, PLATFORM, OWNER_ID, WINDOW_START, WINDOW_END, TIME_ORIGIN, DERIVED_TIES,
                        FORMAT_ERA)
                .withColumn(OBSERVATION_DAYS, observationDays)
                .join(tieStats, SparkTieFeatures.seq(EXPORT_ID), "left")
                .join(concentration, SparkTieFeatures.seq(EXPORT_ID), "left")
                .join(inbound, SparkTieFeatures.seq(EXPORT_ID), "left")
                .na().fill(0L, new String[] {N_CONTACTS, N_TIES, N_ACTIVE, N_RECIPROCAL, N_SUSTAINED, N_ONE_WAY,
                    N_INTERACTIONS, REACTIVATIONS, INBOUND_REQUESTS, "_tie_interactions", "_dated", "_burst",
                    "_initiated", "_initiated_out"});
        return m
                .withColumn(ACTIVE_SHARE, ratio(col(N_ACTIVE), col(N_TIES)))
                .withColumn(RECIPROCAL_SHARE, ratio(col(N_RECIPROCAL), col(N_TIES)))
                .withColumn(INTERACTIONS_PER_TIE, ratio(col("_tie_interactions"), col(N_TIES)))
                .withColumn(BURST_SHARE, ratio(col("_burst"), col("_dated")))
                .withColumn(OUTBOUND_INITIATION_SHARE, ratio(col("_initiated_out"), col("_initiated")))
                .withColumn(INBOUND_REQUESTS_PER_MONTH, when(col(OBSERVATION_DAYS).geq(1.0).and(col("_has_inv")),
                        col(INBOUND_REQUESTS).divide(least(col(OBSERVATION_DAYS), lit(RECENT_DAYS))
                                .divide(DAYS_PER_MONTH))))
                .withColumn(SIZE_CLASS, sizeClass(col(N_TIES)))
                .select(col(EXPORT_ID), col(PLATFORM), col(OWNER_ID), col(SIZE_CLASS), col(N_TIES), col(N_CONTACTS),
                        col(N_ACTIVE), col(N_RECIPROCAL), col(N_SUSTAINED), col(N_ONE_WAY), col(ACTIVE_SHARE),
                        col(RECIPROCAL_SHARE), col(N_INTERACTIONS), col(INTERACTIONS_PER_TIE), col(GINI),
                        col(TOP20_SHARE), col(BURST_SHARE), col(OUTBOUND_INITIATION_SHARE), col(INBOUND_REQUESTS),
                        col(INBOUND_REQUESTS_PER_MONTH), col(REACTIVATIONS), col(OBSERVATION_DAYS),
                        col(WINDOW_START), col(WINDOW_END), col(TIME_ORIGIN), col(DERIVED_TIES), col(FORMAT_ERA));
    }

    static Dataset<Row> tieAggregates(Dataset<Row> tf) {
        Column tie = col(IS_TIE);
        return tf.groupBy(EXPORT_ID).agg(
                count(lit(1)).as(N_CONTACTS),
                countIf(tie).as(N_TIES),
                countIf(tie.and(col(ACTIVE))).as(N_ACTIVE),
                countIf(tie.and(col(DEPTH).isin("reciprocal", "sustained"))).as(N_RECIPROCAL),
                countIf(tie.and(col(DEPTH).equalTo("sustained"))).as(N_SUSTAINED),
                countIf(tie.and(col(DEPTH).equalTo("one_way"))).as(N_ONE_WAY),
                sum(col(N_INTERACTIONS)).as(N_INTERACTIONS),
                sum(when(tie, col(N_INTERACTIONS)).otherwise(0L)).as("_tie_interactions"),
                countIf(tie.and(col(BURST_ACCEPTED).isNotNull())).as("_dated"),
                countIf(tie.and(coalesce(col(BURST_ACCEPTED), lit(false)))).as("_burst"),
                countIf(col(INITIATED_BY).isNotNull()).as("_initiated"),
                countIf(col(INITIATED_BY).equalTo("owner")).as("_initiated_out"),
                sum(when(tie, col(REACTIVATIONS)).otherwise(0L)).as(REACTIVATIONS));
    }

    /**
     * Gini and top-20 % share of interaction counts over each owner's ties (definitions in the class doc). One sort:
     * the ⌈0.2·n⌉ ties with the most interactions are the last ones in ascending order (which of several equal counts
     * are taken does not change the sum).
     */
    static Dataset<Row> concentration(Dataset<Row> ties) {
        WindowSpec asc = Window.partitionBy(EXPORT_ID).orderBy(col(N_INTERACTIONS), col(CONTACT_ID));
        WindowSpec all = Window.partitionBy(EXPORT_ID);
        Dataset<Row> ranked = ties.select(col(EXPORT_ID), col(CONTACT_ID), col(N_INTERACTIONS))
                .withColumn("_i", row_number().over(asc))
                .withColumn("_n", count(lit(1)).over(all));
        return ranked.groupBy(EXPORT_ID).agg(
                        sum(col("_i").multiply(2).minus(col("_n")).minus(1).multiply(col(N_INTERACTIONS))).as("_gnum"),
                        sum(col(N_INTERACTIONS)).as("_sum"),
                        min(col("_n")).as("_count"),
                        sum(when(col("_i").gt(col("_n").minus(ceil(col("_n").multiply(0.2)))), col(N_INTERACTIONS))
                                .otherwise(0L)).as("_top"))
                .select(col(EXPORT_ID),
                        when(col("_sum").gt(0), col("_gnum").divide(col("_count").multiply(col("_sum")))).as(GINI),
                        when(col("_sum").gt(0), col("_top").divide(col("_sum"))).as(TOP20_SHARE));
    }

    /**
     * Inbound requests per export (class doc): incoming invitations and conversations opened by non-ties in the
     * recent window, and {@code _has_inv}, whether the export lists any invitation.
     */
    static Dataset<Row> inboundRequests(Dataset<Row> exports, Dataset<Row> invitations, Dataset<Row> interactions,
                                        Dataset<Row> ties) {
        Dataset<Row> windows = exports.select(col(EXPORT_ID),
                unix_seconds(col(WINDOW_END)).minus(lit(RECENT_DAYS * 86_400)).as("_recent"));
        Dataset<Row> invited = invitations.join(windows, SparkTieFeatures.seq(EXPORT_ID))
                .groupBy(EXPORT_ID).agg(countIf(col(DIRECTION).equalTo("in")
                        .and(unix_seconds(col(SENT_AT)).gt(col("_recent")))).as("_inv"));
        Column conversation = coalesce(col(THREAD_ID), col(CONTACT_ID));
        Dataset<Row> opened = interactions.join(windows, SparkTieFeatures.seq(EXPORT_ID))
                .filter(col(CHANNEL).equalTo("message"))
                .join(ties, SparkTieFeatures.seq(EXPORT_ID, CONTACT_ID), "left_anti")
                .groupBy(col(EXPORT_ID), conversation.as("_conversation"))
                .agg(min(SparkTieFeatures.directionKey(col(AT), col(DIRECTION))).as("_key"), min(col("_recent")).as("_r"),
                        min(col(AT)).as("_at"))
                .filter(SparkTieFeatures.decodeDirection(col("_key")).equalTo("in")
                        .and(unix_seconds(col("_at")).gt(col("_r"))))
                .groupBy(EXPORT_ID).agg(count(lit(1)).as("_opened"));
        return windows.select(EXPORT_ID).join(invited, SparkTieFeatures.seq(EXPORT_ID), "left")
                .join(opened, SparkTieFeatures.seq(EXPORT_ID), "left")
                .select(col(EXPORT_ID), coalesce(col("_inv"), lit(0L)).plus(coalesce(col("_opened"), lit(0L)))
                        .as(INBOUND_REQUESTS), col("_inv").isNotNull().as("_has_inv"));
    }

    /** {@link SizeClass#of} as a column: the first class whose upper bound n_ties lies below. */
    static Column sizeClass(Column nTies) {
        List<String> labels = SizeClass.LABELS;
        Column out = when(nTies.lt(SizeClass.upper(labels.get(0))), labels.get(0));
        for (String label : labels.subList(1, labels.size() - 1)) {
            out = out.when(nTies.lt(SizeClass.upper(label)), label);
        }
        return out.otherwise(labels.get(labels.size() - 1));
    }

    private static Column countIf(Column condition) {
        return sum(when(condition, 1L).otherwise(0L));
    }

    private static Column ratio(Column num, Column den) {
        return when(den.gt(0), num.cast("double").divide(den));
    }
}
