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
import io.tiedepth.claims.ClaimResult;
import io.tiedepth.claims.Verdict;
import io.tiedepth.jobs.Publisher;
import io.tiedepth.jobs.RunJob;
import io.tiedepth.jobs.SparkTestBase;
import io.tiedepth.jobs.Warehouse;
import io.tiedepth.jobs.claims.ClaimsJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.Test;

/**
 * The claims stage of {@code run} on data-samples/, and the claims of the real Copenhagen Networks Study sample
 * alone: the claims its data allow get a verdict, the others a not_testable reason naming what is missing.
 */
public class ClaimsEndToEndTest extends SparkTestBase {
    private static List<ClaimResult> copenhagen;

    private synchronized List<ClaimResult> copenhagenClaims() throws Exception {
        if (copenhagen == null) {
            Path samples = SampleRun.warehouse(spark());
            List<String> cns = spark().read().parquet(samples.resolve("tables/exports").toString())
                    .filter(col(FORMAT_ERA).equalTo("cns-2019-figshare")).select(EXPORT_ID)
                    .as(Encoders.STRING()).collectAsList();
            Path dir = Files.createTempDirectory("tiedepth-cns-claims");
            for (String table : List.of(Warehouse.OWNER_METRICS, Warehouse.TIE_FEATURES)) {
                spark().read().parquet(samples.resolve(table).toString()).filter(col(EXPORT_ID).isin(cns.toArray()))
                        .write().parquet(dir.resolve(table).toString());
            }
            Warehouse w = new Warehouse(dir.toString());
            copenhagen = ClaimsJob.run(spark(), new ClaimsJob.Config(w, SampleRun.RUN_DATE, ClaimParams.DEFAULTS),
                    new Publisher(w, "cns", spark().sparkContext().hadoopConfiguration())).claims();
        }
        return copenhagen;
    }

    private ClaimResult cns(String id) throws Exception {
        return copenhagenClaims().stream().filter(c -> c.claimId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    public void copenhagenClaimsItsDataAllowGetAVerdict() throws Exception {
        for (String id : List.of("C1", "C5", "C7")) {
            ClaimResult c = cns(id);
            assertThat(c.verdict()).as(id).isNotEqualTo(Verdict.NOT_TESTABLE);
            assertThat(c.nOwners()).as(id).isGreaterThanOrEqualTo(30);
            assertThat(c.ciLow()).as(id).isLessThanOrEqualTo(c.estimate());
            assertThat(c.ciHigh()).as(id).isGreaterThanOrEqualTo(c.estimate());
            assertThat(c.pHolm()).as(id).isBetween(c.pValue(), 1.0);
        }
    }

    @Test
    public void copenhagenClaimsItsDataCannotAnswerNameWhatIsMissing() throws Exception {
        assertThat(cns("C2").reason()).startsWith("no owners have more than 250 ties");
        assertThat(cns("C3").reason()).startsWith("no connection dates in these exports");
        assertThat(cns("C4").reason()).startsWith("no invitation data in these exports, so no inbound requests");
        assertThat(cns("C6").reason()).startsWith("no mega owners (>= 1000 ties)");
        assertThat(cns("C8").reason()).startsWith("no owner is observed for a whole calendar month more than 180 days")
                .contains("(median observation: ");
        assertThat(cns("C9").reason()).isEqualTo("no invitation data in these exports (no tie has a known invitation "
                + "note)");
        assertThat(cns("C10").reason()).contains("$948");
        for (String id : List.of("C2", "C3", "C4", "C6", "C8", "C9", "C10")) {
            assertThat(cns(id).verdict()).as(id).isEqualTo(Verdict.NOT_TESTABLE);
            assertThat(cns(id).pHolm()).as(id).isNaN();
        }
    }

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
        assertThat(Files.readAllLines(reports.resolve("claims.csv"))).hasSize(11);
        assertThat(r.claims().claims()).hasSize(10);
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
