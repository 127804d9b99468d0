package io.tiedepth.jobs.generate;

import static io.tiedepth.schema.Columns.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tiedepth.features.FeatureParams;
import io.tiedepth.generate.GeneratorParams;
import io.tiedepth.generate.GroundTruth;
import io.tiedepth.ingest.Ingestor;
import io.tiedepth.ingest.Readers;
import io.tiedepth.jobs.SparkTestBase;
import io.tiedepth.jobs.features.AnalysedExports;
import io.tiedepth.jobs.features.FeaturesJob;
import io.tiedepth.jobs.ingest.CanonicalRows;
import io.tiedepth.model.Canonical;
import io.tiedepth.pseudo.Pseudonymizer;
import io.tiedepth.pseudo.StudyKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code generate} as a Spark job: exports and ground truth appear, the output does not depend on the number of
 * tasks, an earlier run is not overwritten by accident, and ingest and the feature transforms on the generated inbox
 * compute exactly the per-owner truths in {@code ground_truth_owners.csv}.
 */
public class GenerateJobTest extends SparkTestBase {
    static final int OWNERS = 8;
    static final GeneratorParams SMALL = GeneratorParams.DEFAULTS.with("{"
            + "\"sizes\": {\"median\": 80, \"cap\": 600, \"tailShare\": 0.1, \"tailMin\": 300},"
            + "\"bursts\": {\"ownerShare\": 0.7},"
            + "\"format\": {\"zipShare\": 0.5, \"eras\": {\"2023\": 0.5, \"2022\": 0.2, \"2021\": 0.2, \"2018\": 0.1}}}");

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private GenerateJob.Config config(Path out, int tasks, boolean overwrite) {
        return new GenerateJob.Config(OWNERS, 5, List.of("linkedin"), out, SMALL, tasks, overwrite, 0);
    }

    @Test
    public void writesExportsAndGroundTruthIdenticallyWhateverTheTasks() throws Exception {
        Path a = tmp.newFolder("a").toPath();
        Path b = tmp.newFolder("b").toPath();
        GenerateJob.Result r = GenerateJob.run(spark(), config(a, 3, false));
        GenerateJob.run(spark(), config(b, 1, false));

        assertThat(r.exports()).isEqualTo(OWNERS);
        assertThat(r.bytes()).isPositive();
        try (Stream<Path> s = Files.list(a.resolve(GroundTruth.INBOX))) {
            assertThat(s.count()).isEqualTo(OWNERS);
        }
        JsonNode truth = new ObjectMapper().readTree(a.resolve(GroundTruth.FILE).toFile());
        assertThat(truth.get("owners").asInt()).isEqualTo(OWNERS);
        assertThat(truth.at("/totals/exports").asInt()).isEqualTo(OWNERS);
        assertThat(truth.at("/totals/bytes").asLong()).isEqualTo(r.bytes());
        assertThat(truth.at("/claims/C3/planted").asDouble()).isEqualTo(0.5);
        assertThat(Files.readAllLines(a.resolve(GroundTruth.OWNERS_FILE))).hasSize(OWNERS + 1);
        assertThat(tree(b)).isEqualTo(tree(a));
    }

    @Test
    public void refusesToWriteOverAnEarlierRunUnlessAskedTo() throws Exception {
        Path out = tmp.newFolder("c").toPath();
        GenerateJob.run(spark(), new GenerateJob.Config(2, 5, List.of("linkedin"), out, SMALL, 0, false, 0));
        assertThatThrownBy(() -> GenerateJob.run(spark(),
                new GenerateJob.Config(2, 6, List.of("linkedin"), out, SMALL, 0, false, 0)))
                .isInstanceOf(IOException.class)
                .hasMessage("Cannot generate into " + out + ": it already holds a generated inbox or "
                        + "ground_truth.json (use --overwrite to replace them)");
        GenerateJob.run(spark(), new GenerateJob.Config(1, 6, List.of("linkedin"), out, SMALL, 0, true, 0));
        try (Stream<Path> s = Files.list(out.resolve(GroundTruth.INBOX))) {
            assertThat(s.count()).isEqualTo(1);
        }
    }

    /**
     * LinkedIn and Facebook owners through ingest (the real {@link Ingestor} and readers) and the feature transforms of the {@code features} job, run on
     * the canonical rows in memory rather than through the warehouse's Parquet files, to stay quick.
     */
    @Test
    public void theFeaturesOfTheGeneratedInboxAreTheGroundTruth() throws Exception {
        Path out = tmp.newFolder("e2e").toPath();
        GenerateJob.run(spark(), new GenerateJob.Config(OWNERS + 4, 5, List.of("linkedin", "facebook", "twitter"), out,
                SMALL.with("{\"sizes\": {\"median\": 50, \"cap\": 300}}"), 0, false, 300));
        com.fasterxml.jackson.databind.JsonNode claims = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.resolve(io.tiedepth.generate.GroundTruth.FILE).toFile()).get("claims");
        assertThat(claims.get("C1").get("estimand").isNumber()).isTrue();
        assertThat(claims.get("C1").get("estimand_owners").asInt()).isEqualTo(300);
        assertThat(claims.has("C10") && claims.get("C10").has("estimand")).isFalse();
        String partitions = spark().conf().get("spark.sql.shuffle.partitions");
        spark().conf().set("spark.sql.shuffle.partitions", "1");
        try {
            checkFeatures(out);
        } finally {
            spark().conf().set("spark.sql.shuffle.partitions", partitions);
        }
    }

    private void checkFeatures(Path out) throws Exception {
        Ingestor ingestor = new Ingestor(Readers.all(), new Pseudonymizer(StudyKey.demo()), Instant.EPOCH);
        List<Row> tagged = new ArrayList<>();
        try (Stream<Path> s = Files.list(out.resolve(GroundTruth.INBOX))) {
            List<Path> exports = s.sorted().toList();
            for (int i = 0; i < exports.size(); i++) {
                for (Canonical.Export e : ingestor.ingest(exports.get(i))) {
                    assertThat(e.rejects()).as(exports.get(i).toString()).isEmpty();
                    CanonicalRows.of(i, e).forEachRemaining(tagged::add);
                }
            }
        }
        Dataset<Row> all = spark().createDataFrame(tagged, CanonicalRows.TAGGED).cache();
        Function<String, Dataset<Row>> table = t -> all.filter(col(CanonicalRows.KIND).equalTo(t)).select(col(t + ".*"));
        Dataset<Row> analysed = AnalysedExports.select(table.apply(CanonicalRows.EXPORTS));
        Dataset<Row> interactions = table.apply(CanonicalRows.INTERACTIONS);
        Dataset<Row> computed = FeaturesJob.compute(analysed, table.apply(CanonicalRows.TIES), interactions,
                table.apply(CanonicalRows.INVITATIONS), FeatureParams.DEFAULTS).cache();
        Dataset<Row> tieFeatures = FeaturesJob.tieFeatures(computed);
        assertThat(tieFeatures.filter(col(BURST_ACCEPTED).equalTo(true)).count()).isPositive();
        List<Row> burstTies = tieFeatures.filter(col(BURST_ACCEPTED).equalTo(true)
                        .and(col(INVITED_BY).equalTo("contact")))
                .select(INTERACTED_WITHIN_180D).collectAsList();
        List<Row> metrics = FeaturesJob.ownerMetrics(computed).collectAsList();

        Map<String, Map<String, String>> truth = new HashMap<>();
        List<String> lines = Files.readAllLines(out.resolve(GroundTruth.OWNERS_FILE));
        String[] header = lines.get(0).split(",");
        for (String line : lines.subList(1, lines.size())) {
            String[] v = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], v[i]);
            }
            truth.put(row.get("export_id"), row);
        }
        assertThat(metrics).hasSize(OWNERS + 4);
        assertThat(truth.values()).extracting(t -> t.get("platform")).contains("linkedin", "facebook", "twitter");
        for (Row m : metrics) {
            Map<String, String> t = truth.get(m.<String>getAs(EXPORT_ID));
            assertThat(t).as("owner of %s in ground_truth_owners.csv", m.<String>getAs(EXPORT_ID)).isNotNull();
            String who = t.get("path");
            assertThat(m.<Long>getAs(N_TIES)).as(who).isEqualTo(Long.parseLong(t.get("n_ties")));
            assertThat(m.<Long>getAs(N_ACTIVE)).as(who + " n_active").isEqualTo(Long.parseLong(t.get("n_active")));
            assertThat(m.<Long>getAs(N_RECIPROCAL)).as(who).isEqualTo(Long.parseLong(t.get("n_reciprocal")));
            assertThat(m.<Long>getAs(N_SUSTAINED)).as(who).isEqualTo(Long.parseLong(t.get("n_sustained")));
            assertThat(m.<Long>getAs(INBOUND_REQUESTS)).as(who + " inbound")
                    .isEqualTo(Long.parseLong(t.get("inbound_requests")));
            assertThat(m.<Long>getAs(REACTIVATIONS)).as(who).isEqualTo(Long.parseLong(t.get("reactivations")));
            assertThat(m.<Double>getAs(OBSERVATION_DAYS)).as(who)
                    .isCloseTo(Double.parseDouble(t.get("observation_days")), within(1e-6));
            assertThat(m.<Double>getAs(OUTBOUND_INITIATION_SHARE)).as(who)
                    .isCloseTo(Double.parseDouble(t.get("outbound_initiation_share")), within(1e-9));
            if (t.get("platform").equals("twitter")) {
                assertThat(m.<Double>getAs(BURST_SHARE)).as(who + " burst share (no connection dates)").isNull();
            } else {
                assertThat(m.<Double>getAs(BURST_SHARE)).as(who + " burst share").isCloseTo(
                        Long.parseLong(t.get("burst_ties")) / Double.parseDouble(t.get("n_ties")), within(1e-9));
            }
        }
        long observable = 0;
        long within180 = 0;
        for (Row r : burstTies) {
            observable += r.isNullAt(0) ? 0 : 1;
            within180 += !r.isNullAt(0) && r.getBoolean(0) ? 1 : 0;
        }
        JsonNode c3 = new ObjectMapper().readTree(out.resolve(GroundTruth.FILE).toFile()).at("/claims/C3");
        // C3's truth counts the burst ties the owner accepted (invitation from the contact)
        assertThat(observable).isEqualTo(c3.get("burst_ties_observable").asLong());
        assertThat(within180).isEqualTo(c3.get("burst_ties_with_interaction").asLong());
        all.unpersist();
        computed.unpersist();
    }

    private static TreeMap<String, String> tree(Path root) throws Exception {
        TreeMap<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(),
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return out;
    }
}
