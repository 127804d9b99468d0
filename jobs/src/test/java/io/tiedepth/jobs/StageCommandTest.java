package io.tiedepth.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@link Main#stage}, the template of the one-stage commands: one run with its id, manifest and stage marker, the
 * summary on the stream it is given. A stand-in stage replaces the real job.
 */
public class StageCommandTest extends SparkTestBase {
    private static final LocalDate DATE = LocalDate.of(2026, 11, 22);

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private record Done(Map<String, Long> counts, Duration took) implements Runs.StageResult {
    }

    private static JsonNode onlyManifest(Path warehouse) throws IOException {
        try (Stream<Path> runs = Files.list(warehouse.resolve("runs"))) {
            Path run = runs.findFirst().orElseThrow();
            return new ObjectMapper().readTree(run.resolve("manifest.json").toFile());
        }
    }

    @Test
    public void aStageRunsAsOneRunWithItsManifestMarkerAndSummary() throws Exception {
        Path w = tmp.newFolder("w").toPath();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Main.stage(Stages.FEATURES, new Warehouse(w.toString()), DATE, null, 42L, (spark, publisher) -> {
            publisher.publish();
            return new Done(Map.of("tie_features", 7L), Duration.ofSeconds(2));
        }, (r, o) -> o.println("wrote " + r.counts().get("tie_features"))).run(spark(),
                new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("wrote 7" + System.lineSeparator());
        JsonNode m = onlyManifest(w);
        assertThat(m.path("command").asText()).isEqualTo("features");
        assertThat(m.path("status").asText()).isEqualTo("ok");
        assertThat(m.path("run_id").asText()).startsWith("2026-11-22T");
        assertThat(m.path("seed").asLong()).isEqualTo(42L);
        assertThat(m.path("key_fingerprint").isNull()).isTrue();
        assertThat(m.path("stages").get(0).path("stage").asText()).isEqualTo("features");
        assertThat(m.path("stages").get(0).path("counts").path("tie_features").asLong()).isEqualTo(7L);
        assertThat(m.path("stages").get(0).path("seconds").asDouble()).isEqualTo(2.0);
        assertThat(Files.readString(w.resolve("_stages/features")))
                .isEqualTo("run_id=" + m.path("run_id").asText() + "\nupstream=\n");
    }

    @Test
    public void aFailedStageWritesAFailedManifestAndPrintsNothing() throws Exception {
        Path w = tmp.newFolder("w").toPath();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Main.Action action = Main.stage(Stages.CLAIMS, new Warehouse(w.toString()), DATE, null, null,
                (spark, publisher) -> {
                    throw new IllegalStateException("Cannot fit claims: test failure");
                }, (Done r, PrintStream o) -> o.println("done"));
        assertThatThrownBy(() -> action.run(spark(), new PrintStream(out, true, StandardCharsets.UTF_8)))
                .hasMessage("Cannot fit claims: test failure");
        assertThat(out.size()).isZero();
        JsonNode m = onlyManifest(w);
        assertThat(m.path("command").asText()).isEqualTo("claims");
        assertThat(m.path("status").asText()).isEqualTo("failed");
        assertThat(m.path("error").asText()).isEqualTo("Cannot fit claims: test failure");
        assertThat(w.resolve("_stages/claims")).doesNotExist();
    }
}
