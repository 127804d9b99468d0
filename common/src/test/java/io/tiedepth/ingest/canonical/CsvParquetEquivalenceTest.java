package io.tiedepth.ingest.canonical;

import static io.tiedepth.ingest.canonical.CanonicalExports.export;
import static io.tiedepth.ingest.canonical.CanonicalExports.manifest;
import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.model.ParsedExport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same rows as CSV and as Parquet (Spark's types, and the other timestamp encodings) give the same parsed
 * content: parts, owners, ties, interactions, invitations.
 */
class CsvParquetEquivalenceTest {
    @TempDir
    Path tmp;

    private static final List<Object[]> TIES = List.of(
            new Object[] {"linkedin", "o-1", "c-1", Instant.parse("2021-03-04T00:00:00Z"), "day", "connection",
                "owner", true, false},
            new Object[] {"linkedin", "o-1", "c-2", Instant.parse("2021-05-06T07:08:09.123456Z"), "second",
                "connection", "contact", null, false},
            new Object[] {"facebook", "o-1", "c-1", null, null, "friend", "unknown", null, true},
            new Object[] {"facebook", "o-2", "c-3", Instant.parse("2019-01-01T00:00:00.5Z"), null, "friend",
                "unknown", false, false},
            new Object[] {"facebook", "o-2", "c-4", Instant.parse("1990-01-01T00:00:00Z"), "second", "friend",
                "unknown", false, false});
    private static final List<Object[]> INTERACTIONS = List.of(
            new Object[] {"linkedin", "o-1", "c-1", Instant.parse("2021-03-05T10:00:00Z"), "message", "out",
                "th-1", false, 12, 64, null},
            new Object[] {"linkedin", "o-1", "c-9", Instant.parse("2021-03-06T11:30:00.000001Z"), "message", "in",
                null, true, 0, 0, null},
            new Object[] {"facebook", "o-2", "c-3", Instant.parse("2019-02-01T20:00:00Z"), "call", "out", "th-2",
                false, null, null, 300},
            new Object[] {"facebook", "o-3", "c-3", Instant.parse("2019-02-02T20:00:00Z"), "reaction", "in", null,
                false, null, null, null},
            new Object[] {"facebook", "o-3", "c-3", Instant.parse("2019-02-03T20:00:00Z"), "chat", "in", null,
                false, null, null, null});
    private static final List<Object[]> INVITATIONS = List.of(
            new Object[] {"linkedin", "o-1", "c-1", Instant.parse("2021-03-01T08:00:00Z"), "out", true},
            new Object[] {"linkedin", "o-1", "c-7", null, "in", false},
            new Object[] {"linkedin", "o-1", "o-1", null, "in", false});

    private static String csv(String header, List<Object[]> rows) {
        return header + "\n" + rows.stream().map(r -> Stream.of(r).map(v -> v == null ? "" : v.toString())
                .collect(Collectors.joining(","))).collect(Collectors.joining("\n")) + "\n";
    }

    private Path csvExport() throws Exception {
        return export(tmp.resolve("csv"), manifest("linkedin,facebook", "ties", "ties.csv", "interactions",
                        "interactions.csv", "invitations", "invitations.csv"),
                "ties.csv", csv(CanonicalExports.TIES_HEADER, TIES),
                "interactions.csv", csv(CanonicalExports.INTERACTIONS_HEADER, INTERACTIONS),
                "invitations.csv", csv(CanonicalExports.INVITATIONS_HEADER, INVITATIONS));
    }

    /** The three tables as Spark writes them: TIMESTAMP_MICROS, INT32 counts, Snappy. */
    private Path sparkParquetExport() throws Exception {
        Path dir = export(tmp.resolve("parquet"), manifest("linkedin,facebook", "ties", "ties.parquet",
                "interactions", "interactions.parquet", "invitations", "invitations.parquet"));
        ParquetFiles.write(dir.resolve("ties.parquet"), CanonicalExports.TIES_PARQUET, TIES,
                CompressionCodecName.SNAPPY);
        ParquetFiles.write(dir.resolve("interactions.parquet"), CanonicalExports.INTERACTIONS_PARQUET, INTERACTIONS,
                CompressionCodecName.SNAPPY);
        ParquetFiles.write(dir.resolve("invitations.parquet"), CanonicalExports.INVITATIONS_PARQUET, INVITATIONS,
                CompressionCodecName.SNAPPY);
        return dir;
    }

    @Test
    void sparkWrittenParquetReadsAsTheSameCsv() throws Exception {
        List<ParsedExport> fromCsv = CanonicalExports.read(csvExport());
        List<ParsedExport> fromParquet = CanonicalExports.read(sparkParquetExport());
        assertThat(fromCsv).extracting(ParsedExport::part).containsExactly("o-1/facebook", "o-1/linkedin",
                "o-2/facebook", "o-3/facebook");
        assertThat(Content.of(fromParquet)).isEqualTo(Content.of(fromCsv));
        assertThat(fromParquet.get(0).rejects()).extracting(r -> r.location() + " " + r.reasonCode())
                .containsExactly("row 5 bad_time", "row 5 bad_enum", "row 3 self_pair");
        assertThat(fromCsv.get(0).rejects()).extracting(r -> r.location() + " " + r.reasonCode())
                .containsExactly("line 6 bad_time", "line 6 bad_enum", "line 4 self_pair");
        assertThat(fromCsv.get(0).formatEra()).isEqualTo("canonical-csv");
        assertThat(fromParquet.get(0).formatEra()).isEqualTo("canonical-parquet");
    }

    @ParameterizedTest
    @ValueSource(strings = {"int64 (TIMESTAMP(MILLIS,true))", "int64 (TIMESTAMP(NANOS,true))", "int96",
        "binary (STRING)"})
    void everyTimestampEncodingReadsTheSame(String type) throws Exception {
        String field = type.contains(" ") ? type.substring(0, type.indexOf(' ')) : type;
        String annotation = type.contains(" ") ? type.substring(type.indexOf(' ')) : "";
        Path dir = export(tmp.resolve("t"), manifest("linkedin,facebook", "ties", "ties.parquet"));
        String schema = CanonicalExports.TIES_PARQUET.replace("int64 connected_at (TIMESTAMP(MICROS,true))",
                field + " connected_at" + annotation);
        List<Object[]> rows = new ArrayList<>();
        for (Object[] r : TIES) {
            Object[] c = r.clone();
            if (type.startsWith("binary") && c[3] != null) {
                c[3] = c[3].toString();
            }
            if (type.contains("MILLIS") && c[3] != null) {
                c[3] = Instant.ofEpochMilli(((Instant) c[3]).toEpochMilli());
            }
            rows.add(c);
        }
        ParquetFiles.write(dir.resolve("ties.parquet"), schema, rows);
        Path csvDir = export(tmp.resolve("c"), manifest("linkedin,facebook", "ties", "ties.csv"), "ties.csv",
                csv(CanonicalExports.TIES_HEADER, rows));
        assertThat(Content.of(CanonicalExports.read(dir))).isEqualTo(Content.of(CanonicalExports.read(csvDir)));
    }

    @Test
    void readsAPlainInt64TimeAsEpochMillisecondsAndATimestampWithoutZoneAsUtc() throws Exception {
        Path plain = export(tmp.resolve("plain"), manifest("linkedin", "ties", "ties.parquet"));
        ParquetFiles.write(plain.resolve("ties.parquet"), CanonicalExports.TIES_PARQUET.replace(
                "int64 connected_at (TIMESTAMP(MICROS,true))", "int64 connected_at"), List.<Object[]>of(
                new Object[] {"linkedin", "o", "c", 1614852000000L, null, "connection", "owner", null, false}));
        assertThat(CanonicalExports.read(plain).get(0).ties().get(0).connectedAt())
                .isEqualTo(Instant.parse("2021-03-04T10:00:00Z"));
        Path ntz = export(tmp.resolve("ntz"), manifest("linkedin", "ties", "ties.parquet"));
        ParquetFiles.write(ntz.resolve("ties.parquet"), CanonicalExports.TIES_PARQUET.replace(
                "TIMESTAMP(MICROS,true)", "TIMESTAMP(MICROS,false)"), List.<Object[]>of(
                new Object[] {"linkedin", "o", "c", Instant.parse("2021-03-04T10:00:00Z"), null, "connection",
                    "owner", null, false}));
        ParsedExport p = CanonicalExports.read(ntz).get(0);
        assertThat(p.ties().get(0).connectedAt()).isEqualTo(Instant.parse("2021-03-04T10:00:00Z"));
        assertThat(p.warnings()).contains(
                "ties.parquet: column connected_at is a timestamp without time zone; read as UTC");
    }

    @Test
    void readsStringBooleansAndInt64CountsInParquet() throws Exception {
        Path dir = export(tmp.resolve("s"), manifest("linkedin,facebook", "interactions", "interactions.parquet"));
        ParquetFiles.write(dir.resolve("interactions.parquet"), CanonicalExports.INTERACTIONS_PARQUET
                .replace("required boolean is_group", "required binary is_group (STRING)")
                .replace("optional int32 words", "optional int64 words"), List.<Object[]>of(
                new Object[] {"linkedin", "o-1", "c-1", Instant.parse("2021-03-05T10:00:00Z"), "message", "out",
                    "th-1", "TRUE", 12L, 64, null},
                new Object[] {"linkedin", "o-1", "c-1", Instant.parse("2021-03-05T10:00:00Z"), "message", "out",
                    "th-1", "true", 3_000_000_000L, 64, null}));
        ParsedExport p = CanonicalExports.read(dir).get(0);
        assertThat(p.interactions()).singleElement().satisfies(i -> {
            assertThat(i.isGroup()).isTrue();
            assertThat(i.words()).isEqualTo(12);
        });
        assertThat(p.rejects()).extracting(r -> r.location() + " " + r.reason()).containsExactly(
                "row 2 column words must be a whole number from 0 to 2147483647, not '9999999999'");
        assertThat(Files.exists(dir.resolve("interactions.parquet"))).isTrue();
    }
}
