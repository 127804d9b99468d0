package io.tiedepth.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tiedepth.features.FeatureParams;
import io.tiedepth.pseudo.StudyKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RunJob#noopWithoutSpark}, the decision taken before Spark starts, on a warehouse written by hand (stage
 * markers, one manifest, a recorded inbox fingerprint): plain Java, no Spark session in this JVM's test.
 */
class NoopWithoutSparkTest {
    private static final StudyKey KEY = StudyKey.of("a-study-key-for-the-noop-tests".getBytes(StandardCharsets.UTF_8));
    private static final LocalDate DAY = LocalDate.of(2026, 11, 21);
    private static final List<String> GENERATIONS = List.of("2026-11-20T020000-000a", "2026-11-20T020000-000b",
            "2026-11-20T020000-000c", "2026-11-20T020000-000d");

    @TempDir
    Path base;
    private Path inbox;
    private Path warehouse;

    @BeforeEach
    void currentWarehouse() throws IOException {
        inbox = Files.createDirectories(base.resolve("in/li-01"));
        Files.writeString(inbox.resolve("Connections.csv"), "First Name,Last Name\n");
        inbox = inbox.getParent();
        warehouse = Files.createDirectories(base.resolve("w/" + Stages.DIR)).getParent();
        String upstream = null;
        for (int i = 0; i < Stages.ORDER.size(); i++) {
            marker(Stages.ORDER.get(i), GENERATIONS.get(i), upstream);
            upstream = GENERATIONS.get(i);
        }
        Path run = Files.createDirectories(warehouse.resolve("runs/" + GENERATIONS.get(0)));
        Files.writeString(run.resolve("manifest.json"), "{\"run_id\": \"" + GENERATIONS.get(0) + "\", \"status\": "
                + "\"ok\", \"key_fingerprint\": \"" + KEY.fingerprint() + "\"}");
        InboxFingerprint.record(warehouse, new InboxFingerprint.Recorded(
                InboxFingerprint.of(inbox, KEY.fingerprint()).fingerprint(), GENERATIONS.get(3), GENERATIONS));
    }

    private void marker(String stage, String runId, String upstream) throws IOException {
        Files.writeString(warehouse.resolve(Stages.relative(stage)), new Stages.Marker(runId, upstream).text());
    }

    private RunJob.Config config(String warehouseRoot, StudyKey key, LocalDate from) {
        return new RunJob.Config(inbox, new Warehouse(warehouseRoot), key, DAY, 0, FeatureParams.DEFAULTS,
                new RunJob.Config(null, null, null, DAY, 0, FeatureParams.DEFAULTS).claimParams(), from);
    }

    private Optional<RunJob.Result> decide() throws Exception {
        return RunJob.noopWithoutSpark(config(warehouse.toString(), KEY, null));
    }

    private long manifests() throws IOException {
        try (Stream<Path> runs = Files.list(warehouse.resolve("runs"))) {
            return runs.count();
        }
    }

    @Test
    void anUnchangedInboxOnACurrentWarehouseIsANoopWithItsManifest() throws Exception {
        RunJob.Result r = decide().orElseThrow();
        assertThat(r.noop()).isTrue();
        assertThat(r.ingest().sources()).isEqualTo(1);
        assertThat(r.ingest().skipped()).isEqualTo(1);
        JsonNode m = new ObjectMapper().readTree(warehouse.resolve("runs/" + r.runId() + "/manifest.json").toFile());
        assertThat(m.path("command").asText()).isEqualTo("run");
        assertThat(m.path("status").asText()).isEqualTo("noop");
        assertThat(m.path("run_date").asText()).isEqualTo(DAY.toString());
        assertThat(m.path("key_fingerprint").asText()).isEqualTo(KEY.fingerprint());
        assertThat(m.path("stages").get(0).path("stage").asText()).isEqualTo("ingest");
        assertThat(m.path("stages").get(0).path("counts").path("sources_skipped").asLong()).isEqualTo(1);
        assertThat(warehouse.resolve(Publisher.STAGING)).doesNotExist();
    }

    @Test
    void aStageNotCurrentNeedsSparkAndWritesNothing() throws Exception {
        marker(Stages.REPORT, GENERATIONS.get(3), "2026-11-19T020000-0000");
        assertThat(decide()).isEmpty();
        assertThat(manifests()).isEqualTo(1);
    }

    @Test
    void aMissingMarkerNeedsSpark() throws Exception {
        Files.delete(warehouse.resolve(Stages.relative(Stages.FEATURES)));
        assertThat(decide()).isEmpty();
    }

    @Test
    void markersRepublishedSinceTheRecordNeedSpark() throws Exception {
        marker(Stages.INGEST, "2026-11-21T020000-00aa", null);
        marker(Stages.FEATURES, "2026-11-21T020000-00bb", "2026-11-21T020000-00aa");
        marker(Stages.CLAIMS, "2026-11-21T020000-00cc", "2026-11-21T020000-00bb");
        marker(Stages.REPORT, "2026-11-21T020000-00dd", "2026-11-21T020000-00cc");
        assertThat(decide()).isEmpty();
    }

    @Test
    void aChangedInboxNeedsSpark() throws Exception {
        Files.writeString(inbox.resolve("li-01/messages.csv"), "FROM,TO\n");
        assertThat(decide()).isEmpty();
        assertThat(manifests()).isEqualTo(1);
    }

    @Test
    void noRecordedFingerprintNeedsSparkAndTakesNoLock() throws Exception {
        Files.delete(warehouse.resolve(InboxFingerprint.FILE));
        assertThat(decide()).isEmpty();
        assertThat(warehouse.resolve(WarehouseLock.FILE)).doesNotExist();
    }

    @Test
    void aBackfillARemoteWarehouseOrAClusterDriverNeedsSpark() throws Exception {
        assertThat(RunJob.noopWithoutSpark(config(warehouse.toString(), KEY, DAY.minusDays(3)))).isEmpty();
        assertThat(RunJob.noopWithoutSpark(config("hdfs://namenode:8020/w", KEY, null))).isEmpty();
        System.setProperty("spark.submit.deployMode", "cluster");
        try {
            assertThat(decide()).isEmpty();
        } finally {
            System.clearProperty("spark.submit.deployMode");
        }
        assertThat(manifests()).isEqualTo(1);
    }

    @Test
    void anotherStudyKeyIsRefusedAsTheNormalPathRefusesIt() {
        StudyKey other = StudyKey.of("another-study-key-of-enough-length".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> RunJob.noopWithoutSpark(config(warehouse.toString(), other, null)))
                .isInstanceOf(KeyMismatchException.class)
                .hasMessageContaining("differs from " + KEY.fingerprint());
    }
}
