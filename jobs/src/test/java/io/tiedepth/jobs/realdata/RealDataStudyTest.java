package io.tiedepth.jobs.realdata;

import static io.tiedepth.schema.Columns.*;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.claims.ClaimResult;
import io.tiedepth.claims.Verdict;
import io.tiedepth.features.FeatureParams;
import io.tiedepth.jobs.RunJob;
import io.tiedepth.jobs.SparkTestBase;
import io.tiedepth.jobs.Warehouse;
import io.tiedepth.jobs.claims.ClaimsJob;
import io.tiedepth.pseudo.PersonKeys;
import io.tiedepth.pseudo.Pseudonymizer;
import io.tiedepth.pseudo.StudyKey;
import io.tiedepth.schema.StatsTables;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.Test;

/**
 * The whole pipeline on two real public datasets read from {@code ../shared/real-data} (skipped, visibly, when
 * absent): the Copenhagen Networks Study (declared Facebook friendships, relative time) and SNAP CollegeMsg (ties
 * derived from contacts), in one inbox. Per owner, ties, interactions, active, reciprocal and sustained ties equal
 * {@link IndependentCounts} over the raw files; each claim is computed on the owners whose data can test it; the
 * published-results table is produced for each dataset. One run per test JVM (both datasets present; a test that
 * needs a missing one is skipped).
 */
public class RealDataStudyTest extends SparkTestBase {
    private static final StudyKey KEY = StudyKey.of("tiedepth-real-data-test-key-0001".getBytes(StandardCharsets.UTF_8));
    private static final LocalDate RUN_DATE = LocalDate.of(2026, 12, 7);
    private static final List<String> DATASETS = List.of("copenhagen-cns", "snap-collegemsg");
    private static Path warehouse;
    private static RunJob.Result result;

    /** The warehouse of one run over both datasets; {@code name} must be present (else the test is skipped). */
    private synchronized Path warehouse(String name) throws Exception {
        RealData.require(name);
        if (warehouse == null) {
            Path inbox = Files.createTempDirectory("tiedepth-real-inbox");
            for (String d : DATASETS) {
                if (Files.isDirectory(RealData.SHARED.resolve(d))) {
                    RealData.dataset(d, inbox);
                }
            }
            Path dir = Files.createTempDirectory("tiedepth-real-study");
            result = RunJob.run(spark(), new RunJob.Config(inbox, new Warehouse(dir.toString()), KEY, RUN_DATE, 0,
                    FeatureParams.DEFAULTS));
            warehouse = dir;
        }
        return warehouse;
    }

    /** A table of the run, restricted to the exports of one dataset (by its format era). */
    private Dataset<Row> table(String name, String relative) throws Exception {
        Dataset<Row> t = spark().read().parquet(warehouse(name).resolve(relative).toString());
        Dataset<Row> exports = spark().read().parquet(warehouse(name).resolve(Warehouse.EXPORTS).toString())
                .filter(col(FORMAT_ERA).equalTo(ERAS.get(name))).select(EXPORT_ID);
        return t.join(exports, EXPORT_ID);
    }

    private static final Map<String, String> ERAS = Map.of("copenhagen-cns", "cns-2019-figshare",
            "snap-collegemsg", "snap-temporal");

    private ClaimResult claim(String id) throws Exception {
        warehouse(DATASETS.get(0));
        warehouse(DATASETS.get(1));
        return result.claims().claims().stream().filter(c -> c.claimId().equals(id)).findFirst().orElseThrow();
    }

    /** owner_metrics as node → counts, the node found from its pseudonym. */
    private Map<String, IndependentCounts.Counts> pipelineCounts(String name, Iterable<String> nodes)
            throws Exception {
        Pseudonymizer ids = new Pseudonymizer(KEY);
        Map<String, String> nodeOf = new HashMap<>();
        for (String n : nodes) {
            nodeOf.put(ids.id(PersonKeys.accountKey("network", name + "/" + n)), n);
        }
        Map<String, IndependentCounts.Counts> out = new TreeMap<>();
        for (Row r : table(name, Warehouse.OWNER_METRICS)
                .select(OWNER_ID, N_TIES, N_INTERACTIONS, N_ACTIVE, N_RECIPROCAL, N_SUSTAINED).collectAsList()) {
            out.put(nodeOf.getOrDefault(r.getString(0), "?" + r.getString(0)), new IndependentCounts.Counts(
                    r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5)));
        }
        return out;
    }

    @Test
    public void copenhagenPerOwnerCountsEqualAnIndependentComputation() throws Exception {
        Path raw = RealData.require("copenhagen-cns");
        List<IndependentCounts.Event> events = new java.util.ArrayList<>(
                IndependentCounts.events(raw.resolve("sms.csv"), true, 0, 1, 2));
        events.addAll(IndependentCounts.events(raw.resolve("calls.csv"), true, 0, 1, 2));
        Map<String, IndependentCounts.Counts> expected = IndependentCounts.count(events,
                IndependentCounts.friends(raw.resolve("fb_friends.csv")));
        assertThat(expected).hasSize(833);
        assertThat(pipelineCounts("copenhagen-cns", expected.keySet())).isEqualTo(expected);
    }

    @Test
    public void collegeMsgPerOwnerCountsEqualAnIndependentComputation() throws Exception {
        Path raw = RealData.require("snap-collegemsg");
        Map<String, IndependentCounts.Counts> expected = IndependentCounts.count(
                IndependentCounts.events(raw.resolve("CollegeMsg.txt.gz"), false, 2, 0, 1), null);
        assertThat(expected).hasSize(1_899);
        assertThat(pipelineCounts("snap-collegemsg", expected.keySet())).isEqualTo(expected);
    }

    @Test
    public void copenhagenReadsAsItsProvenanceStates() throws Exception {
        Dataset<Row> exports = table("copenhagen-cns", Warehouse.EXPORTS);
        assertThat(exports.count()).isEqualTo(833);
        Dataset<Row> files = exports.select(explode(col(FILES)).as("f")).groupBy("f." + FILE)
                .agg(sum("f." + ROWS_READ), sum("f." + ROWS_ACCEPTED), sum("f." + ROWS_REJECTED));
        assertThat(files.collectAsList()).extracting(Row::toString).containsExactlyInAnyOrder(
                "[fb_friends.csv,6429,6418,11]", "[sms.csv,24333,24333,0]", "[calls.csv,3600,3600,0]");
        assertThat(table("copenhagen-cns", Warehouse.TIES).count()).isEqualTo(12_836);
        Dataset<Row> interactions = table("copenhagen-cns", Warehouse.INTERACTIONS);
        assertThat(interactions.filter(col(CHANNEL).equalTo("message")).count()).isEqualTo(48_666);
        assertThat(interactions.filter(col(CHANNEL).equalTo("call")).count()).isEqualTo(7_200);
        assertThat(exports.select(TIME_ORIGIN).distinct().as(Encoders.STRING()).collectAsList())
                .containsExactly("relative");
    }

    @Test
    public void collegeMsgIsReadFromItsGzipWithDerivedTies() throws Exception {
        Dataset<Row> exports = table("snap-collegemsg", Warehouse.EXPORTS);
        assertThat(exports.count()).isEqualTo(1_899);
        assertThat(exports.agg(sum(ROWS_READ), sum(ROWS_ACCEPTED)).first().toString()).isEqualTo("[59835,59835]");
        assertThat(exports.select(DERIVED_TIES).distinct().as(Encoders.STRING()).collectAsList())
                .containsExactly("contacts");
        assertThat(table("snap-collegemsg", Warehouse.TIES).select(TIE_SOURCE).distinct().as(Encoders.STRING())
                .collectAsList()).containsExactly("derived");
    }

    @Test
    public void eachClaimIsComputedOnTheOwnersWhoseDataCanTestIt() throws Exception {
        long cnsWithTies = table("copenhagen-cns", Warehouse.OWNER_METRICS).filter(col(N_TIES).gt(0)).count();
        long collegeWithTies = table("snap-collegemsg", Warehouse.OWNER_METRICS).filter(col(N_TIES).gt(0)).count();
        assertThat(cnsWithTies).isEqualTo(800);
        for (String id : List.of("C1", "C2")) {
            assertThat(claim(id).nOwners()).as(id + ": CollegeMsg's derived ties left out").isEqualTo(cnsWithTies);
        }
        assertThat(claim("C1").verdict()).isNotEqualTo(Verdict.NOT_TESTABLE);
        assertThat(claim("C7").nOwners()).as("C7: both datasets").isEqualTo(cnsWithTies + collegeWithTies);
        assertThat(claim("C8").reason()).doesNotContain("time_origin");
        assertThat(claim("C9").reason()).as("Copenhagen's declared friendships reach C9's own condition")
                .contains("invitation").doesNotContain("derive_ties");
    }

    @Test
    public void publishedResultsAreSetSideBySideInTheStatsAndTheReport() throws Exception {
        List<Row> rows = spark().read().parquet(warehouse("copenhagen-cns").resolve(ClaimsJob.STATS_PUBLISHED)
                .toString()).collectAsList();
        for (String group : List.of("network/cns-2019-figshare", "network/snap-temporal")) {
            assertThat(rows).filteredOn(r -> r.<String>getAs(StatsTables.GROUP).equals(group))
                    .extracting(r -> r.<String>getAs(StatsTables.SOURCE)).as(group).containsExactly(
                            "Gonçalves et al. 2011", "Dunbar et al. 2015", "Dunbar et al. 2015", "Wilson et al. 2009");
        }
        assertThat(rows).extracting(r -> r.<String>getAs(StatsTables.FOUND)).allMatch(f -> !f.isBlank());
        Path reports = warehouse("snap-collegemsg").resolve(ClaimsJob.reportsDir(RUN_DATE));
        assertThat(Files.readString(reports.resolve("report.md"))).contains("## Published results side by side",
                "peak at [");
        assertThat(Files.readAllLines(reports.resolve("published.csv"))).hasSize(9);
        String report = Files.readString(warehouse("copenhagen-cns").resolve(ClaimsJob.reportsDir(RUN_DATE))
                .resolve("report.md"));
        assertThat(report).contains("| observation (relative times) | up to 28.0 days", "| observation window | "
                + "2004-04-15 to 2004-10-26").doesNotContain("1970-");
    }
}
