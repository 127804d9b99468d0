package io.tiedepth.jobs.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.jobs.ExitCodes;
import io.tiedepth.jobs.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tiedepth generate} argument errors: exit code 2, the option and the reason, before Spark starts. */
class GenerateCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    @TempDir
    Path dir;

    private int run(String... args) {
        return Main.run(args, outStream, errStream, Map.of());
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void isListedAndItsHelpNamesItsOptions() {
        assertThat(run("--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("generate");
        assertThat(run("generate", "--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--owners", "--seed", "--platforms", "--output",
                "--params", "--tasks", "--overwrite").doesNotContain("--key-file");
    }

    @Test
    void requiresOwnersAndOutput() {
        assertThat(run("generate", "--output", dir.toString())).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(errors()).contains("tiedepth generate: Missing option --owners");
        assertThat(run("generate", "--owners", "3")).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(errors()).contains("tiedepth generate: Missing option --output");
        assertThat(run("generate", "--owners", "0", "--output", dir.toString())).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(errors()).contains("Cannot use --owners 0: expected a whole number ≥ 1");
    }

    @Test
    void refusesUnknownPlatforms() {
        assertThat(run("generate", "--owners", "3", "--output", dir.toString(), "--platforms", "linkedin,myspace"))
                .isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(errors()).contains("Cannot use --platforms: unknown platform 'myspace' "
                + "(expected linkedin, facebook, twitter; x means twitter)");
        assertThat(run("generate", "--owners", "3", "--output", dir.toString(), "--platforms", " , "))
                .isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(errors()).contains("Cannot use --platforms: no platform given");
    }

    @Test
    void namesTheBadParameterOfAParamsFile() throws IOException {
        Path params = Files.writeString(dir.resolve("p.json"), "{\"effects\": {\"c3\": {\"enabled\": false}}}");
        assertThat(run("generate", "--owners", "3", "--output", dir.toString(), "--params", params.toString()))
                .isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(errors()).contains("Cannot use --params " + params + ": unknown parameter 'effects.c3'");
        assertThat(run("generate", "--owners", "3", "--output", dir.toString(), "--params", "missing.json"))
                .isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(errors()).contains("Cannot read --params missing.json: no such readable file");
        assertThat(run("generate", "--owners", "3", "--output", dir.toString(), "--seed", "abc"))
                .isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(errors()).contains("Cannot use --seed abc: expected a whole number");
    }
}
