package io.tiedepth.jobs.e2e;

import io.tiedepth.features.FeatureParams;
import io.tiedepth.jobs.RunJob;
import io.tiedepth.jobs.Warehouse;
import io.tiedepth.pseudo.StudyKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;

/**
 * The whole pipeline run once per test JVM on {@code data-samples/}, exactly as the README's first command does
 * (but with a fixed test key and run date, and without {@code data-samples/synthetic-study/}, which the launcher
 * generates on a developer's machine and a fresh clone does not have); tests read its warehouse back from disk.
 */
public final class SampleRun {
    public static final Path SAMPLES = Path.of("..", "data-samples").toAbsolutePath().normalize();
    public static final StudyKey KEY = StudyKey.of("tiedepth-end-to-end-test-key-0001".getBytes(StandardCharsets.UTF_8));
    public static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 22);
    private static Path warehouse;
    private static RunJob.Result result;

    private SampleRun() {
    }

    public static synchronized Path warehouse(SparkSession spark) throws Exception {
        if (warehouse == null) {
            Path dir = Files.createTempDirectory("tiedepth-e2e");
            result = RunJob.run(spark, new RunJob.Config(committedSamples(), new Warehouse(dir.toString()), KEY,
                    RUN_DATE, 0, FeatureParams.DEFAULTS));
            warehouse = dir;
        }
        return warehouse;
    }

    /** data-samples/ itself, or a copy of it without the launcher's generated synthetic study when that exists. */
    static Path committedSamples() throws java.io.IOException {
        Path synthetic = SAMPLES.resolve("synthetic-study");
        if (!Files.exists(synthetic)) {
            return SAMPLES;
        }
        Path copy = Files.createTempDirectory("tiedepth-samples");
        try (var paths = Files.walk(SAMPLES)) {
            for (Path p : paths.filter(p -> !p.startsWith(synthetic)).toList()) {
                Path target = copy.resolve(SAMPLES.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return copy;
    }

    public static synchronized RunJob.Result result(SparkSession spark) throws Exception {
        warehouse(spark);
        return result;
    }
}
