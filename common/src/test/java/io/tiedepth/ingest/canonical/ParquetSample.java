package io.tiedepth.ingest.canonical;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The rows of {@code data-samples/canonical/other-tool-parquet} and how it is written: Spark's schema for the
 * canonical tables (TIMESTAMP_MICROS, INT32 counts) and Spark's default codec (Snappy). Fictional ids.
 * {@link CanonicalSamplesTest} checks that the committed files hold exactly these rows, and rewrites them when run
 * with {@code -Dtiedepth.regenerate-samples=true}.
 */
final class ParquetSample {
    static final String D = "5e81c0f7a3d2";
    static final String E = "b2f6d9a4e017";
    /** Also a contact of owner 91d0c6e5a8b3 on linkedin in the CSV sample: one person, one id. */
    static final String SHARED = "d4a9e6c1f873";

    static final String MANIFEST = """
            {
              "version": 1,
              "producer": "fictional-pseudonymizer 0.3 (Spark output)",
              "platforms": ["twitter", "linkedin"],
              "ties": "ties.parquet",
              "interactions": "interactions.parquet"
            }
            """;

    static final List<Object[]> TIES = List.of(
            new Object[] {"twitter", D, "80a4c7e2f19b", Instant.parse("2020-02-02T02:02:02Z"), "second", "follower",
                "unknown", null, false},
            new Object[] {"twitter", D, "4d0e9b3a6c75", Instant.parse("2020-03-03T03:03:03.123456Z"), "second",
                "following", "unknown", null, false},
            new Object[] {"twitter", D, "e9c2a6f4b058", null, null, "mutual_follow", "unknown", null, false},
            new Object[] {"linkedin", E, SHARED, Instant.parse("2022-06-01T00:00:00Z"), "day", "connection", "owner",
                true, false},
            new Object[] {"twitter", D, "17f5d8b0c3ae", Instant.parse("1990-01-01T00:00:00Z"), "second", "follower",
                "unknown", null, false},
            new Object[] {"twitter", E, null, Instant.parse("2021-01-01T00:00:00Z"), "second", "follower", "unknown",
                null, false});

    static final List<Object[]> INTERACTIONS = List.of(
            new Object[] {"twitter", D, "80a4c7e2f19b", Instant.parse("2020-02-03T10:00:00Z"), "message", "in",
                "dm-8e2f4a07", false, 7, 35, null},
            new Object[] {"twitter", D, "80a4c7e2f19b", Instant.parse("2020-02-03T10:05:00Z"), "message", "out",
                "dm-8e2f4a07", false, 3, 14, null},
            new Object[] {"twitter", D, "4d0e9b3a6c75", Instant.parse("2020-04-01T12:00:00Z"), "reply", "out", null,
                false, 10, 52, null},
            new Object[] {"linkedin", E, SHARED, Instant.parse("2022-06-02T09:00:00Z"), "message", "out",
                "c-3a9d61f2", false, 15, 80, null},
            new Object[] {"twitter", D, "4d0e9b3a6c75", Instant.parse("2020-04-02T12:00:00Z"), "retweet", "out", null,
                false, null, null, null},
            new Object[] {"linkedin", E, SHARED, Instant.parse("2022-06-03T09:00:00Z"), "call", "out", "c-3a9d61f2",
                false, null, null, -1});

    private ParquetSample() {
    }

    /** Writes the sample's manifest and Parquet files into {@code dir}. */
    static void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(CanonicalManifest.FILE_NAME), MANIFEST);
        ParquetFiles.write(dir.resolve("ties.parquet"), CanonicalExports.TIES_PARQUET, TIES,
                CompressionCodecName.SNAPPY);
        ParquetFiles.write(dir.resolve("interactions.parquet"), CanonicalExports.INTERACTIONS_PARQUET, INTERACTIONS,
                CompressionCodecName.SNAPPY);
    }
}
