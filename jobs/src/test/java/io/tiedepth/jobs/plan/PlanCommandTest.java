package io.tiedepth.jobs.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.jobs.ExitCodes;
import io.tiedepth.jobs.Main;
import io.tiedepth.plan.PlanCsv;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code tiedepth plan} on the command line: its help, argument errors (exit code 2, naming the option, the file
 * and how to fix it), a pilot warehouse that is not there (exit code 3), and a small plan from a params file,
 * written and summarised without Spark.
 */
class PlanCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    @TempDir
    Path dir;

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void isListedAndItsHelpNamesItsOptions() {
        assertThat(run("--help")).isEqualTo(ExitCodes.OK);
        assertThat(output()).contains("plan ");
        assertThat(run("plan", "--help")).isEqualTo(ExitCodes.OK);
        assertThat(output()).contains("--output", "--params", "--calibrate-from", "--donors", "--populations",
                "--bootstrap", "--resamples", "--seed", "--min-owners", "--platforms").doesNotContain("--key-file");
    }

    @Test
    void aMissingParamsFileIsNamedWithHowToFixIt() {
        assertThat(run("plan", "--output", dir.toString(), "--params", "missing.json"))
                .isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(errors()).contains("tiedepth plan: Cannot read --params missing.json: no such readable file (give "
                + "the path of a JSON file of generator parameters, as 'generate --params' reads; leave --params out "
                + "for the defaults)");
        assertThat(dir.resolve("plan.csv")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0,100", "abc", "100,-5", "50,,100", "1.5"})
    void donorsMustBePositiveWholeNumbers(String donors) {
        assertThat(run("plan", "--output", dir.toString(), "--donors", donors)).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(errors()).contains("Cannot use --donors " + donors + ": expected positive whole numbers "
                + "separated by commas (e.g. 50,100,200,400)");
    }

    @Test
    void requiresAnOutputFolder() {
        assertThat(run("plan")).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(errors()).contains("tiedepth plan: Missing option --output");
    }

    @Test
    void aPilotWithoutOwnerMetricsIsAnUnreadableInput() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("pilot"));
        assertThat(run("plan", "--output", dir.resolve("p").toString(), "--calibrate-from", empty.toString()))
                .isEqualTo(ExitCodes.UNREADABLE_INPUT);
        assertThat(errors()).contains("Cannot read --calibrate-from " + empty + ": it has no features/owner_metrics/ "
                + "(run 'tiedepth run' or 'tiedepth features' on the pilot's exports first)");
        assertThat(run("plan", "--output", dir.resolve("p").toString(), "--calibrate-from", "/no/such/pilot"))
                .isEqualTo(ExitCodes.UNREADABLE_INPUT);
        assertThat(errors()).contains("Cannot read --calibrate-from /no/such/pilot: no such folder");
    }

    @Test
    void writesThePlanFromAParamsFileWithoutSpark() throws IOException {
        Path params = Files.writeString(dir.resolve("design.json"),
                "{\"effects\": {\"c3BurstPenalty\": {\"enabled\": false}}}");
        Path output = dir.resolve("plan");
        assertThat(run("plan", "--output", output.toString(), "--params", params.toString(), "--donors", "60,30",
                "--populations", "2", "--resamples", "50", "--seed", "3")).as(errors()).isEqualTo(ExitCodes.OK);
        String csv = Files.readString(output.resolve("plan.csv"));
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith(PlanCsv.CLAIM + "," + PlanCsv.TRUTH + ","
                + PlanCsv.DONORS);
        assertThat(csv.lines()).hasSize(1 + 9 * 2).anyMatch(l -> l.startsWith("C3,null,30,2,"))
                .anyMatch(l -> l.startsWith("C1,planted,60,2,"));
        assertThat(Files.readString(output.resolve("plan-params.json"))).contains("\"c3BurstPenalty\"");
        String html = Files.readString(output.resolve("plan.html"));
        assertThat(Pattern.compile("<svg ").matcher(html).results().count()).isEqualTo(9);
        assertThat(html).doesNotContain("http://", "https://", "<script");
        assertThat(output()).contains("tiedepth plan finished: 2 populations per donor count",
                "supported at 30 / 60 donors", "donors for 80 % power", output.resolve("plan.html").toString());
        assertThat(output()).containsPattern("C3 +null +[0-9.]+ / [0-9.]+ +- \\(effect off");
        assertThat(Files.readString(output.resolve("plan_needed.csv"))).startsWith("claim,target_power,")
                .doesNotContain("C3,");
    }
}
