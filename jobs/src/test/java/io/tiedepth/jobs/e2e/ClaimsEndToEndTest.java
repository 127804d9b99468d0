package io.tiedepth.jobs.e2e;

import static io.tiedepth.schema.Columns.*;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.claims.ClaimParams;
import io.tiedepth.claims.Claims;
import io.tiedepth.jobs.RunJob;
import io.tiedepth.jobs.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.Test;

/**
 * The claims stage of {@code run} on data-samples/ (the claims of the real Copenhagen Networks Study, kept outside
 * the repository, are checked by {@code RealDataStudyTest}).
 */
public class ClaimsEndToEndTest extends SparkTestBase {
    @Test
    public void runWritesStatsReportsAndRecordsTheSeed() throws Exception {
        Path w = SampleRun.warehouse(spark());
        RunJob.Result r = SampleRun.result(spark());
        for (String table : List.of("stats/claims", "stats/cohorts", "stats/curves", "stats/layers")) {
            assertThat(spark().read().parquet(w.resolve(table).toString()).count()).as(table).isPositive();
        }
        Path reports = w.resolve("reports").resolve(SampleRun.RUN_DATE.toString());
        for (String csv : List.of("claims.csv", "cohorts.csv", "curves.csv", "layers.csv")) {
            assertThat(reports.resolve(csv)).exists();
        }
        assertThat(Files.readAllLines(reports.resolve("claims.csv"))).hasSize(1 + 12);
        assertThat(r.claims().claims()).hasSize(Claims.ALL.size() + Claims.WITHIN_OWNER.size());
        String manifest = Files.readString(w.resolve("runs").resolve(r.runId()).resolve("manifest.json"));
        assertThat(manifest).contains("\"stage\" : \"claims\"", "\"seed\" : " + ClaimParams.DEFAULT_SEED);
    }

    @Test
    public void tieLayersAgreeWithTheOwnersCircleSizes() throws Exception {
        Path w = SampleRun.warehouse(spark());
        Dataset<Row> metrics = spark().read().parquet(w.resolve("features/owner_metrics").toString());
        Dataset<Row> ties = spark().read().parquet(w.resolve("features/tie_features").toString());
        assertThat(metrics.filter(col(N_LAYERS).gt(0)).count()).isPositive();
        assertThat(ties.filter(col(LAYER).isNotNull().and(col(ACTIVE).equalTo(false).or(col(IS_TIE).equalTo(false))))
                .count()).isZero();
        Dataset<Row> perOwner = ties.filter(col(LAYER).isNotNull()).groupBy(EXPORT_ID)
                .agg(count(lit(1)).as("_layered"), sum(when(col(LAYER).equalTo(1), 1).otherwise(0)).as("_inner"));
        Dataset<Row> joined = metrics.filter(col(N_LAYERS).gt(0)).join(perOwner, EXPORT_ID);
        assertThat(joined.count()).isEqualTo(metrics.filter(col(N_LAYERS).gt(0)).count());
        assertThat(joined.filter(col("_layered").notEqual(col(N_ACTIVE))
                .or(col("_layered").notEqual(element_at(col(LAYER_SIZES), -1)))
                .or(col("_inner").notEqual(element_at(col(LAYER_SIZES), 1)))).count()).isZero();
        assertThat(metrics.filter(col(N_LAYERS).equalTo(0).and(col(N_ACTIVE).geq(5))).count()).isZero();
    }
}
