package io.tiedepth.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Argument errors are reported with the option and reason, exit code 2, before Spark starts. */
class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

    private int run(String... args) {
        return Main.run(args, outStream, errStream, Map.of());
    }

    @Test
    void listsCommandsWithoutArguments() {
        assertThat(run()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("run", "ingest", "features");
    }

    @Test
    void helpOfEachCommandListsItsOptions() {
        assertThat(run("run", "--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("--input", "--output", "--key-file", "--demo-key", "--run-date", "--burst-k", "--master",
                        "--conf", "Exit codes");
    }

    @Test
    void reportCommandTakesAWarehouseAndARunDate() {
        assertThat(run("report", "--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--warehouse", "--run-date", "--k-min", "(required)")
                .as("options that do nothing in report are not offered").doesNotContain("--bootstrap", "--burst-k");
        assertThat(run("report")).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(run("report", "--warehouse", "w", "--run-date", "22/11/2026")).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    }

    @Test
    void unknownCommandIsRejected() {
        assertThat(run("bogus")).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'bogus'");
    }

    @Test
    void missingInboxIsAnUnreadableInputWithItsOwnExitCode(@TempDir Path dir) {
        assertThat(run("ingest", "--input", dir.resolve("nope").toString(), "--output", dir.toString(), "--demo-key"))
                .isEqualTo(ExitCodes.UNREADABLE_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Cannot read --input " + dir.resolve("nope")
                + ": not a readable folder");
    }

    @Test
    void refusesToRunWithoutAKey(@TempDir Path dir) {
        assertThat(run("ingest", "--input", dir.toString(), "--output", dir.toString()))
                .isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no study key", "--key-file", "TIEDEPTH_KEY");
    }

    @Test
    void refusesAShortKeyFile(@TempDir Path dir) throws Exception {
        Path key = Files.writeString(dir.resolve("key"), "short\n");
        assertThat(run("ingest", "--input", dir.toString(), "--output", dir.toString(), "--key-file", key.toString()))
                .isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("has 5 bytes, at least 16 are needed");
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("short\n");
    }

    @Test
    void badNumbersAndDatesNameTheOption(@TempDir Path dir) {
        assertThat(run("run", "--input", dir.toString(), "--output", dir.toString(), "--demo-key", "--burst-k", "0"))
                .isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Cannot use --burst-k 0: expected a whole number");
        assertThat(run("run", "--input", dir.toString(), "--output", dir.toString(), "--demo-key", "--run-date",
                "22/11/2026")).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Cannot use --run-date 22/11/2026: expected YYYY-MM-DD");
        assertThat(run("run", "--input", dir.toString(), "--output", dir.toString(), "--demo-key", "--conf", "nokey"))
                .isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Cannot use --conf nokey: expected KEY=VALUE");
        assertThat(run("run", "--input", dir.toString(), "--output", dir.toString(), "--demo-key", "--panel-period",
                "week"))
                .isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("Cannot use --panel-period week: expected month or quarter");
    }

    @Test
    void missingOutputIsReported(@TempDir Path dir) {
        assertThat(run("ingest", "--input", dir.toString(), "--demo-key")).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Missing option --output DIR");
    }

    @Test
    void versionIsPrinted() {
        assertThat(run("--version")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("tiedepth " + Versions.TIEDEPTH)
                .contains("Spark 3.5");
    }

    @Test
    void aMissingWarehouseIsAnUnreadableInputNamedBeforeSparkStarts(@TempDir Path dir) {
        String absent = dir.resolve("no-such-warehouse").toString();
        assertThat(run("features", "--warehouse", absent)).isEqualTo(ExitCodes.UNREADABLE_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Cannot read the warehouse " + absent
                + ": no such folder");
        assertThat(run("claims", "--warehouse", dir.toString())).isEqualTo(ExitCodes.UNREADABLE_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("it has no features/tie_features/ yet");
        assertThat(run("report", "--warehouse", absent)).isEqualTo(ExitCodes.UNREADABLE_INPUT);
    }

    @Test
    void theDemoKeyGivenAsTheStudyKeyIsRefusedWithoutDemoKey(@TempDir Path dir) {
        int code = Main.run(new String[] {"run", "--input", dir.toString(), "--output", dir.resolve("w").toString()},
                outStream, errStream, Map.of("TIEDEPTH_KEY", "tiedepth-DEMO-key-NOT-PRIVATE-do-not-use-for-real-data"));
        assertThat(code).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("it is the public demo key");
    }

    @Test
    void everyExitCodeIsInTheReadmeTable() throws java.io.IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        for (int code : new int[] {ExitCodes.OK, ExitCodes.BAD_ARGUMENTS, ExitCodes.UNREADABLE_INPUT,
                ExitCodes.STAGE_FAILED, ExitCodes.KEY_MISMATCH, ExitCodes.WAREHOUSE_BUSY}) {
            assertThat(readme).contains("| " + code + " |");
        }
    }
}
