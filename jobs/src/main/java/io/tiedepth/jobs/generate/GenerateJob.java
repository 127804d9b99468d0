package io.tiedepth.jobs.generate;

import io.tiedepth.claims.GeneratedOwners;
import java.util.Map;

import io.tiedepth.generate.Generator;
import io.tiedepth.generate.GeneratorParams;
import io.tiedepth.generate.GroundTruth;
import io.tiedepth.generate.OwnerSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * {@code generate}: writes synthetic donated exports with planted, known truths (see {@link Generator} and
 * README "Synthetic donations").
 *
 * <p>Owner indices are dealt round-robin over tasks (task t generates owners t, t+T, t+2T..., so the rare huge
 * networks spread out); each task writes its exports straight into {@code <output>/inbox/} and returns one small
 * {@link OwnerSummary} per owner; the driver aggregates them into {@code ground_truth.json} and
 * {@code ground_truth_owners.csv}, written last. Every owner depends only on (seed, index, parameters), so the output
 * is byte-identical whatever the number of tasks (timings go to the log and the result, not to the files). The output must be a local folder or a mount every executor sees under
 * the same path.
 */
public final class GenerateJob {
    private static final Logger LOG = LogManager.getLogger(GenerateJob.class);

    private GenerateJob() {
    }

    /**
     * @param owners    exports to write
     * @param seed      the run's seed
     * @param platforms platforms to draw owners from (each owner donates one)
     * @param output    folder that receives {@code inbox/} and the ground truth files
     * @param tasks     generation tasks; 0 = 4 per core, at most one per owner
     * @param overwrite replace the inbox and ground truth of an earlier run in {@code output}
     * @param estimandOwners owners of the in-memory population behind each claim's estimand in the ground truth
     *     ({@link GeneratedOwners}); 0 leaves the estimands out
     */
    public record Config(int owners, long seed, List<String> platforms, Path output, GeneratorParams params, int tasks,
                         boolean overwrite, int estimandOwners) {
    }

    /** What was written and how fast. */
    public record Result(int exports, long bytes, long rows, Duration took, Path inbox, Path groundTruth) {
        public double exportsPerSecond() {
            return exports / Math.max(1e-3, took.toMillis() / 1000.0);
        }

        public double megabytesPerSecond() {
            return bytes / 1e6 / Math.max(1e-3, took.toMillis() / 1000.0);
        }
    }

    public static Result run(SparkSession spark, Config c) throws IOException {
        Instant start = Instant.now();
        Generator generator = new Generator(c.params(), c.seed(), c.platforms());
        Path inbox = prepare(c.output(), c.overwrite());
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int tasks = c.tasks() > 0 ? Math.min(c.tasks(), c.owners())
                : Math.max(1, Math.min(c.owners(), 4 * jsc.defaultParallelism()));
        List<Integer> taskIds = new ArrayList<>(tasks);
        for (int t = 0; t < tasks; t++) {
            taskIds.add(t);
        }
        int owners = c.owners();
        String inboxPath = inbox.toAbsolutePath().toString();
        jsc.setJobGroup("generate", "generate: " + owners + " exports in " + tasks + " tasks", false);
        List<OwnerSummary> summaries;
        try {
            summaries = new ArrayList<>(jsc.parallelize(taskIds, tasks)
                    .flatMap(t -> generateTask(generator, t, tasks, owners, Path.of(inboxPath)))
                    .collect());
        } finally {
            jsc.clearJobGroup();
        }
        summaries.sort(Comparator.comparingInt(OwnerSummary::index));
        Duration took = Duration.between(start, Instant.now());
        long bytes = summaries.stream().mapToLong(OwnerSummary::bytes).sum();
        long rows = summaries.stream().mapToLong(OwnerSummary::totalRows).sum();
        Result result = new Result(summaries.size(), bytes, rows, took, inbox, c.output().resolve(GroundTruth.FILE));
        Map<String, Double> estimands = Map.of();
        if (c.estimandOwners() > 0) {
            Instant measured = Instant.now();
            estimands = new java.util.LinkedHashMap<>(GeneratedOwners.estimands(generator, c.estimandOwners()));
            if (generator.params().plantsWithinOwnerReturns() || generator.params().plantsAcceptingGrowth()) {
                estimands.putAll(GeneratedOwners.withinOwnerEstimands(generator, c.estimandOwners()));
            }
            LOG.info("generate: estimands from {} further owners of the model in {} s", c.estimandOwners(),
                    Duration.between(measured, Instant.now()).toMillis() / 1000.0);
        }
        Map<String, Double> withinRealised = generator.params().plantsWithinOwnerReturns()
                || generator.params().plantsAcceptingGrowth()
                ? GeneratedOwners.withinOwnerEstimates(generator, 0, owners) : Map.of();
        GroundTruth.write(c.output(), GroundTruth.build(generator, owners, summaries, estimands, c.estimandOwners(),
                withinRealised), summaries);
        LOG.info("generate: {} exports, {} rows, {} MB in {} s ({} tasks): {} exports/s, {} MB/s; ground truth {}",
                result.exports(), rows, String.format("%.1f", bytes / 1e6), took.toMillis() / 1000.0, tasks,
                String.format("%.1f", result.exportsPerSecond()), String.format("%.1f", result.megabytesPerSecond()),
                result.groundTruth());
        return result;
    }

    /** Generates the owners t, t+T, ... of one task. */
    static Iterator<OwnerSummary> generateTask(Generator generator, int task, int tasks, int owners, Path inbox) {
        Instant start = Instant.now();
        List<OwnerSummary> out = new ArrayList<>();
        long bytes = 0;
        for (int i = task; i < owners; i += tasks) {
            try {
                OwnerSummary s = generator.generate(i, owners, inbox);
                bytes += s.bytes();
                out.add(s);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write export " + i + " into " + inbox, e);
            }
        }
        LOG.info("generate task {}: {} exports, {} bytes in {} ms", task, out.size(), bytes,
                Duration.between(start, Instant.now()).toMillis());
        return out.iterator();
    }

    /** The inbox folder, empty; refuses to mix with an earlier run unless {@code overwrite}. */
    static Path prepare(Path output, boolean overwrite) throws IOException {
        Path inbox = output.resolve(GroundTruth.INBOX);
        boolean used = Files.exists(output.resolve(GroundTruth.FILE)) || nonEmpty(inbox);
        if (used && !overwrite) {
            throw new IOException("Cannot generate into " + output + ": it already holds a generated inbox or "
                    + GroundTruth.FILE + " (use --overwrite to replace them)");
        }
        if (used) {
            deleteTree(inbox);
            Files.deleteIfExists(output.resolve(GroundTruth.FILE));
            Files.deleteIfExists(output.resolve(GroundTruth.OWNERS_FILE));
        }
        Files.createDirectories(inbox);
        return inbox;
    }

    private static boolean nonEmpty(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isPresent();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
