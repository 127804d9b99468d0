package io.tiedepth.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code claims} command's options and their validation (before Spark starts). */
class ClaimsCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    @Test
    void claimsIsListedAndItsHelpNamesEveryThreshold() {
        Main.run(new String[0], Map.of());
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("claims");
        assertThat(Main.run(new String[] {"claims", "--help"}, Map.of())).isEqualTo(ExitCodes.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--warehouse", "--run-date", "--seed", "--bootstrap",
                "--min-owners", "--k-min", "--mega", "--burst-k", "--dormancy-days", "--response-days");
    }

    @Test
    void runAcceptsTheClaimOptionsToo() {
        assertThat(Main.run(new String[] {"run", "--help"}, Map.of())).isEqualTo(ExitCodes.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--seed", "--bootstrap", "--min-owners", "--k-min",
                "--mega");
    }

    @Test
    void badSeedIsABadArgument() {
        assertThat(Main.run(new String[] {"claims", "--output", "/tmp/x", "--seed", "abc"}, Map.of()))
                .isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Cannot use --seed abc: expected a whole number");
    }

    @Test
    void zeroResamplesIsABadArgument() {
        assertThat(Main.run(new String[] {"claims", "--output", "/tmp/x", "--bootstrap", "0"}, Map.of()))
                .isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Cannot use --bootstrap 0: expected a whole number");
    }
}
