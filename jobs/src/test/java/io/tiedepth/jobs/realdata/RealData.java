package io.tiedepth.jobs.realdata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Public datasets outside the repository: {@code ../shared/real-data/<name>} relative to the repository root (CI has
 * Copenhagen and CollegeMsg there). A test that needs one is skipped, with a message saying where it looked, when
 * it is absent (JUnit 4's assumption, which the vintage and Jupiter engines both report as skipped); the message is
 * also printed, so a skipped run is visible in the build log.
 */
public final class RealData {
    /** The repository root (the module's working directory is one level below it). */
    public static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    public static final Path SHARED = ROOT.resolve("../shared/real-data").normalize();

    private RealData() {
    }

    /** The dataset's folder; skips the calling test when it is absent. */
    public static Path require(String name) {
        Path dir = SHARED.resolve(name);
        boolean present = Files.isDirectory(dir);
        if (!present) {
            System.err.println("SKIPPED: real dataset " + name + " not found at " + dir
                    + " (fetch it with scripts/get-dataset " + name + ")");
        }
        org.junit.Assume.assumeTrue("real dataset " + name + " not found at " + dir, present);
        return dir;
    }

    /**
     * A ready-to-ingest copy of the dataset in {@code into}: its files (shared/real-data is read-only) and the
     * descriptor tiedepth ships for it ({@code data-samples/<name>/} or {@code scripts/datasets/<name>.json}).
     */
    public static Path dataset(String name, Path into) throws IOException {
        Path source = require(name);
        Path dir = Files.createDirectories(into.resolve(name));
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.filter(p -> !p.getFileName().toString().endsWith(".md")).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        Path shipped = ROOT.resolve("data-samples").resolve(name).resolve("tiedepth-network.json");
        Files.copy(Files.exists(shipped) ? shipped : ROOT.resolve("scripts/datasets/" + name + ".json"),
                dir.resolve("tiedepth-network.json"));
        return dir;
    }
}
