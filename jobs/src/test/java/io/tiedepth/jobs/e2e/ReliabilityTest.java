package io.tiedepth.jobs.e2e;

import static io.tiedepth.schema.Columns.*;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tiedepth.features.FeatureParams;
import io.tiedepth.jobs.Faults;
import io.tiedepth.jobs.RunJob;
import io.tiedepth.jobs.SparkTestBase;
import io.tiedepth.jobs.TestTrees;
import io.tiedepth.jobs.Warehouse;
import io.tiedepth.jobs.WarehouseLock;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.Test;

/**
 * Nightly runs that lose nothing: a run killed in the middle of ingest or of publish, then rerun, leaves the
 * warehouse exactly as a clean run does; a re-donated export is skipped; an inbox where a third of the exports
 * are broken ingests every good one and accounts for every broken one.
 */
public class ReliabilityTest extends SparkTestBase {
    private static final Path LINKEDIN = SampleRun.SAMPLES.resolve("linkedin");
    private static final LocalDate DAY1 = LocalDate.of(2026, 11, 20);
    private static final LocalDate DAY2 = LocalDate.of(2026, 11, 21);
    private static final List<String> TABLES = List.of(Warehouse.EXPORTS, Warehouse.TIES, Warehouse.INTERACTIONS,
            Warehouse.INVITATIONS, Warehouse.REJECTS, Warehouse.TIE_FEATURES, Warehouse.OWNER_METRICS);

    private RunJob.Result run(Path inbox, Path warehouse, LocalDate day) throws Exception {
        return RunJob.run(spark(), new RunJob.Config(inbox, new Warehouse(warehouse.toString()), SampleRun.KEY, day,
                0, FeatureParams.DEFAULTS));
    }

    /** An inbox holding the named LinkedIn samples. */
    private static Path inbox(Path root, String... samples) throws IOException {
        Files.createDirectories(root);
        for (String s : samples) {
            TestTrees.copy(LINKEDIN.resolve(s), root.resolve(s));
        }
        return root;
    }

    private Dataset<Row> table(Path warehouse, String relative) {
        return spark().read().parquet(warehouse.resolve(relative).toString());
    }

    private void assertSameWarehouse(Path expected, Path actual) {
        for (String t : TABLES) {
            Dataset<Row> e = table(expected, t);
            Dataset<Row> a = table(actual, t);
            assertThat(a.count()).as(t).isEqualTo(e.count());
            assertDataFrameNoOrderEquals(e, a);
        }
        assertThat(actual.resolve("_staging")).satisfiesAnyOf(p -> assertThat(p).doesNotExist(),
                p -> assertThat(p).isEmptyDirectory());
        assertThat(reports(actual)).isEqualTo(reports(expected));
    }

    /**
     * Every CSV report (relative path → SHA-256 of its bytes): the data of the reports. The report pages are left
     * out: they name the run that wrote them, so two runs' pages differ by design.
     */
    private static java.util.Map<String, String> reports(Path warehouse) {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        Path root = warehouse.resolve("reports");
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".csv")).toList()) {
                out.put(root.relativize(f).toString(), java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    private static Path base;
    private static Path reference;

    /** Day 1: two exports; day 2: the same two and a new one. Built once, shared by the kill tests. */
    private synchronized Path cleanTwoDayWarehouse() throws Exception {
        if (reference == null) {
            base = Files.createTempDirectory("tiedepth-kill");
            Path day1 = inbox(base.resolve("in1"), "li-03-2021", "li-09-small");
            Path day2 = inbox(base.resolve("in2"), "li-03-2021", "li-09-small", "li-04-2022");
            Path w = base.resolve("clean");
            run(day1, w, DAY1);
            run(day2, w, DAY2);
            reference = w;
        }
        return reference;
    }

    private void killedOnDayTwoThenRerun(String faultPoint) throws Exception {
        Path reference = cleanTwoDayWarehouse();
        Path w = base.resolve("killed-" + faultPoint);
        run(base.resolve("in1"), w, DAY1);
        long day1Exports = table(w, Warehouse.EXPORTS).count();
        boolean ingestPublished = !faultPoint.startsWith("ingest.") && !faultPoint.startsWith("publish.");

        java.util.Map<String, String> day1Reports = reports(w);
        assertThat(day1Reports).isNotEmpty();
        System.setProperty(Faults.PROPERTY, faultPoint);
        try {
            assertThatThrownBy(() -> run(base.resolve("in2"), w, DAY2)).isInstanceOf(Faults.InjectedFault.class);
        } finally {
            System.clearProperty(Faults.PROPERTY);
        }
        if (!faultPoint.startsWith("report.")) {
            assertThat(reports(w)).as("the previous day's reports are intact").isEqualTo(day1Reports);
        }

        RunJob.Result rerun = run(base.resolve("in2"), w, DAY2);
        assertThat(rerun.ingest().skipped()).isEqualTo(ingestPublished ? 3 : 2);
        assertThat(rerun.noop()).as("the rerun finishes what the killed run left").isFalse();
        assertThat(table(w, Warehouse.EXPORTS).count()).isEqualTo(day1Exports + 1);
        assertSameWarehouse(reference, w);
        assertThat(w.resolve("reports/" + DAY2 + "/report.html")).exists();
    }

    @Test
    public void runKilledInTheMiddleOfIngestLeavesNoTraceAfterTheRerun() throws Exception {
        killedOnDayTwoThenRerun("ingest.staged-ties");
    }

    @Test
    public void runKilledInTheMiddleOfPublishIsRolledBackThenRerun() throws Exception {
        killedOnDayTwoThenRerun("publish.after-2");
    }

    @Test
    public void runKilledDuringFeaturesAfterIngestPublishedIsCompletedByTheRerun() throws Exception {
        killedOnDayTwoThenRerun("features.staged");
        RunJob.Result again = run(base.resolve("in2"), base.resolve("killed-features.staged"), DAY2);
        assertThat(again.noop()).as("then every stage is current").isTrue();
    }

    @Test
    public void runKilledDuringClaimsIsCompletedByTheRerun() throws Exception {
        killedOnDayTwoThenRerun("claims.staged");
    }

    @Test
    public void runKilledAfterTheReportWasWrittenButNotMarkedIsCompletedByTheRerun() throws Exception {
        killedOnDayTwoThenRerun("report.written");
    }

    @Test
    public void secondWriterIsRefusedWithoutTouchingTheFirstOnesStaging() throws Exception {
        Path base = Files.createTempDirectory("tiedepth-lock");
        Path in = inbox(base.resolve("in"), "li-09-small");
        Path w = base.resolve("w");
        Path liveStaging = Files.createDirectories(w.resolve("_staging/2026-11-20T020000-abcd/parsed"));
        try (WarehouseLock held = WarehouseLock.acquire(new Warehouse(w.toString()))) {
            assertThatThrownBy(() -> run(in, w, DAY1)).isInstanceOf(WarehouseLock.WarehouseBusyException.class)
                    .hasMessageContaining("another tiedepth command holds its lock");
            assertThat(liveStaging).exists();
            assertThat(w.resolve("runs")).doesNotExist();
        }
        Path empty = Files.createDirectories(base.resolve("empty-inbox"));
        assertThat(run(empty, base.resolve("fresh"), DAY1).noop()).as("empty inbox, empty warehouse").isTrue();
        assertThat(base.resolve("fresh/_staging")).satisfiesAnyOf(p -> assertThat(p).doesNotExist(),
                p -> assertThat(p).isEmptyDirectory());
    }

    @Test
    public void aDifferentStudyKeyIsRefusedAndANoopLeavesNothingBehind() throws Exception {
        Path base = Files.createTempDirectory("tiedepth-key");
        Path in = inbox(base.resolve("in"), "li-09-small");
        Path w = base.resolve("w");
        run(in, w, DAY1);
        io.tiedepth.pseudo.StudyKey other = io.tiedepth.pseudo.StudyKey.of(
                "another-study-key-of-enough-length".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> RunJob.run(spark(), new RunJob.Config(in, new Warehouse(w.toString()), other, DAY2,
                0, FeatureParams.DEFAULTS))).isInstanceOf(io.tiedepth.jobs.KeyMismatchException.class)
                .hasMessageContaining("differs from " + SampleRun.KEY.fingerprint());
        try (Stream<Path> runs = Files.list(w.resolve("runs"))) {
            assertThat(runs.count()).as("the refused run wrote no manifest").isEqualTo(1);
        }
        try (Stream<Path> files = Files.walk(w.resolve("reports"))) {
            assertThat(files.map(Path::toString)).as("no Hadoop checksum files in reports/")
                    .noneMatch(f -> f.endsWith(".crc")).anyMatch(f -> f.endsWith("report.html"));
        }
        RunJob.Result noop = run(in, w, DAY2);
        assertThat(noop.noop()).isTrue();
        assertThat(w.resolve("_staging")).satisfiesAnyOf(p -> assertThat(p).doesNotExist(),
                p -> assertThat(p).isEmptyDirectory());
    }

    @Test
    public void backfillRebuildsPastReportsAsTheyWereAndTouchesNothingElse() throws Exception {
        Path reference = cleanTwoDayWarehouse();
        java.util.Map<String, String> before = reports(reference);
        assertThat(before.keySet()).anyMatch(k -> k.startsWith(DAY1 + "/")).anyMatch(k -> k.startsWith(DAY2 + "/"));
        Path w = base.resolve("backfilled");
        TestTrees.copy(reference, w);
        Files.writeString(Files.createDirectories(w.resolve("reports").resolve("2026-01-01")).resolve("keep.csv"), "x");
        RunJob.Result r = RunJob.run(spark(), new RunJob.Config(base.resolve("in2"), new Warehouse(w.toString()),
                SampleRun.KEY, DAY2, 0, FeatureParams.DEFAULTS, claimParams(), DAY1));
        assertThat(r.ingest().noop()).isTrue();
        java.util.Map<String, String> after = reports(w);
        after.remove("2026-01-01/keep.csv");
        assertThat(after).isEqualTo(before);
        assertThat(w.resolve("reports/2026-01-01/keep.csv")).hasContent("x");
        assertThat(w.resolve("_scratch")).doesNotExist();
    }

    private static io.tiedepth.claims.ClaimParams claimParams() {
        return new RunJob.Config(null, null, null, DAY1, 0, FeatureParams.DEFAULTS).claimParams();
    }

    @Test
    public void reDonatedExportIsSkippedAndNothingNewIsANoop() throws Exception {
        Path base = Files.createTempDirectory("tiedepth-noop");
        Path in = inbox(base.resolve("in"), "li-09-small");
        Path w = base.resolve("w");
        run(in, w, DAY1);
        TestTrees.copy(in.resolve("li-09-small"), in.resolve("li-09-small-again"));
        RunJob.Result again = run(in, w, DAY2);
        assertThat(again.noop()).isTrue();
        assertThat(again.ingest().skipped()).isEqualTo(2);
        assertThat(table(w, Warehouse.EXPORTS).count()).isEqualTo(1);
        try (Stream<Path> runs = Files.list(w.resolve("runs"))) {
            assertThat(runs.map(r -> {
                try {
                    return Files.readString(r.resolve("manifest.json"));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).filter(m -> m.contains("\"status\" : \"noop\"")).count()).isEqualTo(1);
        }
    }

    @Test
    public void inboxWithAThirdBrokenExportsIngestsEveryGoodOneAndAccountsForEveryBrokenOne() throws Exception {
        Path base = Files.createTempDirectory("tiedepth-broken");
        Path in = Files.createDirectories(base.resolve("inbox"));
        List<String> samples;
        try (Stream<Path> s = Files.list(LINKEDIN)) {
            samples = s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
        long goodTies = 0;
        long goodWithRejects = 0;
        for (int i = 0; i < 67; i++) {
            String sample = samples.get(i % samples.size());
            Path copy = in.resolve(String.format("good-%02d", i));
            TestTrees.copy(LINKEDIN.resolve(sample), copy);
            Path connections = copy.resolve("Connections.csv");
            Files.writeString(connections, Files.readString(connections, StandardCharsets.ISO_8859_1)
                    + "\n".repeat(i / samples.size() + 1), StandardCharsets.ISO_8859_1);
            goodTies += tiesOf(sample);
            goodWithRejects += List.of("li-01-2018", "li-04-2022", "li-06-2024-full", "li-12-rejects")
                    .contains(sample) ? 1 : 0;
        }
        for (int i = 0; i < 33; i++) {
            broken(in, i);
        }
        Path w = base.resolve("w");
        RunJob.Result r = run(in, w, DAY1);

        // the three empty folders are one donation by content, and so are the three empty zips: 4 repeats skipped
        Dataset<Row> exports = table(w, Warehouse.EXPORTS);
        assertThat(r.ingest().sources()).isEqualTo(100);
        assertThat(r.ingest().skipped()).isEqualTo(4);
        assertThat(exports.count()).isEqualTo(96);
        // plus the one good row before the unclosed quote in each of the three "-quote" exports
        assertThat(table(w, Warehouse.TIES).count()).isEqualTo(goodTies + 3);
        Dataset<Row> broken = exports.join(table(w, Warehouse.REJECTS).select(EXPORT_ID).distinct(), EXPORT_ID);
        // the deep-JSON and NUL-file exports (kinds 8 and 9) keep no tie, interaction or invitation: rejected too
        assertThat(exports.filter(col(STATUS).equalTo("rejected")).count()).isEqualTo(24 - 4 + 6);
        assertThat(broken.count()).as("every broken export has its reject rows").isEqualTo(20 + 9 + goodWithRejects);
        assertThat(exports.filter(col(STATUS).equalTo("ok")).count()).isEqualTo(67 + 3);
        Row totals = exports.agg(sum(ROWS_READ), sum(ROWS_ACCEPTED), sum(ROWS_REJECTED)).first();
        assertThat(totals.getLong(0)).isEqualTo(totals.getLong(1) + totals.getLong(2));
        assertThat(totals.getLong(2)).isEqualTo(table(w, Warehouse.REJECTS).count());
        assertThat(table(w, Warehouse.REJECTS).filter(col(REASON).isNull().or(col(REASON).equalTo(""))).count())
                .isZero();
        assertThat(PiiScan.leaks(spark(), w, PiiScan.needles(LINKEDIN))).isEmpty();
    }

    private static long tiesOf(String sample) {
        return switch (sample) {
            case "li-01-2018" -> 14;
            case "li-02-2019" -> 22;
            case "li-03-2021" -> 30;
            case "li-04-2022" -> 19;
            case "li-05-2023urn" -> 40;
            case "li-06-2024-full" -> 60;
            case "li-08-excel" -> 12;
            case "li-09-small" -> 5;
            case "li-10-bursty" -> 50;
            case "li-11-chatty" -> 18;
            case "li-12-rejects" -> 7;
            default -> throw new IllegalArgumentException(sample);
        };
    }

    /**
     * Broken export number i. Kinds 0–7 are rejected as a whole (24 of 33); kinds 8–10 (JSON nested 10,000
     * deep, a file of NUL bytes, an unclosed quote) keep the export and quarantine the file (9 of 33).
     */
    private static void broken(Path inbox, int i) throws IOException {
        String connections = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                + "Zed,Fakebroken" + i + ",https://www.linkedin.com/in/fake-broken-" + i + ",,,,01 Jan 2024\n";
        switch (i % 11) {
            case 0 -> {
                Path z = zip(inbox.resolve("b" + i + "-truncated.zip"), "Connections.csv", connections);
                byte[] b = Files.readAllBytes(z);
                Files.write(z, java.util.Arrays.copyOf(b, b.length - 30));
            }
            case 1 -> zip(inbox.resolve("b" + i + "-slip.zip"), "Connections.csv", connections, "../../etc/passwd", "x");
            case 2 -> Files.createDirectories(inbox.resolve("b" + i + "-empty"));
            case 3 -> zip(inbox.resolve("b" + i + "-empty.zip"));
            case 4 -> {
                Path d = Files.createDirectories(inbox.resolve("b" + i + "-unknown"));
                Files.writeString(d.resolve("holiday.docx"), "not an export " + i);
            }
            case 5 -> {
                Path d = Files.createDirectories(inbox.resolve("b" + i + "-html/messages/inbox/fakeuser_" + i));
                Files.writeString(d.resolve("message_1.html"), "<html>" + i + "</html>");
            }
            case 6 -> Files.write(inbox.resolve("b" + i + "-garbage.zip"), ("not a zip " + i).getBytes(StandardCharsets.UTF_8));
            case 7 -> {
                Path d = Files.createDirectories(inbox.resolve("b" + i + "-nomain"));
                Files.writeString(d.resolve("Invitations.csv"), "From,To,Sent At,Message,Direction\n" + "\n".repeat(i));
            }
            case 8 -> {
                Path d = Files.createDirectories(inbox.resolve("b" + i + "-deep/friends_and_followers"));
                Files.writeString(d.resolve("friends.json"), "{\"friends_v2\":" + "[".repeat(10_000) + "]".repeat(10_000)
                        + "}" + " ".repeat(i));
            }
            case 9 -> {
                Path d = Files.createDirectories(inbox.resolve("b" + i + "-nul"));
                Files.writeString(d.resolve("messages.csv"), "CONVERSATION ID,FROM,SENDER PROFILE URL,TO,DATE,CONTENT\n");
                try (RandomAccessFile f = new RandomAccessFile(d.resolve("Connections.csv").toFile(), "rw")) {
                    f.setLength(100_000 + i);
                }
            }
            default -> {
                Path d = Files.createDirectories(inbox.resolve("b" + i + "-quote"));
                Files.writeString(d.resolve("Connections.csv"), connections + "\"Unclosed,Quote,,,,,01 Jan 2024\n");
            }
        }
    }

    private static Path zip(Path z, String... pathsAndContents) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(z))) {
            for (int k = 0; k < pathsAndContents.length; k += 2) {
                out.putNextEntry(new ZipEntry(pathsAndContents[k]));
                out.write(pathsAndContents[k + 1].getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return z;
    }
}
