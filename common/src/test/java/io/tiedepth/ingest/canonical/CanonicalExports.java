package io.tiedepth.ingest.canonical;

import io.tiedepth.ingest.Ingestor;
import io.tiedepth.ingest.Readers;
import io.tiedepth.model.Canonical;
import io.tiedepth.model.ParsedExport;
import io.tiedepth.pseudo.Pseudonymizer;
import io.tiedepth.pseudo.StudyKey;
import io.tiedepth.source.ExportSource;
import io.tiedepth.text.ReadException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Test support: canonical-tables exports written to a temp folder or zip, read and ingested with a fixed key. */
final class CanonicalExports {
    static final Instant INGESTED_AT = Instant.parse("2025-01-15T12:00:00Z");
    static final StudyKey KEY = StudyKey.of("tiedepth-canonical-test-key-0123456789".getBytes(StandardCharsets.UTF_8));

    static final String TIES_HEADER = header(CanonicalTable.TIES);
    static final String INTERACTIONS_HEADER = header(CanonicalTable.INTERACTIONS);
    static final String INVITATIONS_HEADER = header(CanonicalTable.INVITATIONS);

    /** The canonical columns as Spark writes them (nullable columns optional; TIMESTAMP_MICROS, INT32 counts). */
    static final String TIES_PARQUET = """
            message spark_schema {
              required binary platform (STRING);
              required binary owner_id (STRING);
              optional binary contact_id (STRING);
              optional int64 connected_at (TIMESTAMP(MICROS,true));
              optional binary connected_at_precision (STRING);
              required binary tie_source (STRING);
              required binary invited_by (STRING);
              optional boolean invitation_has_note;
              required boolean ended;
            }""";
    static final String INTERACTIONS_PARQUET = """
            message spark_schema {
              required binary platform (STRING);
              required binary owner_id (STRING);
              required binary contact_id (STRING);
              required int64 at (TIMESTAMP(MICROS,true));
              required binary channel (STRING);
              required binary direction (STRING);
              optional binary thread_id (STRING);
              required boolean is_group;
              optional int32 words;
              optional int32 chars;
              optional int32 duration_s;
            }""";
    static final String INVITATIONS_PARQUET = """
            message spark_schema {
              required binary platform (STRING);
              required binary owner_id (STRING);
              required binary counterpart_id (STRING);
              optional int64 sent_at (TIMESTAMP(MICROS,true));
              required binary direction (STRING);
              required boolean has_note;
            }""";

    private CanonicalExports() {
    }

    /** A manifest declaring {@code platforms} (comma-separated) and the given table keys and files. */
    static String manifest(String platforms, String... keysAndFiles) {
        StringBuilder sb = new StringBuilder("{\"version\": 1, \"platforms\": [");
        sb.append(Stream.of(platforms.split(",")).map(p -> "\"" + p + "\"").collect(Collectors.joining(", ")));
        sb.append("]");
        for (int i = 0; i < keysAndFiles.length; i += 2) {
            sb.append(", \"").append(keysAndFiles[i]).append("\": \"").append(keysAndFiles[i + 1]).append("\"");
        }
        return sb.append("}").toString();
    }

    /** Writes an export folder: the manifest, then files given as name, content, name, content, ... */
    static Path export(Path dir, String manifest, String... filesAndContents) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(CanonicalManifest.FILE_NAME), manifest);
        for (int i = 0; i < filesAndContents.length; i += 2) {
            Path f = dir.resolve(filesAndContents[i]);
            Files.createDirectories(f.getParent());
            Files.writeString(f, filesAndContents[i + 1]);
        }
        return dir;
    }

    /** Zips every file of {@code dir} (paths relative to it, sorted) into {@code zip}. */
    static Path zip(Path dir, Path zip) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out);
             Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                z.putNextEntry(new ZipEntry(dir.relativize(f).toString().replace('\\', '/')));
                z.write(Files.readAllBytes(f));
                z.closeEntry();
            }
        }
        return zip;
    }

    /** Reads an export with a {@link CanonicalReader} that copies zipped Parquet members to {@code tempDir}. */
    static List<ParsedExport> read(Path location, Path tempDir) throws IOException, ReadException {
        try (ExportSource source = ExportSource.open(location)) {
            return new CanonicalReader(tempDir).read(source);
        }
    }

    static List<ParsedExport> read(Path location) throws IOException, ReadException {
        try (ExportSource source = ExportSource.open(location)) {
            return new CanonicalReader().read(source);
        }
    }

    /** Ingests {@code location} with every reader, as the ingest job does. */
    static List<Canonical.Export> ingest(Path location) {
        return new Ingestor(Readers.all(), new Pseudonymizer(KEY), INGESTED_AT).ingest(location);
    }

    /** {@code data-samples/canonical/<name>} of the repository, found from the working directory upwards. */
    static Path sample(String name) {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            Path candidate = p.resolve("data-samples").resolve("canonical").resolve(name);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("data-samples/canonical/" + name + " not found above the working directory");
    }

    private static String header(CanonicalTable t) {
        return t.columns().stream().map(CanonicalTable.Column::name).collect(Collectors.joining(","));
    }
}
