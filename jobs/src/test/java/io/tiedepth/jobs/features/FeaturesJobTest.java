package io.tiedepth.jobs.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.features.ExportFeatures;
import io.tiedepth.features.FeatureParams;
import io.tiedepth.jobs.Publisher;
import io.tiedepth.jobs.SparkTestBase;
import io.tiedepth.jobs.Warehouse;
import io.tiedepth.jobs.ingest.CanonicalRows;
import io.tiedepth.schema.Schemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code features} on a warehouse holding the hand-built owner of {@link io.tiedepth.features.FeatureFixture}, read
 * back from disk: the tables' schemas, and rows equal to the plain-Java features of that export.
 */
public class FeaturesJobTest extends SparkTestBase {
    private static final Map<String, String> TABLES = Map.of(CanonicalRows.EXPORTS, Warehouse.EXPORTS,
            CanonicalRows.TIES, Warehouse.TIES, CanonicalRows.INTERACTIONS, Warehouse.INTERACTIONS,
            CanonicalRows.INVITATIONS, Warehouse.INVITATIONS);

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Warehouse warehouse() throws Exception {
        Path dir = tmp.newFolder("warehouse").toPath();
        FeatureFixture fixture = new FeatureFixture(spark());
        TABLES.forEach((table, path) -> fixture.table(table).write().parquet(dir.resolve(path).toString()));
        fixture.unpersist();
        return new Warehouse(dir.toString());
    }

    private FeaturesJob.Result run(Warehouse w, LocalDate asOf) throws Exception {
        Publisher publisher = new Publisher(w, "test-features", spark().sparkContext().hadoopConfiguration());
        return FeaturesJob.run(spark(), new FeaturesJob.Config(w, FeatureParams.DEFAULTS, asOf), publisher);
    }

    @Test
    public void writesThePlainJavaFeaturesOfEachExport() throws Exception {
        Warehouse w = warehouse();
        FeaturesJob.Result r = run(w, null);
        ExportFeatures expected = new io.tiedepth.features.FeatureFixture().features();

        Dataset<Row> ties = spark().read().parquet(w.path(Warehouse.TIE_FEATURES));
        Dataset<Row> owners = spark().read().parquet(w.path(Warehouse.OWNER_METRICS));
        assertThat(types(ties.schema())).isEqualTo(types(Schemas.TIE_FEATURES));
        assertThat(types(owners.schema())).isEqualTo(types(Schemas.OWNER_METRICS));
        assertThat(r.owners()).isEqualTo(1);
        assertThat(r.tieFeatureRows()).isEqualTo(16);
        assertThat(owners.collectAsList()).containsExactly(FeatureRows.ownerMetrics(expected.ownerMetrics()));
        assertThat(ties.collectAsList()).containsExactlyInAnyOrderElementsOf(
                expected.tieFeatures().stream().map(FeatureRows::tieFeature).toList());
        assertThat(Files.exists(Path.of(w.path("_staging")).resolve("test-features"))).isFalse();
    }

    @Test
    public void asOfLeavesOutExportsIngestedLater() throws Exception {
        Warehouse w = warehouse();
        FeaturesJob.Result r = run(w, LocalDate.of(2024, 1, 1));
        assertThat(r.owners()).isZero();
        assertThat(r.tieFeatureRows()).isZero();
        assertThat(run(w, LocalDate.of(2024, 1, 2)).owners()).isEqualTo(1);
    }

    private static List<String> types(StructType schema) {
        return java.util.Arrays.stream(schema.fields()).map(FeaturesJobTest::type).toList();
    }

    private static String type(StructField f) {
        return f.name() + ":" + f.dataType().catalogString();
    }
}
