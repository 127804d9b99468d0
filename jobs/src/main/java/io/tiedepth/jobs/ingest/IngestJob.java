package io.tiedepth.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import io.tiedepth.ingest.Ingestor;
import io.tiedepth.ingest.Readers;
import io.tiedepth.jobs.Faults;
import io.tiedepth.jobs.Publisher;
import io.tiedepth.jobs.Runs;
import io.tiedepth.jobs.Warehouse;
import io.tiedepth.model.Canonical;
import io.tiedepth.pseudo.Pseudonymizer;
import io.tiedepth.pseudo.StudyKey;
import io.tiedepth.schema.Columns;
import io.tiedepth.source.Inbox;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * {@code ingest}: every export under the inbox becomes pseudonymized canonical tables (DESIGN §3).
 *
 * <p>The driver only lists the exports and their sizes; they are spread over tasks by bytes
 * ({@link ExportBalancer}, many exports per task, never a Spark job per export) and parsed inside the tasks
 * ({@link Ingestor}), so names and texts never leave the executor that read them. Each task writes its
 * pseudonymized rows ({@link CanonicalRows}) straight into one Parquet file per table ({@link TableFiles}); a table
 * the warehouse does not have yet is staged as those files, one it has is rewritten with the new rows added. The
 * five tables are published together. A donation found at two paths of the inbox is parsed once.
 */
public final class IngestJob {
    private static final Logger LOG = LogManager.getLogger(IngestJob.class);
    /** Rows per output Parquet file, about. */
    static final long ROWS_PER_FILE = 2_000_000;
    /** Logged by every run with the public demo key. */
    public static final String DEMO_KEY_WARNING = "using the public DEMO key: pseudonyms can be reversed by anyone, "
            + "results are NOT private";

    private IngestJob() {
    }

    /**
     * @param input     the inbox folder (local or a shared mount visible to every executor)
     * @param tasks     parse tasks; 0 = 4 per core, at most one per export
     * @param ingestedAt written to {@code exports.ingested_at}; fixed by the run date so reruns are identical
     */
    public record Config(Path input, Warehouse warehouse, StudyKey key, int tasks, Instant ingestedAt) {
    }

    /**
     * Counts of one ingest run (they go into the run manifest).
     *
     * @param sources    donations found in the inbox (a network dataset is one source of many owners' exports)
     * @param skipped    of those, already in the warehouse (or donated twice in this inbox): not parsed again
     * @param exports    export rows added (one per owner part)
     * @param tableRows  rows added per table
     */
    public record Result(long sources, long skipped, long exports, long exportsRejected, long rowsRead,
                         long rowsAccepted, long rowsRejected, Map<String, Long> tableRows, Duration took,
                         List<String> ingestedSources, Map<String, List<Long>> perFile) implements Runs.StageResult {
        /** The run manifest's counts: sources, exports and rows (with each table's and each file's). */
        @Override
        public Map<String, Object> counts() {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("sources", sources);
            c.put("sources_skipped", skipped);
            c.put("exports", exports);
            c.put("exports_rejected", exportsRejected);
            c.put("rows_read", rowsRead);
            c.put("rows_accepted", rowsAccepted);
            c.put("rows_rejected", rowsRejected);
            tableRows.forEach((k, v) -> c.put("rows_" + k, v));
            Map<String, Object> files = new LinkedHashMap<>();
            perFile.forEach((file, n) -> files.put(file, Map.of("read", n.get(0), "accepted", n.get(1),
                    "rejected", n.get(2))));
            c.put("files", files);
            c.put("sources_ingested", ingestedSources);
            return c;
        }

        /** This result with {@code took} as its time. */
        public Result withTook(Duration took) {
            return new Result(sources, skipped, exports, exportsRejected, rowsRead, rowsAccepted, rowsRejected,
                    tableRows, took, ingestedSources, perFile);
        }

        public boolean balanced() {
            return rowsRead == rowsAccepted + rowsRejected;
        }

        /** The result of an ingest that found {@code sources} donations, all already in the warehouse. */
        public static Result nothingNew(long sources, Duration took) {
            Map<String, Long> none = new HashMap<>();
            CanonicalRows.TABLES.forEach(t -> none.put(t, 0L));
            return new Result(sources, sources, 0, 0, 0, 0, 0, Map.copyOf(none), took, List.of(), Map.of());
        }

        /** Nothing new in the inbox. */
        public boolean noop() {
            return exports == 0;
        }
    }

    public static Result run(SparkSession spark, Config config, Publisher publisher) throws IOException {
        Instant start = Instant.now();
        if (config.key().isDemo()) {
            LOG.warn(DEMO_KEY_WARNING);
        }
        List<Path> found = Inbox.discover(config.input());
        Warehouse w = config.warehouse();
        Set<String> known = knownSources(spark, w);
        LOG.info("ingest: {} donation(s) found under the inbox; {} already in the warehouse", found.size(),
                known.size());
        List<ExportBalancer.Sized> sized = new ArrayList<>(found.size());
        for (Path p : found) {
            sized.add(new ExportBalancer.Sized(p.toString(), bytes(p)));
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int tasks = config.tasks() > 0 ? config.tasks()
                : ExportBalancer.taskCount(found.size(), jsc.defaultParallelism(), 4);
        int[] assignment = ExportBalancer.assign(sized, tasks);
        Set<Integer> repeated = repeatedDonations(found);
        List<Tuple2<Integer, Donation>> pairs = new ArrayList<>(found.size());
        for (int i = 0; i < sized.size(); i++) {
            if (!repeated.contains(i)) {
                pairs.add(new Tuple2<>(assignment[i], new Donation(i, sized.get(i).path())));
            }
        }
        jsc.setJobGroup("ingest", "ingest: parse " + found.size() + " exports in " + tasks + " tasks", false);

        Pseudonymizer pseudonymizer = new Pseudonymizer(config.key());
        Instant ingestedAt = config.ingestedAt();
        Broadcast<Set<String>> knownIds = jsc.broadcast(known);
        // Each parse task writes its rows straight into one Parquet file per table in the run's staging: no tagged
        // scratch table written and read back per table, no cache (at 10,000 exports the parsed rows do not fit in
        // memory, and a spilled cache was read back from disk row by row for each table).
        String parsedAt = publisher.scratch(PARSED);
        TableFiles files = TableFiles.prepare(spark, parsedAt);
        io.tiedepth.jobs.Progress progress = io.tiedepth.jobs.Progress.start(spark, "ingest", "exports", found.size());
        try {
            Map<String, Long> counts = new HashMap<>();
            CanonicalRows.TABLES.forEach(t -> counts.put(t, 0L));
            jsc.parallelizePairs(pairs, Math.max(1, tasks))
                    .partitionBy(new HashPartitioner(Math.max(1, tasks)))
                    .values()
                    .mapPartitionsWithIndex((task, donations) -> List.of(files.write(task,
                            parse(donations, pseudonymizer, ingestedAt, knownIds.value()))).iterator(), false)
                    .collect()
                    .forEach(c -> CanonicalRows.TABLES.forEach(t -> counts.merge(t, c.get(t), Long::sum)));
            if (counts.get(CanonicalRows.EXPORTS) == 0) {
                LOG.info("ingest: nothing new ({} donation(s), all already ingested)", found.size());
                return new Result(found.size(), found.size(), 0, 0, 0, 0, 0, Map.copyOf(counts),
                        Duration.between(start, Instant.now()), List.of(), Map.of());
            }
            Result added = result(spark.read().parquet(files.folder(CanonicalRows.EXPORTS)), found.size(), counts);
            for (String t : CanonicalRows.TABLES) {
                jsc.setJobGroup("ingest", "ingest: stage " + t, false);
                stage(spark, publisher, w, files, t, counts.get(t), tasks);
                Faults.point("ingest.staged-" + t);
            }
            Result result = added.withTook(Duration.between(start, Instant.now()));
            publisher.publish();
            LOG.info("ingest: {} donations ({} skipped as already ingested), {} exports added ({} rejected), rows "
                            + "read {} = accepted {} + rejected {}; ties {}, interactions {}, invitations {}, "
                            + "rejects {}; {} s",
                    result.sources(), result.skipped(), result.exports(), result.exportsRejected(), result.rowsRead(),
                    result.rowsAccepted(), result.rowsRejected(), counts.get(CanonicalRows.TIES),
                    counts.get(CanonicalRows.INTERACTIONS), counts.get(CanonicalRows.INVITATIONS),
                    counts.get(CanonicalRows.REJECTS), result.took().toSeconds());
            if (!result.balanced()) {
                LOG.error("ingest: rows read != accepted + rejected; a reader lost rows, see exports.files");
            }
            return result;
        } finally {
            progress.close();
            publisher.deleteScratch(parsedAt);
            knownIds.destroy();
            jsc.clearJobGroup();
        }
    }

    /**
     * Stages {@code table}: the parse tasks' files as they are when the warehouse has no such table yet (a rename),
     * else the published rows and the new ones rewritten together in about {@link #ROWS_PER_FILE} rows per file. A
     * table no task wrote a row of is written empty, with its schema.
     */
    private static void stage(SparkSession spark, Publisher publisher, Warehouse w, TableFiles files, String table,
                              long rows, int tasks) throws IOException {
        String target = TARGETS.get(table);
        Optional<Dataset<Row>> old = existing(spark, w, target);
        if (old.isEmpty() && rows > 0) {
            publisher.adopt(target, files.folder(table));
            return;
        }
        StructType schema = TableFiles.SCHEMAS.get(table);
        Dataset<Row> added = rows > 0 ? spark.read().schema(schema).parquet(files.folder(table))
                : spark.createDataFrame(List.of(), schema);
        Dataset<Row> all = old.map(o -> o.unionByName(added, true)).orElse(added);
        long total = rows + old.map(Dataset::count).orElse(0L);
        int n = (int) Math.max(1, Math.min(tasks, (total + ROWS_PER_FILE - 1) / ROWS_PER_FILE));
        all.coalesce(n).write().options(TableFiles.writeOptions()).mode("overwrite").parquet(publisher.stage(target));
    }

    /**
     * The run's result, with the totals and per-file counts of the export rows it added ({@code newExports}); its
     * time is set by {@link Result#withTook(Duration)}.
     */
    private static Result result(Dataset<Row> newExports, int sources, Map<String, Long> counts) {
        Row totals = newExports.agg(sum(Columns.ROWS_READ), sum(Columns.ROWS_ACCEPTED), sum(Columns.ROWS_REJECTED),
                        sum(col(Columns.STATUS).equalTo("rejected").cast("long")))
                .first();
        List<String> ingestedSources = newExports.select(Columns.SOURCE_ID).distinct().orderBy(Columns.SOURCE_ID)
                .as(Encoders.STRING()).collectAsList();
        Map<String, List<Long>> perFile = new java.util.TreeMap<>();
        newExports.select(org.apache.spark.sql.functions.explode(col(Columns.FILES)).as("f"))
                .groupBy(org.apache.spark.sql.functions.element_at(
                        org.apache.spark.sql.functions.split(col("f." + Columns.FILE), "/"), -1))
                .agg(sum("f." + Columns.ROWS_READ), sum("f." + Columns.ROWS_ACCEPTED), sum("f." + Columns.ROWS_REJECTED))
                .collectAsList()
                .forEach(r -> perFile.put(r.getString(0), List.of(r.getLong(1), r.getLong(2), r.getLong(3))));
        return new Result(sources, sources - ingestedSources.size(), counts.get(CanonicalRows.EXPORTS),
                longOr0(totals, 3), longOr0(totals, 0), longOr0(totals, 1), longOr0(totals, 2), Map.copyOf(counts),
                Duration.ZERO, ingestedSources, perFile);
    }

    private static final Map<String, String> TARGETS = Map.of(CanonicalRows.EXPORTS, Warehouse.EXPORTS,
            CanonicalRows.TIES, Warehouse.TIES, CanonicalRows.INTERACTIONS, Warehouse.INTERACTIONS,
            CanonicalRows.INVITATIONS, Warehouse.INVITATIONS, CanonicalRows.REJECTS, Warehouse.REJECTS);

    /**
     * The donations found at more than one path of the inbox, except at their first path (donations are numbered in
     * path order): such a donation is parsed once. Only donations with the same {@link Ingestor#sameSourceKey} (their
     * sizes) can be the same, so only those are hashed, here on the driver; usually there is none.
     */
    static Set<Integer> repeatedDonations(List<Path> found) {
        Map<String, List<Integer>> bySize = new HashMap<>();
        for (int i = 0; i < found.size(); i++) {
            String key = Ingestor.sameSourceKey(found.get(i));
            if (key != null) {
                bySize.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        Set<Integer> later = new HashSet<>();
        Map<String, Integer> first = new HashMap<>();
        bySize.values().stream().filter(same -> same.size() > 1).flatMap(List::stream).sorted().forEach(i -> {
            String id = Ingestor.sourceId(found.get(i));
            if (id != null && first.putIfAbsent(id, i) != null) {
                later.add(i);
            }
        });
        return later;
    }

    /** Scratch folder of the parse tasks' table files inside the run's staging; deleted when ingest ends. */
    static final String PARSED = "parsed"; // no leading "_": Spark warns "All paths were ignored" on such a folder

    /** Source ids already in the warehouse (every export row, accepted or rejected). */
    static Set<String> knownSources(SparkSession spark, Warehouse w) {
        return existing(spark, w, Warehouse.EXPORTS)
                .map(e -> new HashSet<>(e.select(Columns.SOURCE_ID).distinct().as(Encoders.STRING()).collectAsList()))
                .map(s -> (Set<String>) s)
                .orElse(Set.of());
    }

    /** The published table, if the warehouse has it. */
    static Optional<Dataset<Row>> existing(SparkSession spark, Warehouse w, String relative) {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(w.path(relative));
        try {
            if (!p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p)) {
                return Optional.empty();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read warehouse table " + relative, e);
        }
        return Optional.of(spark.read().parquet(p.toString()));
    }

    /** A donation of the inbox: its index in the sorted listing and its path. */
    record Donation(int index, String path) implements Serializable {
    }

    /** Parses the exports of one task, one at a time, in path order; known donations yield one skipped row. */
    static Iterator<Row> parse(Iterator<Donation> donations, Pseudonymizer pseudonymizer, Instant ingestedAt,
                               Set<String> known) {
        List<Donation> mine = new ArrayList<>();
        donations.forEachRemaining(mine::add);
        mine.sort(Comparator.comparingInt(Donation::index));
        Ingestor ingestor = new Ingestor(Readers.all(), pseudonymizer, ingestedAt);
        Instant start = Instant.now();
        Iterator<Donation> each = mine.iterator();
        return new Iterator<>() {
            private Iterator<Row> current = Collections.emptyIterator();
            private Iterator<Canonical.Export> parts = Collections.emptyIterator();
            private Donation donation;
            private boolean logged;
            private int skipped;

            @Override
            public boolean hasNext() {
                while (!current.hasNext()) {
                    if (parts.hasNext()) {
                        current = CanonicalRows.of(donation.index(), parts.next());
                    } else if (each.hasNext()) {
                        donation = each.next();
                        Ingestor.Outcome outcome = ingestor.ingest(Path.of(donation.path()), known::contains);
                        if (outcome.skipped()) {
                            skipped++;
                            current = List.of(CanonicalRows.skipped(donation.index(), outcome.sourceId())).iterator();
                        } else {
                            parts = outcome.exports().iterator();
                        }
                    } else {
                        if (!logged) {
                            logged = true;
                            LOG.info("ingest task: {} donation(s) parsed, {} skipped as already ingested, in {} ms",
                                    mine.size() - skipped, skipped, Duration.between(start, Instant.now()).toMillis());
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
