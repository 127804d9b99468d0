package io.tiedepth.jobs.features;

import static io.tiedepth.schema.Columns.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tiedepth.jobs.SparkTestBase;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.Test;

/** Owner metrics of the {@link FeatureFixture} owner, each worked out by hand in the comments. */
public class OwnerMetricsTest extends SparkTestBase {

    private static Row metrics;

    /** Computed once for the class: every test reads the same owner row. */
    private synchronized Row metrics() {
        if (metrics == null) {
            metrics = computeMetrics();
        }
        return metrics;
    }

    private Row computeMetrics() {
        FeatureFixture f = new FeatureFixture();
        Dataset<Row> analysed = AnalysedExports.select(f.exports(spark()));
        Dataset<Row> tf = TieFeatures.compute(analysed, f.ties(spark()), f.interactions(spark()), FeatureParams.DEFAULTS);
        List<Row> rows = OwnerMetrics.compute(analysed, tf, f.invitations(spark()), f.interactions(spark()))
                .collectAsList();
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    @Test
    public void countsAndSharesOverTies() {
        Row m = metrics();
        assertThat((Long) m.getAs(N_TIES)).isEqualTo(15L);
        assertThat((Long) m.getAs(N_CONTACTS)).isEqualTo(16L);
        assertThat((Long) m.getAs(N_ACTIVE)).isEqualTo(4L);          // A, B, E, F
        assertThat((Long) m.getAs(N_RECIPROCAL)).isEqualTo(1L);      // A (sustained counts as reciprocal)
        assertThat((Long) m.getAs(N_SUSTAINED)).isEqualTo(1L);
        assertThat((Long) m.getAs(N_ONE_WAY)).isEqualTo(3L);         // B, E, F
        assertThat((Double) m.getAs(ACTIVE_SHARE)).isCloseTo(4 / 15.0, within(1e-12));
        assertThat((Double) m.getAs(RECIPROCAL_SHARE)).isCloseTo(1 / 15.0, within(1e-12));
        assertThat((Double) m.getAs(INTERACTIONS_PER_TIE)).isCloseTo(8 / 15.0, within(1e-12));
        assertThat((String) m.getAs(SIZE_CLASS)).isEqualTo("<50");
        assertThat((Long) m.getAs(REACTIVATIONS)).isEqualTo(2L);     // E and F; X is not a tie
    }

    @Test
    public void concentrationOfInteractionsOverTies() {
        // counts sorted ascending: eleven 0s, 1, 1, 2, 4 (n = 15, sum = 8)
        // Σ(2i − n − 1)x = 8·1 + 10·1 + 12·2 + 14·4 = 98;  G = 98 / (15·8)
        Row m = metrics();
        assertThat((Double) m.getAs(GINI)).isCloseTo(98 / 120.0, within(1e-12));
        // top ⌈0.2·15⌉ = 3 ties hold 4 + 2 + 1 = 7 of 8
        assertThat((Double) m.getAs(TOP20_SHARE)).isCloseTo(7 / 8.0, within(1e-12));
    }

    @Test
    public void burstInitiationAndInboundRequests() {
        Row m = metrics();
        assertThat((Double) m.getAs(BURST_SHARE)).isCloseTo(10 / 15.0, within(1e-12));
        // first messages: A out, B out, E in, F in, X in
        assertThat((Double) m.getAs(OUTBOUND_INITIATION_SHARE)).isCloseTo(2 / 5.0, within(1e-12));
        // requests in the last 182.625 days (from 2023-07-02 09:00): the 2 incoming invitations of December; E and F
        // opened conversations but are ties, X is not a tie but opened its conversation in May, before the window
        assertThat((Long) m.getAs(INBOUND_REQUESTS)).isEqualTo(2L);
        assertThat((Double) m.getAs(OBSERVATION_DAYS)).isCloseTo(365.0, within(1e-9));
        assertThat((Double) m.getAs(INBOUND_REQUESTS_PER_MONTH)).isCloseTo(2 / (182.625 / 30.4375), within(1e-12));
    }

    @Test
    public void sizeClassBoundaries() {
        Dataset<Row> n = spark().range(1).select(
                OwnerMetrics.sizeClass(functions.lit(49)), OwnerMetrics.sizeClass(functions.lit(50)),
                OwnerMetrics.sizeClass(functions.lit(149)), OwnerMetrics.sizeClass(functions.lit(150)),
                OwnerMetrics.sizeClass(functions.lit(999)), OwnerMetrics.sizeClass(functions.lit(1000)),
                OwnerMetrics.sizeClass(functions.lit(4999)), OwnerMetrics.sizeClass(functions.lit(5000)));
        Row r = n.first();
        assertThat(List.of(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                r.getString(5), r.getString(6), r.getString(7)))
                .containsExactly("<50", "50-149", "50-149", "150-499", "500-999", "1000-4999", "1000-4999", "5000+");
    }
}
