package io.tiedepth.jobs.e2e;

import static io.tiedepth.schema.Columns.*;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.jobs.RunJob;
import io.tiedepth.jobs.SparkTestBase;
import io.tiedepth.schema.Schemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.Test;

/**
 * {@code run} on data-samples/, read back from the Parquet it wrote: exact counts per sample (the numbers are
 * those of each sample's README), the canonical schemas, and rows read = accepted + rejected for every file.
 */
public class EndToEndRunTest extends SparkTestBase {

    private Dataset<Row> table(String relative) throws Exception {
        return spark().read().parquet(SampleRun.warehouse(spark()).resolve(relative).toString());
    }

    /**
     * The exports of a platform's own reader: canonical-table donations (format_era canonical-*) carry their rows'
     * platforms too, and are counted in {@link #canonicalSampleCounts()}.
     */
    private Dataset<Row> exportsOf(String platform) throws Exception {
        return table("tables/exports").filter(col(PLATFORM).equalTo(platform))
                .filter(not(col(FORMAT_ERA).startsWith(CANONICAL_ERA)));
    }

    private long count(String relative, String platform) throws Exception {
        return table(relative).filter(col(PLATFORM).equalTo(platform))
                .join(exportsOf(platform).select(EXPORT_ID), EXPORT_ID).count();
    }

    private static final String CANONICAL_ERA = "canonical-";

    @Test
    public void writesTheCanonicalSchemas() throws Exception {
        assertThat(table("tables/exports").schema().fieldNames()).containsExactly(Schemas.EXPORTS.fieldNames());
        assertThat(table("tables/ties").schema().fieldNames()).containsExactly(Schemas.TIES.fieldNames());
        assertThat(table("tables/interactions").schema().fieldNames()).containsExactly(Schemas.INTERACTIONS.fieldNames());
        assertThat(table("tables/invitations").schema().fieldNames()).containsExactly(Schemas.INVITATIONS.fieldNames());
        assertThat(table("tables/rejects").schema().fieldNames()).containsExactly(Schemas.REJECTS.fieldNames());
    }

    @Test
    public void everyFileBalancesReadAgainstAcceptedPlusRejected() throws Exception {
        Dataset<Row> files = table("tables/exports").select(col(EXPORT_ID), explode(col(FILES)).as("f"))
                .select(col("f." + ROWS_READ).as("r"), col("f." + ROWS_ACCEPTED).as("a"), col("f." + ROWS_REJECTED).as("j"));
        assertThat(files.count()).isGreaterThan(0);
        assertThat(files.filter(col("r").notEqual(col("a").plus(col("j")))).count()).isZero();
        Row totals = table("tables/exports").agg(sum(ROWS_REJECTED)).first();
        assertThat(totals.getLong(0)).isEqualTo(table("tables/rejects").count());
    }

    @Test
    public void copenhagenWithoutItsDataFilesIsRejectedWithHowToFetchThem() throws Exception {
        // data-samples/copenhagen-cns ships its descriptor only (public data are not committed; see RealDataStudyTest)
        Dataset<Row> cns = exportsOf("network").filter(col(STATUS).equalTo("rejected"));
        assertThat(cns.count()).isEqualTo(1);
        List<String> ids = cns.select(EXPORT_ID).as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertThat(table("tables/rejects").filter(col(EXPORT_ID).isin(ids.toArray())).select(REASON)
                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList()).singleElement().asString()
                .contains("none of the files its descriptor names is present", "scripts/get-dataset");
    }

    @Test
    public void linkedInSampleCounts() throws Exception {
        // data-samples/linkedin/README.md: 12 owners, every one recognised
        Dataset<Row> li = exportsOf("linkedin");
        assertThat(li.count()).isEqualTo(12);
        assertThat(li.filter(col(STATUS).equalTo("ok")).count()).isEqualTo(12);
        assertThat(li.filter(col(WARNINGS).cast("string").contains("owner not recognised")).count()).isZero();
        assertThat(li.agg(sum(HIDDEN_PROFILES)).first().getLong(0)).isEqualTo(4);
        assertThat(count("tables/ties", "linkedin")).isEqualTo(312);
        assertThat(count("tables/interactions", "linkedin")).isEqualTo(245);
        assertThat(count("tables/invitations", "linkedin")).isEqualTo(50);
        assertThat(count("tables/rejects", "linkedin")).isEqualTo(8);
        assertThat(li.select(FORMAT_ERA).distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList())
                .containsExactlyInAnyOrder("linkedin-2018", "linkedin-2019", "linkedin-2021", "linkedin-2022-preamble",
                        "linkedin-2023-url", "linkedin-2023-url+excel");
    }

    @Test
    public void facebookSampleCounts() throws Exception {
        // data-samples/facebook/README.md: four JSON eras read, the HTML export rejected with its reason
        Dataset<Row> fb = exportsOf("facebook");
        assertThat(fb.count()).isEqualTo(5);
        assertThat(fb.filter(col(STATUS).equalTo("rejected")).count()).isEqualTo(1);
        assertThat(count("tables/ties", "facebook")).isEqualTo(13);
        assertThat(count("tables/interactions", "facebook")).isEqualTo(36);
        assertThat(count("tables/invitations", "facebook")).isEqualTo(8);
        assertThat(count("tables/rejects", "facebook")).isEqualTo(8);
        assertThat(table("tables/rejects").filter(col(REASON_CODE).equalTo("html_export")).first()
                .<String>getAs(REASON)).contains("downloaded as HTML", "JSON");
    }

    @Test
    public void twitterSampleCounts() throws Exception {
        // data-samples/twitter/README.md
        assertThat(exportsOf("twitter").count()).isEqualTo(2);
        assertThat(count("tables/ties", "twitter")).isEqualTo(9);
        assertThat(count("tables/interactions", "twitter")).isEqualTo(19);
        assertThat(count("tables/rejects", "twitter")).isEqualTo(1);
    }

    @Test
    public void linkedInInvitationsReachTheirTies() throws Exception {
        Dataset<Row> ties = table("tables/ties").filter(col(PLATFORM).equalTo("linkedin"));
        assertThat(ties.filter(col(INVITED_BY).equalTo("owner")).count()).isGreaterThan(0);
        assertThat(ties.filter(col(INVITED_BY).equalTo("contact")).count()).isGreaterThan(0);
        assertThat(ties.filter(col(INVITATION_HAS_NOTE).equalTo(true)).count()).isGreaterThan(0);
    }

    @Test
    public void canonicalSampleCounts() throws Exception {
        // data-samples/canonical/README.md: two donations, six parts (owner x platform)
        Dataset<Row> canonical = table("tables/exports").filter(col(FORMAT_ERA).startsWith(CANONICAL_ERA));
        assertThat(canonical.count()).isEqualTo(6);
        assertThat(canonical.filter(col(STATUS).equalTo("ok")).count()).isEqualTo(6);
        Row t = canonical.agg(sum(ROWS_READ), sum(ROWS_ACCEPTED), sum(ROWS_REJECTED)).first();
        assertThat(List.of(t.getLong(0), t.getLong(1), t.getLong(2))).containsExactly(47L, 31L, 16L);
        Object[] ids = canonical.select(EXPORT_ID).as(org.apache.spark.sql.Encoders.STRING()).collectAsList().toArray();
        assertThat(table("tables/ties").filter(col(EXPORT_ID).isin(ids)).count()).isEqualTo(13);
        assertThat(table("tables/interactions").filter(col(EXPORT_ID).isin(ids)).count()).isEqualTo(14);
        assertThat(table("tables/invitations").filter(col(EXPORT_ID).isin(ids)).count()).isEqualTo(4);
        assertThat(table("tables/rejects").filter(col(EXPORT_ID).isin(ids)).count()).isEqualTo(16);
    }

    @Test
    public void snapSampleCounts() throws Exception {
        Dataset<Row> snap = exportsOf("network").filter(col(FORMAT_ERA).equalTo("konect-temporal"));
        assertThat(snap.count()).isEqualTo(9);
        Row t = snap.agg(sum(ROWS_READ), sum(ROWS_ACCEPTED), sum(ROWS_REJECTED)).first();
        assertThat(List.of(t.getLong(0), t.getLong(1), t.getLong(2))).containsExactly(27L, 24L, 3L);
    }

    @Test
    public void ownerMetricsForEveryAnalysedExport() throws Exception {
        Dataset<Row> metrics = table("features/owner_metrics");
        // one row per owner and platform: the two X archives are the same account, only the later is analysed
        Dataset<Row> ok = table("tables/exports").filter(col(STATUS).equalTo("ok"));
        assertThat(metrics.count()).isEqualTo(ok.select(OWNER_ID, PLATFORM).distinct().count());
        assertThat(metrics.count()).isEqualTo(ok.count() - 1);
        Dataset<Row> archives = exportsOf("twitter").filter(col(STATUS).equalTo("ok"));
        Row later = archives.orderBy(col(WINDOW_END).desc()).first();
        assertThat(metrics.join(archives.select(EXPORT_ID), EXPORT_ID).select(EXPORT_ID)
                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList())
                .containsExactly(later.<String>getAs(EXPORT_ID));
        assertThat(metrics.filter(col(N_TIES).lt(col(N_ACTIVE))).count()).isZero();
        assertThat(metrics.filter(col(N_RECIPROCAL).lt(col(N_SUSTAINED))).count()).isZero();
        long tieRows = table("features/tie_features").filter(col(IS_TIE)).count();
        Dataset<Row> analysedTies = table("tables/ties").join(metrics.select(EXPORT_ID), EXPORT_ID);
        assertThat(tieRows).isEqualTo(analysedTies.count());
    }

    @Test
    public void manifestIsWrittenLastWithStatusOk() throws Exception {
        RunJob.Result r = SampleRun.result(spark());
        Path manifest = SampleRun.warehouse(spark()).resolve("runs").resolve(r.runId()).resolve("manifest.json");
        String json = Files.readString(manifest);
        assertThat(json).contains("\"status\" : \"ok\"", "\"key_fingerprint\" : \"" + SampleRun.KEY.fingerprint() + "\"",
                "\"stage\" : \"ingest\"", "\"stage\" : \"features\"", "\"sources_ingested\" : [",
                "\"Connections.csv\" : {", "\"out.tiedepth-synthetic\" : {");
        com.fasterxml.jackson.databind.JsonNode ingest = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(json).get("stages").get(0).get("counts");
        assertThat(ingest.get("sources_ingested")).hasSize((int) r.ingest().sources());
        assertThat(ingest.get("files").get("out.tiedepth-synthetic").get("rejected").asLong()).isEqualTo(3);
        assertThat(Files.exists(SampleRun.warehouse(spark()).resolve("_staging").resolve(r.runId()))).isFalse();
    }
}
