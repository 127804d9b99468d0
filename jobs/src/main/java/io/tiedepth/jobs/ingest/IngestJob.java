package io.tiedepth.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import io.tiedepth.ingest.Ingestor;
import io.tiedepth.ingest.Readers;
import io.tiedepth.jobs.Publisher;
import io.tiedepth.jobs.Warehouse;
import io.tiedepth.model.Canonical;
import io.tiedepth.pseudo.Pseudonymizer;
import io.tiedepth.pseudo.StudyKey;
import io.tiedepth.schema.Columns;
import io.tiedepth.source.Inbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * {@code ingest}: every export under the inbox becomes pseudonymized canonical tables (DESIGN §3).
 *
 * <p>The driver only lists the exports and their sizes; they are spread over tasks by bytes
 * ({@link ExportBalancer}, many exports per task, never a Spark job per export) and parsed inside the tasks
 * ({@link Ingestor}), so names and texts never leave the executor that read them. One pass of parsing yields one
 * tagged dataset ({@link CanonicalRows}), kept on memory and disk while the five tables are written, each to the
 * run's staging folder and then published together.
 */
public final class IngestJob {
    private static final Logger LOG = LogManager.getLogger(IngestJob.class);
    /** Rows per output Parquet file, about. */
    static final long ROWS_PER_FILE = 2_000_000;

    private IngestJob() {
    }

    /**
     * @param input     the inbox folder (local or a shared mount visible to every executor)
     * @param tasks     parse tasks; 0 = 4 per core, at most one per export
     * @param ingestedAt written to {@code exports.ingested_at}; fixed by the run date so reruns are identical
     */
    public record Config(Path input, Warehouse warehouse, StudyKey key, int tasks, Instant ingestedAt) {
    }

    /** Counts of one ingest run (they go into the run manifest). */
    /**
     * @param sources  donations found in the inbox (a network dataset is one source of many owners' exports)
     * @param exports  export rows written (one per owner part)
     */
    public record Result(long sources, long exports, long exportsRejected, long rowsRead, long rowsAccepted, long rowsRejected,
                         Map<String, Long> tableRows, Duration took) {
        public boolean balanced() {
            return rowsRead == rowsAccepted + rowsRejected;
        }
    }

    public static Result run(SparkSession spark, Config config, Publisher publisher) throws IOException {
        Instant start = Instant.now();
        if (config.key().isDemo()) {
            LOG.warn("using the public DEMO key: pseudonyms can be reversed by anyone, results are NOT private");
        }
        List<Path> found = Inbox.discover(config.input());
        LOG.info("ingest: {} export(s) found under the inbox", found.size());
        List<ExportBalancer.Sized> sized = new ArrayList<>(found.size());
        for (Path p : found) {
            sized.add(new ExportBalancer.Sized(p.toString(), bytes(p)));
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int tasks = config.tasks() > 0 ? config.tasks()
                : ExportBalancer.taskCount(found.size(), jsc.defaultParallelism(), 4);
        int[] assignment = ExportBalancer.assign(sized, tasks);
        List<Tuple2<Integer, String>> pairs = new ArrayList<>(found.size());
        for (int i = 0; i < sized.size(); i++) {
            pairs.add(new Tuple2<>(assignment[i], sized.get(i).path()));
        }
        jsc.setJobGroup("ingest", "ingest: parse " + found.size() + " exports in " + tasks + " tasks", false);

        Pseudonymizer pseudonymizer = new Pseudonymizer(config.key());
        Instant ingestedAt = config.ingestedAt();
        JavaRDD<Row> rows = jsc.parallelizePairs(pairs, Math.max(1, tasks))
                .partitionBy(new HashPartitioner(Math.max(1, tasks)))
                .values()
                .mapPartitions(paths -> parse(paths, pseudonymizer, ingestedAt));
        Dataset<Row> tagged = spark.createDataFrame(rows, CanonicalRows.TAGGED).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Map<String, Long> counts = new HashMap<>();
            for (String t : CanonicalRows.TABLES) {
                counts.put(t, 0L);
            }
            tagged.groupBy(CanonicalRows.KIND).count().collectAsList()
                    .forEach(r -> counts.put(r.getString(0), r.getLong(1)));
            Map<String, String> targets = Map.of(CanonicalRows.EXPORTS, Warehouse.EXPORTS, CanonicalRows.TIES,
                    Warehouse.TIES, CanonicalRows.INTERACTIONS, Warehouse.INTERACTIONS, CanonicalRows.INVITATIONS,
                    Warehouse.INVITATIONS, CanonicalRows.REJECTS, Warehouse.REJECTS);
            for (String t : CanonicalRows.TABLES) {
                jsc.setJobGroup("ingest", "ingest: write " + t, false);
                int files = (int) Math.max(1, Math.min(tasks, (counts.get(t) + ROWS_PER_FILE - 1) / ROWS_PER_FILE));
                tagged.filter(col(CanonicalRows.KIND).equalTo(t)).select(col(t + ".*"))
                        .coalesce(files)
                        .write().mode("overwrite").parquet(publisher.stage(targets.get(t)));
            }
            Row totals = tagged.filter(col(CanonicalRows.KIND).equalTo(CanonicalRows.EXPORTS))
                    .select(col(CanonicalRows.EXPORTS + ".*"))
                    .agg(sum(Columns.ROWS_READ), sum(Columns.ROWS_ACCEPTED), sum(Columns.ROWS_REJECTED),
                            sum(col(Columns.STATUS).equalTo("rejected").cast("long")))
                    .first();
            Result result = new Result(found.size(), counts.get(CanonicalRows.EXPORTS), longOr0(totals, 3), longOr0(totals, 0),
                    longOr0(totals, 1), longOr0(totals, 2), Map.copyOf(counts), Duration.between(start, Instant.now()));
            publisher.publish();
            LOG.info("ingest: {} sources, {} exports ({} rejected), rows read {} = accepted {} + rejected {}; ties {}, "
                            + "interactions {}, invitations {}, rejects {}; {} s",
                    result.sources(), result.exports(), result.exportsRejected(), result.rowsRead(), result.rowsAccepted(),
                    result.rowsRejected(), counts.get(CanonicalRows.TIES), counts.get(CanonicalRows.INTERACTIONS),
                    counts.get(CanonicalRows.INVITATIONS), counts.get(CanonicalRows.REJECTS),
                    result.took().toSeconds());
            if (!result.balanced()) {
                LOG.error("ingest: rows read != accepted + rejected; a reader lost rows, see exports.files");
            }
            return result;
        } finally {
            tagged.unpersist();
            jsc.clearJobGroup();
        }
    }

    /** Parses the exports of one task, one at a time, in path order. */
    static Iterator<Row> parse(Iterator<String> paths, Pseudonymizer pseudonymizer, Instant ingestedAt) {
        List<String> mine = new ArrayList<>();
        paths.forEachRemaining(mine::add);
        Collections.sort(mine);
        Ingestor ingestor = new Ingestor(Readers.all(), pseudonymizer, ingestedAt);
        Instant start = Instant.now();
        Iterator<String> each = mine.iterator();
        return new Iterator<>() {
            private Iterator<Row> current = Collections.emptyIterator();
            private Iterator<Canonical.Export> parts = Collections.emptyIterator();
            private boolean logged;

            @Override
            public boolean hasNext() {
                while (!current.hasNext()) {
                    if (parts.hasNext()) {
                        current = CanonicalRows.of(parts.next());
                    } else if (each.hasNext()) {
                        parts = ingestor.ingest(Path.of(each.next())).iterator();
                    } else {
                        if (!logged) {
                            logged = true;
                            LOG.info("ingest task: {} export(s) parsed in {} ms", mine.size(),
                                    Duration.between(start, Instant.now()).toMillis());
                        }
                        return false;
                    }
                }
                return true;
            }

            @Override
            public Row next() {
                hasNext();
                return current.next();
            }
        };
    }

    private static long bytes(Path p) {
        try {
            if (Files.isRegularFile(p)) {
                return Files.size(p);
            }
            try (Stream<Path> s = Files.walk(p)) {
                return s.filter(Files::isRegularFile).mapToLong(f -> {
                    try {
                        return Files.size(f);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).sum();
            }
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    private static long longOr0(Row r, int i) {
        return r.isNullAt(i) ? 0 : r.getLong(i);
    }
}
