package io.tiedepth.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** scripts/tiedepth's own options, run as a process. */
class LauncherScriptTest {
    private static final Path SCRIPT = Path.of("..", "scripts", "tiedepth").toAbsolutePath().normalize();

    /**
     * A standalone cluster-mode driver is started by a worker without Spark's Java 17 flags (README, "On a cluster
     * with spark-submit"): {@code --driver-java-options "$(scripts/tiedepth --add-opens)"} passes them, so the
     * option prints the flags these tests run with (the parent pom's {@code spark.add-opens}), at once, on one line.
     */
    @Test
    void addOpensPrintsTheFlagsSparkRunsWithWithoutBuildingOrStartingSpark() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", SCRIPT.toString(), "--add-opens");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.exitValue()).isZero();
        assertThat(out.lines()).hasSize(1);
        List<String> testJvmOpens = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens=")).toList();
        assertThat(testJvmOpens).isNotEmpty();
        assertThat(Arrays.asList(out.strip().split(" ")))
                .containsExactlyElementsOf(testJvmOpens)
                .contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED");
    }
}
