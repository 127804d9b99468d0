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
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            Path candidate = p.resolve("data-samples").resolve(name);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("data-samples/" + name + " not found above the working directory");
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

    static List<Canonical.Export> ingest(Path location) {
        return new Ingestor(Readers.all(), new Pseudonymizer(KEY), INGESTED_AT).ingest(location);
    }
}
