package io.tiedepth.ingest;

import io.tiedepth.model.Canonical;
import io.tiedepth.model.ParsedExport;
import io.tiedepth.pseudo.Pseudonymizer;
import io.tiedepth.source.ExportSource;
import io.tiedepth.source.SyntheticMarker;
import io.tiedepth.text.ReadException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;

/**
 * Ingests one export location: opens it, computes its export_id, finds the reader whose platform it is, reads
 * and resolves it. Never throws for bad input: an export that cannot be opened, placed or read (an
 * {@link IOException}, {@link UncheckedIOException} or {@link ReadException}) becomes a rejected export row with one
 * reject naming the reason; when not even its export_id can be computed, the id is derived from its path. An export
 * holding the generator's {@link SyntheticMarker} gets the warning {@link SyntheticMarker#WARNING}. Plain Java; the Spark ingest job calls it inside tasks.
 */
public final class Ingestor {
    private final List<ExportReader> readers;
    private final Resolver resolver;
    private final Instant ingestedAt;

    public Ingestor(List<ExportReader> readers, Pseudonymizer pseudonymizer, Instant ingestedAt) {
        this.readers = List.copyOf(readers);
        this.resolver = new Resolver(pseudonymizer);
        this.ingestedAt = ingestedAt;
    }

    /** What one inbox entry gave: its source id, whether it was skipped as already ingested, its exports. */
    public record Outcome(String sourceId, boolean skipped, List<Canonical.Export> exports) {
    }

    public List<Canonical.Export> ingest(Path location) {
        return ingest(location, id -> false).exports();
    }

    /**
     * Ingests {@code location} unless its source id (content hash, computed first) is {@code known}: a donation
     * already in the warehouse, or donated again byte for byte, is skipped without being parsed.
     */
    public Outcome ingest(Path location, Predicate<String> known) {
        String sourceId;
        long size;
        if (Files.isSymbolicLink(location)) {
            String id = pathId(location);
            return new Outcome(id, false, List.of(Resolver.rejected(id, "unknown", 0, ingestedAt, "(export)",
                    "symbolic_link", "Cannot read export: it is a symbolic link, and links are never followed")));
        }
        boolean folder = Files.isDirectory(location);
        try {
            sourceId = folder ? null : io.tiedepth.source.ExportIds.ofFile(location);
            size = folder ? 0 : Files.size(location);
        } catch (IOException | UncheckedIOException e) {
            String id = pathId(location);
            return new Outcome(id, false, List.of(Resolver.rejected(id, "unknown", 0, ingestedAt, "(export)",
                    "unreadable_export", safe(e))));
        }
        if (sourceId != null && known.test(sourceId)) {
            return new Outcome(sourceId, true, List.of());
        }
        try (ExportSource source = ExportSource.open(location)) {
            if (sourceId == null) {
                sourceId = source.exportId();
                size = source.sizeBytes();
                if (known.test(sourceId)) {
                    return new Outcome(sourceId, true, List.of());
                }
            }
            return new Outcome(sourceId, false, ingest(source, sourceId, size));
        } catch (IOException | RuntimeException | StackOverflowError e) {
            String id = sourceId != null ? sourceId : pathId(location);
            return new Outcome(id, false, List.of(Resolver.rejected(id, "unknown", size, ingestedAt, "(export)",
                    e instanceof io.tiedepth.source.SymbolicLinkException ? "symbolic_link" : "unreadable_export",
                    safe(e))));
        }
    }

    /**
     * A key that two donations with the same source id always share, found without reading their content: the
     * size of a file, or the total size of the files a folder's id covers ({@link ExportSource#paths()}). Null for
     * a symbolic link or a location that cannot be read: such a donation's id comes from its path, so it is never
     * the same as another's.
     */
    public static String sameSourceKey(Path location) {
        try {
            if (Files.isSymbolicLink(location)) {
                return null;
            }
            if (!Files.isDirectory(location)) {
                return "file:" + Files.size(location);
            }
            try (ExportSource source = ExportSource.open(location)) {
                long total = 0;
                for (String p : source.paths()) {
                    total += Files.size(source.localFile(p).orElseThrow());
                }
                return "folder:" + total;
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The source id {@link #ingest(Path, Predicate)} finds for {@code location}, or null when it cannot be read. */
    public static String sourceId(Path location) {
        if (Files.isSymbolicLink(location)) {
            return null;
        }
        try {
            if (!Files.isDirectory(location)) {
                return io.tiedepth.source.ExportIds.ofFile(location);
            }
            try (ExportSource source = ExportSource.open(location)) {
                return source.exportId();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    List<Canonical.Export> ingest(ExportSource source, String exportId, long size) throws IOException {
        if (source.paths().isEmpty()) {
            return List.of(Resolver.rejected(exportId, "unknown", size, ingestedAt, "(export)", "empty_export",
                    "Cannot read export: it holds no files"));
        }
        for (ExportReader reader : readers) {
            if (!reader.recognises(source)) {
                continue;
            }
            try {
                List<Canonical.Export> out = new ArrayList<>();
                List<ParsedExport> parsedExports = reader.read(source);
                List<String> encodingWarnings = new ArrayList<>();
                source.invalidUtf8().forEach((path, n) -> encodingWarnings.add(n + " byte sequence(s) in "
                        + path.substring(path.lastIndexOf('/') + 1) + " are not valid UTF-8 and were read as U+FFFD"));
                for (ParsedExport parsed : parsedExports) {
                    encodingWarnings.forEach(parsed::warn);
                    if (source.synthetic()) {
                        parsed.warn(SyntheticMarker.WARNING);
                    }
                    String id = parsed.part() == null ? exportId : partId(exportId, parsed.part());
                    out.add(Resolver.withoutContentRejected(resolver.resolve(parsed, id, exportId, size, ingestedAt)));
                }
                return out;
            } catch (ReadException e) {
                return List.of(Resolver.rejected(exportId, reader.platform(), size, ingestedAt, e.file(),
                        e.reasonCode(), e.getMessage()));
            }
        }
        return List.of(Resolver.rejected(exportId, "unknown", size, ingestedAt, "(export)", "unknown_platform",
                "Cannot place export: no LinkedIn, Facebook, X, network-dataset or canonical files found in it"));
    }

    /** export_id of one owner's part of a many-owner source: SHA-256 of "&lt;source id&gt;#&lt;part&gt;". */
    public static String partId(String sourceId, String part) {
        return sha256(sourceId + "#" + part);
    }

    private static String pathId(Path location) {
        return sha256("unreadable:" + location.toAbsolutePath());
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An exception's message when it is one of ours ("Cannot ..."), else only its type: no content leaks. */
    private static String safe(Throwable e) {
        String m = e.getMessage();
        return m != null && m.startsWith("Cannot ") ? m : "Cannot read export: " + e.getClass().getSimpleName();
    }
}
