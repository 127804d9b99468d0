package io.tiedepth.jobs.features;

import static io.tiedepth.schema.Columns.*;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.features.FeatureParams;
import io.tiedepth.generate.GeneratorParams;
import io.tiedepth.generate.GroundTruth;
import io.tiedepth.ingest.Ingestor;
import io.tiedepth.ingest.Readers;
import io.tiedepth.jobs.SparkTestBase;
import io.tiedepth.jobs.e2e.SampleRun;
import io.tiedepth.jobs.features.legacy.SparkDunbarLayerAssignment;
import io.tiedepth.jobs.features.legacy.SparkOwnerMetrics;
import io.tiedepth.jobs.features.legacy.SparkTieFeatures;
import io.tiedepth.jobs.generate.GenerateJob;
import io.tiedepth.jobs.ingest.CanonicalRows;
import io.tiedepth.model.Canonical;
import io.tiedepth.pseudo.Pseudonymizer;
import io.tiedepth.pseudo.StudyKey;
import io.tiedepth.source.Inbox;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The plain-Java features ({@link FeaturesJob#compute}) equal, row for row and bit for bit, those of the former
 * Spark SQL implementation (kept in {@code legacy} for this comparison only), on a generated inbox of LinkedIn,
 * Facebook and X owners, the bundled samples (every reader, network datasets with relative times and derived ties)
 * and hand-built owners (one with messages in and out at the same time), with the default and other thresholds.
 */
public class FeaturesEquivalenceTest extends SparkTestBase {
    private static final GeneratorParams SMALL = GeneratorParams.DEFAULTS.with("{"
            + "\"sizes\": {\"median\": 60, \"cap\": 400, \"tailShare\": 0.1, \"tailMin\": 200},"
            + "\"bursts\": {\"ownerShare\": 0.7}}");

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void plainJavaFeaturesEqualTheSparkSqlOnes() throws Exception {
        FeatureFixture tables = new FeatureFixture(spark(), exports());
        try {
            for (FeatureParams p : List.of(FeatureParams.DEFAULTS, new FeatureParams(3, 60, 30))) {
                compare(tables, p);
            }
        } finally {
            tables.unpersist();
        }
    }

    private void compare(FeatureFixture t, FeatureParams p) {
        Dataset<Row> analysed = AnalysedExports.select(t.table(CanonicalRows.EXPORTS)).cache();
        Dataset<Row> computed = FeaturesJob.compute(analysed, t.table(CanonicalRows.TIES),
                t.table(CanonicalRows.INTERACTIONS), t.table(CanonicalRows.INVITATIONS), p).cache();
        Dataset<Row> tf = SparkTieFeatures.compute(analysed, t.table(CanonicalRows.TIES),
                t.table(CanonicalRows.INTERACTIONS), p).cache();
        Dataset<Row> circles = SparkDunbarLayerAssignment.circles(tf).cache();
        Dataset<Row> oldTies = SparkDunbarLayerAssignment.assignLayers(tf, circles);
        Dataset<Row> oldOwners = SparkDunbarLayerAssignment.addLayerMetrics(SparkOwnerMetrics.compute(analysed, tf,
                t.table(CanonicalRows.INVITATIONS), t.table(CanonicalRows.INTERACTIONS)), circles);

        Dataset<Row> newTies = FeaturesJob.tieFeatures(computed);
        Dataset<Row> newOwners = FeaturesJob.ownerMetrics(computed);
        assertThat(types(newTies.schema())).isEqualTo(types(oldTies.schema()));
        assertThat(types(newOwners.schema())).isEqualTo(types(oldOwners.schema()));
        List<Row> owners = sameRows(newOwners.orderBy(EXPORT_ID), oldOwners.orderBy(EXPORT_ID), p);
        List<Row> ties = sameRows(newTies.orderBy(EXPORT_ID, CONTACT_ID), oldTies.orderBy(EXPORT_ID, CONTACT_ID), p);
        assertThat(owners).hasSizeGreaterThan(40);
        assertNotVacuous(newTies, newOwners);
        assertThat(ties).hasSizeGreaterThan(1000);
        for (Dataset<Row> d : List.of(analysed, computed, tf, circles)) {
            d.unpersist();
        }
    }

    private static List<Row> sameRows(Dataset<Row> actual, Dataset<Row> expected, FeatureParams p) {
        List<Row> a = actual.collectAsList();
        List<Row> e = expected.collectAsList();
        assertThat(a).as("rows with %s", p).hasSameSizeAs(e);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i)).as("row %d of %d with %s: %s", i, a.size(), p, e.get(i)).isEqualTo(e.get(i));
        }
        return a;
    }

    /** Every kind of value the comparison is about occurs in the data, so equal rows say something. */
    private static void assertNotVacuous(Dataset<Row> ties, Dataset<Row> owners) {
        assertThat(ties.filter(col(REACTIVATIONS).gt(0)).count()).isPositive();
        assertThat(ties.filter(col(LAYER).isNotNull()).count()).isPositive();
        assertThat(ties.filter(col(DEPTH).equalTo("sustained")).count()).isPositive();
        assertThat(ties.filter(col(IS_TIE).equalTo(false)).count()).isPositive();
        assertThat(ties.filter(col(CONNECTED_AT).isNull().and(col(IS_TIE))).count()).isPositive();
        assertThat(ties.filter(col(BURST_ACCEPTED)).count()).isPositive();
        assertThat(ties.filter(col(INTERACTED_WITHIN_180D).isNull().and(col(CONNECTED_AT).isNotNull())).count())
                .isPositive();
        assertThat(owners.filter(col(INBOUND_REQUESTS).gt(0)).count()).isPositive();
        assertThat(owners.filter(col(INBOUND_REQUESTS_PER_MONTH).isNull()).count()).isPositive();
        assertThat(owners.filter(col(N_LAYERS).gt(0)).count()).isPositive();
        assertThat(owners.filter(col(TIME_ORIGIN).equalTo("relative")).count()).isPositive();
        assertThat(owners.filter(col(OBSERVATION_DAYS).isNull()).count()).isPositive();
    }

    /** Column names and types, nullability aside (Parquet files read back make every column nullable). */
    private static List<String> types(StructType schema) {
        List<String> out = new ArrayList<>();
        for (StructField f : schema.fields()) {
            out.add(f.name() + ":" + f.dataType().catalogString());
        }
        return out;
    }

    /** A generated inbox of three platforms, the bundled samples and the hand-built owners, ingested. */
    private List<Canonical.Export> exports() throws Exception {
        Path out = tmp.newFolder("generated").toPath();
        GenerateJob.run(spark(), new GenerateJob.Config(30, 11, List.of("linkedin", "facebook", "twitter"), out,
                SMALL, 0, false, 0));
        Ingestor ingestor = new Ingestor(Readers.all(), new Pseudonymizer(StudyKey.demo()), Instant.EPOCH);
        List<Path> donations = new ArrayList<>(Inbox.discover(out.resolve(GroundTruth.INBOX)));
        for (Path p : Inbox.discover(SampleRun.SAMPLES)) {
            if (!p.toString().contains("synthetic-study")) {
                donations.add(p);
            }
        }
        List<Canonical.Export> exports = new ArrayList<>();
        for (Path d : donations) {
            exports.addAll(ingestor.ingest(d));
        }
        exports.add(new io.tiedepth.features.FeatureFixture().canonical());
        exports.add(relativeWithoutStart(new io.tiedepth.features.FeatureFixture().canonical()));
        exports.add(io.tiedepth.features.FeatureFixture.simultaneousMessages());
        return exports;
    }

    /** The hand-built owner as another export with relative times, derived ties and no window start. */
    private static Canonical.Export relativeWithoutStart(Canonical.Export e) {
        String id = "exp-2";
        Canonical.ExportRow x = e.export();
        Canonical.ExportRow export = new Canonical.ExportRow(id, id, "owner-2", x.platform(), x.formatEra(),
                x.status(), x.sizeBytes(), x.files(), x.hiddenProfiles(), null, x.windowEnd(), x.ingestedAt(),
                x.parserVersion(), x.warnings(), Canonical.ExportRow.RELATIVE, "first_event");
        return new Canonical.Export(export,
                e.ties().stream().map(t -> new Canonical.TieRow(id, t.platform(), "owner-2", t.contactId(),
                        t.connectedAt(), t.connectedAtPrecision(), t.tieSource(), t.invitedBy(),
                        t.invitationHasNote(), t.ended())).toList(),
                e.interactions().stream().map(i -> new Canonical.InteractionRow(id, i.platform(), "owner-2",
                        i.contactId(), i.at(), i.channel(), i.direction(), i.threadId(), i.isGroup(), i.words(),
                        i.chars(), i.durationS())).toList(),
                List.of(), List.of());
    }
}
