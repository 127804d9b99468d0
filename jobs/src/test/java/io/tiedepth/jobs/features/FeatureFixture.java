package io.tiedepth.jobs.features;

import io.tiedepth.schema.Schemas;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import scala.collection.JavaConverters;

/**
 * One owner (export E, window 2023-01-01 → 2024-01-01) with hand-built ties and interactions whose features are
 * worked out by hand in the tests:
 * <pre>
 * A  tie 2023-01-01, out 02-01, in 02-02, out 03-15, in 04-20        sustained (3 distinct 30-day periods)
 * B  tie 2023-06-01, out 06-02                                       one_way
 * C  tie 2023-09-01, nothing                                         none; 180-day response not observable
 * D0..D9 ties on 2023-03-03, nothing                                 burst-accepted (10 on one day)
 * E  tie 2023-01-01, in 01-05, in 08-01                              one reactivation (gap 208 days)
 * F  tie 2023-01-01, in 07-15                                        one reactivation (195 days after connecting)
 * X  no tie, in 05-05                                                contact only
 * invitations: two incoming
 * </pre>
 */
final class FeatureFixture {
    static final String E = "exp-1";
    static final String O = "owner-1";

    final List<Row> ties = new ArrayList<>();
    final List<Row> interactions = new ArrayList<>();
    final List<Row> invitations = new ArrayList<>();

    FeatureFixture() {
        tie("A", "2023-01-01");
        tie("B", "2023-06-01");
        tie("C", "2023-09-01");
        for (int i = 0; i < 10; i++) {
            tie("D" + i, "2023-03-03");
        }
        tie("E", "2023-01-01");
        tie("F", "2023-01-01");
        message("A", "2023-02-01T10:00:00Z", "out");
        message("A", "2023-02-02T10:00:00Z", "in");
        message("A", "2023-03-15T10:00:00Z", "out");
        message("A", "2023-04-20T10:00:00Z", "in");
        message("B", "2023-06-02T10:00:00Z", "out");
        message("E", "2023-01-05T10:00:00Z", "in");
        message("E", "2023-08-01T10:00:00Z", "in");
        message("F", "2023-07-15T10:00:00Z", "in");
        message("X", "2023-05-05T10:00:00Z", "in");
        invitations.add(RowFactory.create(E, "linkedin", O, "P", ts("2023-12-01T00:00:00Z"), "in", false));
        invitations.add(RowFactory.create(E, "linkedin", O, "Q", ts("2023-12-02T00:00:00Z"), "in", true));
        invitations.add(RowFactory.create(E, "linkedin", O, "R", ts("2023-12-03T00:00:00Z"), "out", false));
    }

    private void tie(String contact, String day) {
        ties.add(RowFactory.create(E, "linkedin", O, contact, ts(day + "T00:00:00Z"), "day",
                "connection", "unknown", null, false));
    }

    private void message(String contact, String at, String direction) {
        interactions.add(RowFactory.create(E, "linkedin", O, contact, ts(at), "message", direction,
                "thread-" + contact, false, 3, 12, null));
    }

    Dataset<Row> exports(SparkSession spark) {
        Row files = RowFactory.create("Connections.csv", 15L, 15L, 0L);
        return spark.createDataFrame(List.of(RowFactory.create(E, E, O, "linkedin", "linkedin-test", "ok", 100L,
                seq(List.of(files)), 15L, 15L, 0L, 0L, ts("2023-01-01T00:00:00Z"),
                ts("2024-01-01T00:00:00Z"), ts("2024-01-02T00:00:00Z"), "1",
                seq(List.of()), "absolute", null)), Schemas.EXPORTS);
    }

    Dataset<Row> ties(SparkSession spark) {
        return spark.createDataFrame(ties, Schemas.TIES);
    }

    Dataset<Row> interactions(SparkSession spark) {
        return spark.createDataFrame(interactions, Schemas.INTERACTIONS);
    }

    Dataset<Row> invitations(SparkSession spark) {
        return spark.createDataFrame(invitations, Schemas.INVITATIONS);
    }

    static java.sql.Timestamp ts(String iso) {
        return java.sql.Timestamp.from(java.time.Instant.parse(iso));
    }

    private static <T> scala.collection.Seq<T> seq(List<T> list) {
        return JavaConverters.asScalaBuffer(list).toList();
    }
}
