package io.tiedepth.ingest.network;

import io.tiedepth.ingest.Ingestor;
import io.tiedepth.ingest.Readers;
import io.tiedepth.model.Canonical;
import io.tiedepth.pseudo.Pseudonymizer;
import io.tiedepth.pseudo.StudyKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Test support: the shipped samples, small datasets written to a temp folder, and a fixed-key ingest. */
final class Samples {
    static final Instant INGESTED_AT = Instant.parse("2025-01-15T12:00:00Z");
    static final StudyKey KEY = StudyKey.of("tiedepth-network-test-key-0123456789".getBytes(StandardCharsets.UTF_8));

    private Samples() {
    }

    /** {@code data-samples/<name>} of the repository, found from the module's working directory upwards. */
    static Path dir(String name) {
        Path candidate = repositoryRoot().resolve("data-samples").resolve(name);
        if (!Files.isDirectory(candidate)) {
            throw new IllegalStateException("data-samples/" + name + " not found above the working directory");
        }
        return candidate;
    }

    /** The repository root: the first folder from the working directory upwards that holds data-samples/. */
    static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("data-samples"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("data-samples/ not found above the working directory");
        }
        return p;
    }

    /** Writes a dataset: the descriptor and files given as name, content, name, content, ... */
    static Path dataset(Path root, String descriptor, String... filesAndContents) throws IOException {
        Files.createDirectories(root);
        Files.writeString(root.resolve(NetworkDescriptor.FILE_NAME), descriptor);
        for (int i = 0; i < filesAndContents.length; i += 2) {
            Path f = root.resolve(filesAndContents[i]);
            Files.createDirectories(f.getParent());
            Files.writeString(f, filesAndContents[i + 1]);
        }
        return root;
    }

    /**
     * A ready-to-ingest copy of a public dataset kept outside the repository, {@code ../shared/real-data/<name>}
     * relative to the repository root, with the descriptor tiedepth ships for it ({@code data-samples/<name>/} or
     * {@code scripts/datasets/<name>.json}). Skips the calling test, visibly, when the dataset is absent.
     */
    static Path realData(String name) throws IOException {
        Path root = repositoryRoot();
        Path source = root.resolve("../shared/real-data").resolve(name).normalize();
        if (!Files.isDirectory(source)) {
            System.err.println("SKIPPED: real dataset " + name + " not found at " + source
                    + " (fetch it with scripts/get-dataset " + name + ")");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(source),
                "real dataset " + name + " not found at " + source);
        Path copy = Files.createTempDirectory("tiedepth-real-").resolve(name);
        Files.createDirectories(copy);
        try (var files = Files.list(source)) {
            for (Path f : files.filter(p -> !p.getFileName().toString().endsWith(".md")).toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        Path shipped = root.resolve("data-samples").resolve(name).resolve(NetworkDescriptor.FILE_NAME);
        Files.copy(Files.exists(shipped) ? shipped : root.resolve("scripts/datasets/" + name + ".json"),
                copy.resolve(NetworkDescriptor.FILE_NAME));
        return copy;
    }

    static List<Canonical.Export> ingest(Path location) {
        return new Ingestor(Readers.all(), new Pseudonymizer(KEY), INGESTED_AT).ingest(location);
    }
}
