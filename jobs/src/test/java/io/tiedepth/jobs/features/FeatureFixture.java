package io.tiedepth.jobs.features;

import static org.apache.spark.sql.functions.col;

import io.tiedepth.jobs.ingest.CanonicalRows;
import io.tiedepth.model.Canonical;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Canonical exports as Spark tables, as ingest writes them: the hand-built owner of
 * {@link io.tiedepth.features.FeatureFixture}, or any exports.
 */
final class FeatureFixture {
    private final Dataset<Row> tagged;

    FeatureFixture(SparkSession spark, List<Canonical.Export> exports) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < exports.size(); i++) {
            CanonicalRows.of(i, exports.get(i)).forEachRemaining(rows::add);
        }
        tagged = spark.createDataFrame(rows, CanonicalRows.TAGGED).cache();
    }

    FeatureFixture(SparkSession spark) {
        this(spark, List.of(new io.tiedepth.features.FeatureFixture().canonical()));
    }

    /** One of {@link CanonicalRows#TABLES}. */
    Dataset<Row> table(String name) {
        return tagged.filter(col(CanonicalRows.KIND).equalTo(name)).select(col(name + ".*"));
    }

    void unpersist() {
        tagged.unpersist();
    }
}
