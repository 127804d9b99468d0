package io.tiedepth.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code claims} command's options and their validation (before Spark starts). */
class ClaimsCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

    private int run(String... args) {
        return Main.run(args, outStream, errStream, Map.of());
    }

    @Test
    void claimsIsListedAndItsHelpNamesEveryThreshold() {
        run();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("claims");
        assertThat(run("claims", "--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--warehouse", "--run-date", "--seed", "--bootstrap",
                "--min-owners", "--k-min", "--mega", "--burst-k", "--dormancy-days", "--response-days");
    }

    @Test
    void runAcceptsTheClaimOptionsToo() {
        assertThat(run("run", "--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--seed", "--bootstrap", "--min-owners", "--k-min",
                "--mega");
    }

    @Test
    void badSeedIsABadArgument() {
        assertThat(run("claims", "--output", "/tmp/x", "--seed", "abc"))
                .isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Cannot use --seed abc: expected a whole number");
    }

    @Test
    void zeroResamplesIsABadArgument() {
        assertThat(run("claims", "--output", "/tmp/x", "--bootstrap", "0"))
                .isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Cannot use --bootstrap 0: expected a whole number");
    }
}
