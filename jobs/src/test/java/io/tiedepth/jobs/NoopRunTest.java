package io.tiedepth.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.Test;

/**
 * {@code run} on an unchanged inbox and a current warehouse is a no-op decided before Spark starts
 * ({@link RunJob#noopWithoutSpark}): the command line is run with a session source that counts the sessions asked
 * for (the test JVM's shared one, never stopped). Any change to the inbox or to a stage marker takes the normal
 * path, which does the work; a different study key is refused before Spark starts too.
 */
public class NoopRunTest extends SparkTestBase {
    private static final Path LINKEDIN = Path.of("..", "data-samples", "linkedin").toAbsolutePath().normalize();
    private static final String KEY = "tiedepth-end-to-end-test-key-0001";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The test JVM's session, counted; never stopped (other tests share it). */
    private final class CountingSessions implements Main.Sessions {
        int started;

        @Override
        public SparkSession start(SparkOptions options, String command) {
            started++;
            return spark();
        }

        @Override
        public void stop(SparkSession spark) {
        }
    }

    private final CountingSessions sessions = new CountingSessions();
    private String printed;

    private int run(Path inbox, Path warehouse, String date, String key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"run", "--input", inbox.toString(), "--output", warehouse.toString(),
                "--run-date", date}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("TIEDEPTH_KEY", key), sessions);
        printed = out.toString(StandardCharsets.UTF_8);
        return code;
    }

    private int run(Path inbox, Path warehouse, String date) {
        return run(inbox, warehouse, date, KEY);
    }

    private static Path inbox(Path root, String... samples) throws IOException {
        for (String s : samples) {
            copy(LINKEDIN.resolve(s), root.resolve(s));
        }
        return root;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName().toString()));
            }
        }
    }

    private static List<Path> runs(Path warehouse) throws IOException {
        try (Stream<Path> runs = Files.list(warehouse.resolve("runs"))) {
            return runs.sorted().toList();
        }
    }

    /** The manifest of the run whose id the summary printed. */
    private JsonNode printedManifest(Path warehouse) throws IOException {
        String runId = printed.split("tiedepth run ", 2)[1].split("[ :]", 2)[0];
        return JSON.readTree(warehouse.resolve("runs/" + runId + "/manifest.json").toFile());
    }

    /** Every file under the warehouse's outputs (not runs/ nor _lock) with its size and modification time. */
    private static Map<String, String> outputs(Path warehouse) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(warehouse)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String rel = warehouse.relativize(f).toString();
                if (!rel.startsWith("runs") && !rel.equals(WarehouseLock.FILE)) {
                    out.put(rel, Files.size(f) + " " + Files.getLastModifiedTime(f).toMillis());
                }
            }
        }
        return out;
    }

    private static void assertNoStaging(Path warehouse) {
        assertThat(warehouse.resolve(Publisher.STAGING)).satisfiesAnyOf(p -> assertThat(p).doesNotExist(),
                p -> assertThat(p).isEmptyDirectory());
    }

    private static Path baseline;
    private static Path baselineInbox;

    /** One run of one export into a fresh warehouse, shared by the tests that leave it as it is. */
    private synchronized Path baseline() throws Exception {
        if (baseline == null) {
            Path base = Files.createTempDirectory("tiedepth-noop-run");
            baselineInbox = inbox(base.resolve("in"), "li-09-small");
            Path w = base.resolve("w");
            assertThat(run(baselineInbox, w, "2026-11-20")).isZero();
            assertThat(sessions.started).isEqualTo(1);
            baseline = w;
        }
        return baseline;
    }

    @Test
    public void anIdenticalRerunIsANoopDecidedWithoutSparkThatWritesTheSameManifestAndNothingElse()
            throws Exception {
        Path w = baseline();
        int sessionsBefore = sessions.started;
        Map<String, String> before = outputs(w);

        assertThat(run(baselineInbox, w, "2026-11-21")).isZero();
        assertThat(sessions.started).as("no Spark session was started").isEqualTo(sessionsBefore);
        assertThat(printed).contains(": nothing new (1 donation(s), all already in " + w + "/); outputs untouched");
        JsonNode fast = printedManifest(w);
        assertThat(fast.path("status").asText()).isEqualTo("noop");
        assertThat(fast.path("noop_decided_by").asText()).isEqualTo("inbox_fingerprint");
        assertThat(outputs(w)).as("outputs and stage markers untouched").isEqualTo(before);
        assertNoStaging(w);

        RunJob.Result r = RunJob.run(spark(), new RunJob.Config(baselineInbox, new Warehouse(w.toString()),
                io.tiedepth.pseudo.StudyKey.of(KEY.getBytes(StandardCharsets.UTF_8)),
                java.time.LocalDate.of(2026, 11, 21), 0, io.tiedepth.features.FeatureParams.DEFAULTS));
        assertThat(r.noop()).isTrue();
        JsonNode slow = JSON.readTree(w.resolve("runs/" + r.runId() + "/manifest.json").toFile());
        List<String> fastFields = new ArrayList<>();
        fast.fieldNames().forEachRemaining(fastFields::add);
        List<String> slowFields = new ArrayList<>();
        slow.fieldNames().forEachRemaining(slowFields::add);
        fastFields.remove("noop_decided_by");
        assertThat(fastFields).as("the slow no-op's manifest fields").isEqualTo(slowFields);
        for (String same : List.of("command", "run_date", "key_fingerprint", "seed", "status")) {
            assertThat(fast.path(same)).as(same).isEqualTo(slow.path(same));
        }
        assertThat(fast.path("stages").size()).isEqualTo(1);
        assertThat(fast.path("stages").get(0).path("stage")).isEqualTo(slow.path("stages").get(0).path("stage"));
        assertThat(fast.path("stages").get(0).path("counts")).isEqualTo(slow.path("stages").get(0).path("counts"));
    }

    @Test
    public void aDifferentStudyKeyIsRefusedBeforeSparkStartsWithoutWritingAnything() throws Exception {
        Path w = baseline();
        int sessionsBefore = sessions.started;
        List<Path> runsBefore = runs(w);
        Map<String, String> before = outputs(w);

        assertThat(run(baselineInbox, w, "2026-11-22", "another-study-key-of-enough-length"))
                .isEqualTo(ExitCodes.KEY_MISMATCH);
        assertThat(sessions.started).as("no Spark session was started").isEqualTo(sessionsBefore);
        assertThat(runs(w)).as("no manifest").isEqualTo(runsBefore);
        assertThat(outputs(w)).isEqualTo(before);
        assertNoStaging(w);
    }

    /** A fast no-op, then {@code change}, then a run that must start Spark; returns its manifest. */
    private JsonNode changedThenRerun(Path in, Path w, String date, Change change) throws Exception {
        int sessionsBefore = sessions.started;
        assertThat(run(in, w, date)).isZero();
        assertThat(sessions.started).as("unchanged: no Spark session").isEqualTo(sessionsBefore);
        change.apply();
        assertThat(run(in, w, date)).isZero();
        assertThat(sessions.started).as("changed: the normal path, with Spark").isEqualTo(sessionsBefore + 1);
        assertNoStaging(w);
        return printedManifest(w);
    }

    @FunctionalInterface
    private interface Change {
        void apply() throws IOException;
    }

    private static List<String> stageNames(JsonNode manifest) {
        List<String> names = new ArrayList<>();
        for (Iterator<JsonNode> it = manifest.path("stages").elements(); it.hasNext(); ) {
            names.add(it.next().path("stage").asText());
        }
        return names;
    }

    @Test
    public void aTouchedFileANewDonationAChangedFileOrAMissingMarkerTakesTheNormalPathAndDoesTheWork()
            throws Exception {
        Path base = Files.createTempDirectory("tiedepth-noop-changes");
        Path in = inbox(base.resolve("in"), "li-09-small");
        Path w = base.resolve("w");
        assertThat(run(in, w, "2026-11-20")).isZero();

        Path connections = in.resolve("li-09-small/Connections.csv");
        JsonNode touched = changedThenRerun(in, w, "2026-11-21", () -> Files.setLastModifiedTime(connections,
                FileTime.fromMillis(Files.getLastModifiedTime(connections).toMillis() + 2000)));
        assertThat(touched.path("status").asText()).as("same bytes: the normal path finds nothing new")
                .isEqualTo("noop");
        assertThat(touched.has("noop_decided_by")).isFalse();

        JsonNode added = changedThenRerun(in, w, "2026-11-22", () -> copy(LINKEDIN.resolve("li-03-2021"),
                in.resolve("li-03-2021")));
        assertThat(added.path("status").asText()).isEqualTo("ok");
        assertThat(stageNames(added)).containsExactly("ingest", "features", "claims", "report");
        assertThat(added.path("stages").get(0).path("counts").path("exports").asLong()).isEqualTo(1);

        JsonNode grown = changedThenRerun(in, w, "2026-11-23", () -> Files.writeString(connections,
                "Ada,Fakeworth,https://www.linkedin.com/in/fake-ada-fakeworth-802,,Fake Co,Tester,08 Dec 2023\n",
                StandardOpenOption.APPEND));
        assertThat(grown.path("status").asText()).as("a changed export is a newer donation").isEqualTo("ok");
        assertThat(grown.path("stages").get(0).path("counts").path("exports").asLong()).isEqualTo(1);

        JsonNode remarked = changedThenRerun(in, w, "2026-11-24", () -> Files.delete(
                w.resolve(Stages.relative(Stages.REPORT))));
        assertThat(remarked.path("status").asText()).isEqualTo("ok");
        assertThat(stageNames(remarked)).as("only the report is redone").containsExactly("ingest", "report");
        assertThat(w.resolve(Stages.relative(Stages.REPORT))).exists();

        int sessionsBefore = sessions.started;
        assertThat(run(in, w, "2026-11-25")).isZero();
        assertThat(sessions.started).as("current again: no Spark session").isEqualTo(sessionsBefore);
        assertThat(printed).contains("nothing new (2 donation(s)");
    }
}
