package io.tiedepth.ingest.linkedin;

import static org.assertj.core.api.Assertions.assertThat;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import io.tiedepth.ingest.Ingestor;
import io.tiedepth.ingest.Readers;
import io.tiedepth.model.Canonical;
import io.tiedepth.model.FileStats;
import io.tiedepth.pseudo.Pseudonymizer;
import io.tiedepth.pseudo.StudyKey;
import io.tiedepth.source.ExportSource;
import io.tiedepth.text.Charsets;
import io.tiedepth.text.Dates;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Ingests every sample export of {@code data-samples/linkedin/} and checks it against the counts table of that
 * folder's README (the table another engineer's end-to-end test asserts too), that every file is balanced, and that
 * no output field holds any name, URL, e-mail or text of the inputs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinkedInSamplesTest {
    private static final Path SAMPLES = Path.of("..", "data-samples", "linkedin");
    /** Cell values that may appear in outputs: enums, and "LinkedIn Member", which reasons name. */
    private static final Set<String> NOT_PII = Set.of("linkedin member", "incoming", "outgoing", "accepted",
            "pending", "visible", "hidden", "inbox", "notes:");

    private final Map<String, Canonical.Export> ingested = new TreeMap<>();

    @BeforeAll
    void ingestAll() throws IOException {
        Ingestor ingestor = new Ingestor(Readers.all(), new Pseudonymizer(StudyKey.of(
                "tiedepth-linkedin-samples-test-key".getBytes(StandardCharsets.UTF_8))),
                Instant.parse("2025-01-01T00:00:00Z"));
        for (Path export : exports()) {
            List<Canonical.Export> out = ingestor.ingest(export);
            assertThat(out).as(export.toString()).hasSize(1);
            ingested.put(export.getFileName().toString(), out.get(0));
        }
    }

    @Test
    void everyExportMatchesTheReadmeTable() throws IOException {
        Map<String, Row> expected = readmeTable();
        Map<String, Row> actual = new TreeMap<>();
        ingested.forEach((name, e) -> actual.put(name, Row.of(name, e)));
        StringBuilder table = new StringBuilder();
        actual.values().forEach(r -> table.append(r.line()).append('\n'));
        assertThat(actual).as("counts differ from data-samples/linkedin/README.md; actual table:\n%s", table)
                .isEqualTo(expected);
        assertThat(actual).hasSizeGreaterThanOrEqualTo(12);
    }

    @Test
    void everyExportIsReadWithItsOwnerAndEveryFileIsBalanced() {
        ingested.forEach((name, e) -> {
            assertThat(e.export().status()).as(name).isEqualTo("ok");
            assertThat(e.export().warnings()).as(name)
                    .doesNotContain("owner not recognised: owner_id is derived from the export id");
            for (FileStats f : e.export().files()) {
                assertThat(f.balanced()).as("%s %s", name, f).isTrue();
                assertThat(e.rejects().stream().filter(r -> r.file().equals(f.file())).count())
                        .as("%s rejects of %s", name, f.file()).isEqualTo(f.rejected());
            }
        });
    }

    @Test
    void noOutputHoldsANameUrlEmailOrTextOfTheInputs() throws IOException {
        for (Path export : exports()) {
            Set<String> secrets = inputCells(export);
            assertThat(secrets).as(export.toString()).isNotEmpty();
            List<String> fields = outputStrings(ingested.get(export.getFileName().toString()));
            for (String field : fields) {
                String f = field.toLowerCase(Locale.ROOT);
                assertThat(f).as("%s output field", export.getFileName()).doesNotContain("fake", "linkedin.com", "@");
                for (String secret : secrets) {
                    assertThat(f).as("%s output field", export.getFileName()).doesNotContain(secret);
                }
            }
        }
    }

    /** One line of the README table. */
    record Row(String export, String era, long ties, long hidden, long interactions, long invitations,
               long rejectCount, Map<String, Long> rowsRead, List<String> rejects) {

        static Row of(String name, Canonical.Export e) {
            Map<String, Long> read = new TreeMap<>();
            e.export().files().forEach(f -> read.put(f.file(), f.read()));
            List<String> rejects = new ArrayList<>();
            e.rejects().forEach(r -> rejects.add(r.file() + " " + r.reasonCode()));
            rejects.sort(null);
            return new Row(name, e.export().formatEra(), e.ties().size(), e.export().hiddenProfiles(),
                    e.interactions().size(), e.invitations().size(), e.rejects().size(), read, rejects);
        }

        static Row parse(String line) {
            String[] c = line.split("\\|");
            Map<String, Long> read = new TreeMap<>();
            for (String f : c[8].trim().split(", ")) {
                int sp = f.lastIndexOf(' ');
                read.put(f.substring(0, sp), Long.parseLong(f.substring(sp + 1)));
            }
            List<String> rejects = new ArrayList<>();
            if (!c[9].trim().equals("-")) {
                rejects.addAll(List.of(c[9].trim().split(", ")));
            }
            rejects.sort(null);
            return new Row(c[1].trim(), c[2].trim(), Long.parseLong(c[3].trim()), Long.parseLong(c[4].trim()),
                    Long.parseLong(c[5].trim()), Long.parseLong(c[6].trim()), Long.parseLong(c[7].trim()), read,
                    rejects);
        }

        String line() {
            List<String> read = new ArrayList<>();
            rowsRead.forEach((f, n) -> read.add(f + " " + n));
            return "| " + export + " | " + era + " | " + ties + " | " + hidden + " | " + interactions + " | "
                    + invitations + " | " + rejectCount + " | " + String.join(", ", read) + " | "
                    + (rejects.isEmpty() ? "-" : String.join(", ", rejects)) + " |";
        }
    }

    /** The rows of the README table whose first cell names a sample export. */
    private static Map<String, Row> readmeTable() throws IOException {
        Map<String, Row> rows = new TreeMap<>();
        for (String line : Files.readAllLines(SAMPLES.resolve("README.md"))) {
            if (line.startsWith("| li-")) {
                Row r = Row.parse(line);
                rows.put(r.export(), r);
            }
        }
        return rows;
    }

    private static List<Path> exports() throws IOException {
        try (Stream<Path> s = Files.list(SAMPLES)) {
            List<Path> out = s.filter(p -> Files.isDirectory(p) || p.toString().endsWith(".zip")).sorted().toList();
            assertThat(out).isNotEmpty();
            return out;
        }
    }

    /** Every cell of every file of the export but headers, dates and enums, lower case: what must not leak. */
    private static Set<String> inputCells(Path export) throws IOException {
        Set<String> cells = new TreeSet<>();
        try (ExportSource source = ExportSource.open(export)) {
            for (String path : source.paths()) {
                String text;
                try (InputStream in = source.open(path); Reader r = Charsets.reader(in)) {
                    StringBuilder sb = new StringBuilder();
                    char[] buf = new char[8192];
                    for (int n = r.read(buf); n >= 0; n = r.read(buf)) {
                        sb.append(buf, 0, n);
                    }
                    text = sb.toString();
                }
                CsvParserSettings settings = new CsvParserSettings();
                String firstLine = text.lines().findFirst().orElse("");
                settings.getFormat().setDelimiter(firstLine.contains("\t") && !firstLine.contains(",") ? '\t' : ',');
                settings.setLineSeparatorDetectionEnabled(true);
                settings.setMaxCharsPerColumn(-1);
                boolean header = true;
                for (String[] record : new CsvParser(settings).parseAll(new StringReader(text))) {
                    if (header && record.length > 2) {
                        header = false;
                        continue;
                    }
                    for (String cell : record) {
                        String v = cell == null ? "" : cell.strip().toLowerCase(Locale.ROOT);
                        if (v.length() >= 4 && v.chars().anyMatch(Character::isLetter) && !NOT_PII.contains(v)
                                && Dates.parse(v) == null) {
                            cells.add(v);
                        }
                    }
                }
            }
        }
        return cells;
    }

    /** Every string an export's canonical rows hold. */
    private static List<String> outputStrings(Canonical.Export e) {
        List<String> out = new ArrayList<>();
        Canonical.ExportRow x = e.export();
        out.addAll(List.of(x.exportId(), x.ownerId(), x.platform(), x.formatEra(), x.status(), x.parserVersion()));
        x.files().forEach(f -> out.add(f.file()));
        out.addAll(x.warnings());
        e.ties().forEach(t -> out.addAll(List.of(t.exportId(), t.platform(), t.ownerId(), t.contactId(),
                t.connectedAtPrecision(), t.tieSource(), t.invitedBy())));
        e.interactions().forEach(i -> {
            out.addAll(List.of(i.exportId(), i.platform(), i.ownerId(), i.contactId(), i.channel(), i.direction()));
            if (i.threadId() != null) {
                out.add(i.threadId());
            }
        });
        e.invitations().forEach(i -> out.addAll(List.of(i.exportId(), i.platform(), i.ownerId(), i.counterpartId(),
                i.direction())));
        e.rejects().forEach(r -> out.addAll(List.of(r.exportId(), r.platform(), r.file(), r.location(),
                r.reasonCode(), r.reason())));
        return out;
    }
}
