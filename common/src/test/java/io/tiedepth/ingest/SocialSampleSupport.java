package io.tiedepth.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tiedepth.model.Canonical;
import io.tiedepth.model.FileStats;
import io.tiedepth.pseudo.Mojibake;
import io.tiedepth.pseudo.Pseudonymizer;
import io.tiedepth.pseudo.StudyKey;
import io.tiedepth.source.ExportSource;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Shared by the Facebook and X samples tests: ingests every export of a samples folder with {@link Readers#all()},
 * a fixed key and instant, and checks the results against the counts documented in the folder's README.
 */
public final class SocialSampleSupport {
    public static final Instant INGESTED_AT = Instant.parse("2025-01-01T00:00:00Z");
    public static final StudyKey KEY = StudyKey.of("tiedepth-samples-test-key-0001".getBytes(StandardCharsets.UTF_8));
    /** JSON keys whose values are structure (types, labels, file names, dates), not persons or text. */
    private static final Set<String> STRUCTURAL_KEYS = Set.of("type", "thread_type", "label", "reaction",
            "fileName", "globalName", "directory", "name_of_file", "mediaDirectory", "createdVia", "lang",
            "createdAt", "created_at", "generationDate", "sizeBytes", "maxPartSizeBytes", "count", "reactionKey",
            "status", "thread_path", "indices", "display_text_range");

    /** What one export of a samples folder must yield (the README's tables). */
    public record Expected(String export, String era, String status, int ties, int interactions, int invitations,
                           int rejects, Map<String, Long> channels, List<FileStats> files, List<String> warnings) {
    }

    private SocialSampleSupport() {
    }

    public static Ingestor ingestor() {
        return new Ingestor(Readers.all(), new Pseudonymizer(KEY), INGESTED_AT);
    }

    /** Exports of a samples folder: its sub-folders and .zip files (the README is not an export). */
    public static List<Path> exports(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> Files.isDirectory(p) || p.toString().endsWith(".zip")).sorted().toList();
        }
    }

    public static void check(Expected e, Canonical.Export got) {
        Canonical.ExportRow x = got.export();
        assertThat(x.formatEra()).as(e.export() + " era").isEqualTo(e.era());
        assertThat(x.status()).as(e.export() + " status").isEqualTo(e.status());
        assertThat(got.ties()).as(e.export() + " ties").hasSize(e.ties());
        assertThat(got.interactions()).as(e.export() + " interactions").hasSize(e.interactions());
        assertThat(got.invitations()).as(e.export() + " invitations").hasSize(e.invitations());
        assertThat(got.rejects()).as(e.export() + " rejects").hasSize(e.rejects());
        Map<String, Long> channels = got.interactions().stream().collect(Collectors.groupingBy(
                Canonical.InteractionRow::channel, java.util.TreeMap::new, Collectors.counting()));
        assertThat(channels).as(e.export() + " channels").isEqualTo(e.channels());
        assertThat(x.files()).as(e.export() + " files").containsExactlyInAnyOrderElementsOf(e.files());
        assertThat(x.files()).allMatch(FileStats::balanced);
        assertThat(x.rowsRejected()).as(e.export() + " rejected rows = rejects").isEqualTo(e.rejects());
        assertThat(x.warnings()).as(e.export() + " warnings").containsExactlyInAnyOrderElementsOf(e.warnings());
    }

    /** Every String in the rows of an export (ids, paths, warnings, reasons...), recursively through records. */
    public static List<String> outputStrings(Canonical.Export export) {
        List<String> out = new ArrayList<>();
        collect(export, out);
        return out;
    }

    private static void collect(Object o, List<String> out) {
        if (o instanceof String s) {
            out.add(s);
        } else if (o instanceof Collection<?> c) {
            c.forEach(x -> collect(x, out));
        } else if (o != null && o.getClass().isRecord()) {
            for (RecordComponent rc : o.getClass().getRecordComponents()) {
                try {
                    collect(rc.getAccessor().invoke(o), out);
                } catch (ReflectiveOperationException ex) {
                    throw new IllegalStateException(ex);
                }
            }
        }
    }

    /**
     * Every person-like or text value in an export's files: JSON string values (raw and mojibake-repaired) except
     * structural keys, HTML text, and the folder names of Messenger threads; of at least 5 characters.
     */
    public static Set<String> inputStrings(Path export) throws IOException {
        Set<String> out = new TreeSet<>();
        ObjectMapper json = new ObjectMapper();
        try (ExportSource s = ExportSource.open(export)) {
            for (String p : s.paths()) {
                for (String seg : p.split("/")) {
                    if (seg.matches("[a-z]+_(?=[0-9a-z]*\\d)[0-9a-z]{6,}")) {
                        out.add(seg);
                        out.add(seg.substring(0, seg.lastIndexOf('_')));
                    }
                }
                String text;
                try (InputStream in = s.open(p)) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                if (p.endsWith(".html")) {
                    for (String chunk : text.split("<[^>]*>")) {
                        out.add(chunk.strip());
                    }
                    continue;
                }
                if (p.endsWith(".js")) {
                    text = text.substring(text.indexOf('=') + 1);
                }
                try {
                    strings(json.readTree(text), null, out);
                } catch (IOException truncated) {
                    for (String q : text.split("\"")) {
                        out.add(q);
                    }
                }
            }
        }
        Set<String> repaired = out.stream().map(Mojibake::repair).collect(Collectors.toSet());
        out.addAll(repaired);
        out.removeIf(v -> v.strip().length() < 5 || v.contains("{") || v.contains(":") && v.length() < 12);
        return out;
    }

    private static void strings(JsonNode n, String key, Set<String> out) {
        if (n.isTextual()) {
            if (key == null || !STRUCTURAL_KEYS.contains(key)) {
                out.add(n.asText());
            }
        } else if (n.isArray()) {
            n.forEach(x -> strings(x, key, out));
        } else if (n.isObject()) {
            n.fields().forEachRemaining(e -> strings(e.getValue(), e.getKey(), out));
        }
    }

    /** Asserts no output string contains any input string (case-insensitive). */
    public static void assertNoLeak(Set<String> inputs, List<String> outputs, String export) {
        Set<String> leaks = new HashSet<>();
        for (String o : outputs) {
            String lo = o.toLowerCase(Locale.ROOT);
            for (String i : inputs) {
                if (lo.contains(i.toLowerCase(Locale.ROOT))) {
                    leaks.add(i);
                }
            }
        }
        assertThat(leaks).as(export + ": input values found in the output").isEmpty();
    }

    /** File stats shorthand. */
    public static FileStats f(String file, long read, long accepted, long rejected) {
        return new FileStats(file, read, accepted, rejected);
    }

    /** Channel counts shorthand: "message", 3, "call", 1 ... */
    public static Map<String, Long> ch(Object... kv) {
        Map<String, Long> m = new java.util.TreeMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], ((Number) kv[i + 1]).longValue());
        }
        return m;
    }
}
