package io.tiedepth.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.jobs.Publisher;
import io.tiedepth.jobs.SparkTestBase;
import io.tiedepth.jobs.TestTrees;
import io.tiedepth.jobs.Warehouse;
import io.tiedepth.pseudo.StudyKey;
import io.tiedepth.schema.Columns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code ingest} on the bundled LinkedIn samples: each parse task writes its rows straight into one Parquet file per
 * table, the pseudonymous ids are written without a dictionary, an inbox added to a warehouse gives the tables a
 * single ingest of both gives, and a donation found at two paths is parsed once.
 */
public class IngestJobTest extends SparkTestBase {
    private static final Path LINKEDIN = Path.of("..", "data-samples", "linkedin").toAbsolutePath().normalize();
    private static final StudyKey KEY = StudyKey.of("tiedepth-ingest-test-key-00001".getBytes(StandardCharsets.UTF_8));
    private static final List<String> TABLES = List.of(Warehouse.EXPORTS, Warehouse.TIES, Warehouse.INTERACTIONS,
            Warehouse.INVITATIONS, Warehouse.REJECTS);

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private IngestJob.Result ingest(Path inbox, Warehouse w, int tasks, String run) throws IOException {
        Publisher publisher = new Publisher(w, run, spark().sparkContext().hadoopConfiguration());
        return IngestJob.run(spark(), new IngestJob.Config(inbox, w, KEY, tasks,
                Instant.parse("2026-12-01T00:00:00Z")), publisher);
    }

    private static List<Path> parquetFiles(Warehouse w, String table) throws IOException {
        try (Stream<Path> files = Files.list(Path.of(w.path(table)))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".parquet")).sorted().toList();
        }
    }

    /** Column name to whether some row group of {@code file} holds it with a dictionary page. */
    private static Map<String, Boolean> dictionaries(Path file) throws IOException {
        Map<String, Boolean> out = new TreeMap<>();
        try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(file.toString()), new Configuration()))) {
            for (BlockMetaData block : r.getFooter().getBlocks()) {
                for (ColumnChunkMetaData c : block.getColumns()) {
                    out.merge(c.getPath().toDotString(), c.hasDictionaryPage(), Boolean::logicalOr);
                }
            }
        }
        return out;
    }

    @Test
    public void eachParseTaskWritesOneFilePerTableAndLeavesNoScratch() throws Exception {
        Warehouse w = new Warehouse(tmp.newFolder("w").toString());
        IngestJob.Result r = ingest(LINKEDIN, w, 2, "run-1");

        assertThat(r.exports()).isEqualTo(12);
        assertThat(parquetFiles(w, Warehouse.TIES)).hasSize(2);
        assertThat(parquetFiles(w, Warehouse.INTERACTIONS)).hasSize(2);
        assertThat(Path.of(w.path("_staging"))).satisfiesAnyOf(p -> assertThat(p).doesNotExist(),
                p -> assertThat(p).isEmptyDirectory());
        for (String table : TABLES) {
            assertThat(spark().read().parquet(w.path(table)).count()).as(table)
                    .isEqualTo(r.tableRows().get(table.substring(table.indexOf('/') + 1)));
        }
    }

    @Test
    public void pseudonymousIdsHaveNoDictionaryWhileOwnerAndExportIdsKeepTheirs() throws Exception {
        Warehouse w = new Warehouse(tmp.newFolder("w").toString());
        ingest(LINKEDIN, w, 2, "run-1");

        Map<String, Boolean> interactions = dictionaries(parquetFiles(w, Warehouse.INTERACTIONS).get(0));
        assertThat(interactions.get(Columns.CONTACT_ID)).isFalse();
        assertThat(interactions.get(Columns.THREAD_ID)).isFalse();
        assertThat(interactions.get(Columns.OWNER_ID)).isTrue();
        assertThat(interactions.get(Columns.EXPORT_ID)).isTrue();
        assertThat(dictionaries(parquetFiles(w, Warehouse.TIES).get(0)).get(Columns.CONTACT_ID)).isFalse();
        assertThat(dictionaries(parquetFiles(w, Warehouse.INVITATIONS).get(0)).get(Columns.COUNTERPART_ID)).isFalse();
    }

    @Test
    public void anInboxAddedLaterGivesTheTablesOfOneIngestOfBoth() throws Exception {
        Path first = tmp.newFolder("first").toPath();
        List<Path> exports;
        try (Stream<Path> all = Files.list(LINKEDIN)) {
            exports = all.filter(Files::isDirectory).sorted().toList();
        }
        for (Path e : exports.subList(0, 5)) {
            TestTrees.copy(e, first.resolve(e.getFileName()));
        }
        Warehouse twice = new Warehouse(tmp.newFolder("twice").toString());
        Warehouse once = new Warehouse(tmp.newFolder("once").toString());
        ingest(first, twice, 2, "run-1");
        IngestJob.Result added = ingest(LINKEDIN, twice, 2, "run-2");
        ingest(LINKEDIN, once, 3, "run-1");

        assertThat(added.skipped()).isEqualTo(5);
        Map<String, Boolean> interactions = dictionaries(parquetFiles(twice, Warehouse.INTERACTIONS).get(0));
        assertThat(interactions.get(Columns.CONTACT_ID)).isFalse();
        for (String table : TABLES) {
            Dataset<Row> a = spark().read().parquet(twice.path(table));
            Dataset<Row> b = spark().read().parquet(once.path(table));
            assertThat(a.schema()).as(table).isEqualTo(b.schema());
            assertThat(a.count()).as(table).isEqualTo(b.count());
            assertThat(a.exceptAll(b).count() + b.exceptAll(a).count()).as(table).isZero();
        }
    }

    @Test
    public void aDonationAtTwoPathsIsFoundByItsSizeThenItsHashAndKeptAtTheFirst() throws Exception {
        Path inbox = tmp.newFolder("inbox").toPath();
        List<Path> found = new ArrayList<>();
        for (String[] f : new String[][]{{"a.zip", "same bytes"}, {"b.zip", "other size!"}, {"c.zip", "same bytes"},
                {"d.zip", "SAME BYTES"}, {"e.zip", "same bytes"}}) {
            found.add(Files.writeString(inbox.resolve(f[0]), f[1]));
        }
        Path folder = Files.createDirectories(inbox.resolve("f"));
        Files.writeString(folder.resolve("Connections.csv"), "same bytes");
        found.add(folder);

        assertThat(IngestJob.repeatedDonations(found)).containsExactlyInAnyOrder(2, 4);
    }
}
