package io.tiedepth.jobs.e2e;

import static io.tiedepth.schema.Columns.*;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.ingest.Ingestor;
import io.tiedepth.ingest.Readers;
import io.tiedepth.jobs.SparkTestBase;
import io.tiedepth.model.Canonical;
import io.tiedepth.pseudo.Pseudonymizer;
import io.tiedepth.pseudo.StudyKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.Test;

/**
 * Parquet written by Spark is valid canonical input: the ties, interactions and invitations tables of the sample
 * run (folders of Snappy part files, TIMESTAMP_MICROS, with export_id) donated as canonical tables under a manifest
 * that names them {@code <table>/*.parquet}, and ingested with another study key. Every row is read; the only
 * rejects are the times outside 1995-2099 (the Copenhagen dataset's 1970 times, accepted by the network reader
 * only); every (owner, platform) becomes one part; no id of the first study survives.
 */
public class CanonicalRoundTripTest extends SparkTestBase {
    private static final Timestamp FROM = Timestamp.from(Instant.parse("1995-01-01T00:00:00Z"));
    private static final Timestamp UNTIL = Timestamp.from(Instant.parse("2100-01-01T00:00:00Z"));

    private static Column plausible(String column, boolean nullable) {
        Column in = col(column).geq(FROM).and(col(column).lt(UNTIL));
        return nullable ? col(column).isNull().or(in) : in;
    }

    @Test
    public void tiedepthsOwnTablesAreValidCanonicalInput() throws Exception {
        Path donation = Files.createTempDirectory("tiedepth-canonical-roundtrip");
        try {
            roundTrip(SampleRun.warehouse(spark()), donation);
        } finally {
            try (Stream<Path> all = Files.walk(donation)) {
                for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private void roundTrip(Path warehouse, Path donation) throws Exception {
        for (String table : List.of("ties", "interactions", "invitations")) {
            Path from = warehouse.resolve("tables").resolve(table);
            Files.createDirectories(donation.resolve(table));
            try (Stream<Path> files = Files.list(from)) {
                for (Path f : files.toList()) {
                    Files.copy(f, donation.resolve(table).resolve(f.getFileName()));
                }
            }
        }
        Dataset<Row> ties = spark().read().parquet(donation.resolve("ties").toString());
        Dataset<Row> interactions = spark().read().parquet(donation.resolve("interactions").toString());
        Dataset<Row> invitations = spark().read().parquet(donation.resolve("invitations").toString());
        Set<String> platforms = new TreeSet<>();
        for (Dataset<Row> t : List.of(ties, interactions, invitations)) {
            platforms.addAll(t.select(PLATFORM).distinct().as(Encoders.STRING()).collectAsList());
        }
        Files.writeString(donation.resolve("tiedepth-canonical.json"), "{\"version\": 1, \"platforms\": ["
                + platforms.stream().map(p -> "\"" + p + "\"").collect(Collectors.joining(", "))
                + "], \"ties\": \"ties/*.parquet\", \"interactions\": \"interactions/*.parquet\", "
                + "\"invitations\": \"invitations/*.parquet\"}");

        List<Canonical.Export> out = new Ingestor(Readers.all(), new Pseudonymizer(StudyKey.of(
                "another-study-key-for-the-round-trip".getBytes(StandardCharsets.UTF_8))),
                Instant.parse("2026-11-23T00:00:00Z")).ingest(donation);

        long rows = ties.count() + interactions.count() + invitations.count();
        Dataset<Row> goodTies = ties.filter(plausible(CONNECTED_AT, true));
        Dataset<Row> goodInteractions = interactions.filter(plausible(AT, false));
        Dataset<Row> goodInvitations = invitations.filter(plausible(SENT_AT, true));
        long accepted = goodTies.count() + goodInteractions.count() + goodInvitations.count();
        long owners = goodTies.select(OWNER_ID, PLATFORM).union(goodInteractions.select(OWNER_ID, PLATFORM))
                .union(goodInvitations.select(OWNER_ID, PLATFORM)).distinct().count();
        // rows outside the plausible dates (network datasets counted from 1970) are rejected when re-ingested; the
        // bundled samples have none since the Copenhagen files are no longer shipped
        assertThat(accepted).isLessThanOrEqualTo(rows);

        assertThat(out).hasSize((int) owners).allSatisfy(e -> {
            assertThat(e.export().status()).isEqualTo("ok");
            assertThat(e.export().formatEra()).isEqualTo("canonical-parquet");
            assertThat(e.export().files()).allMatch(f -> f.balanced() && f.file().endsWith(".parquet"));
        });
        assertThat(out.stream().mapToLong(e -> e.export().rowsRead()).sum()).isEqualTo(rows);
        assertThat(out.stream().mapToLong(e -> e.export().rowsAccepted()).sum()).isEqualTo(accepted);
        assertThat(out.stream().flatMap(e -> e.rejects().stream()).map(Canonical.RejectRow::reasonCode)
                .collect(Collectors.toSet())).isEqualTo(accepted < rows ? Set.of("bad_time") : Set.of());
        assertThat(out.get(0).export().warnings()).anyMatch(w -> w.endsWith("column export_id ignored: tiedepth "
                + "assigns export ids"));

        Set<String> firstStudy = new HashSet<>(ties.select(OWNER_ID).union(ties.select(CONTACT_ID))
                .union(interactions.select(CONTACT_ID)).as(Encoders.STRING()).collectAsList());
        Set<String> secondStudy = new HashSet<>();
        out.forEach(e -> {
            secondStudy.add(e.export().ownerId());
            e.ties().forEach(t -> secondStudy.add(t.contactId()));
            e.interactions().forEach(i -> secondStudy.add(i.contactId()));
        });
        assertThat(secondStudy).hasSizeGreaterThan(100).doesNotContainAnyElementsOf(firstStudy);
    }
}
