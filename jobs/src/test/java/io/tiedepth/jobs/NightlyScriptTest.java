package io.tiedepth.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/nightly.sh with a stub launcher: the lock, the dated log and the exit code passed through. */
class NightlyScriptTest {
    private static final Path SCRIPT = Path.of("..", "scripts", "nightly.sh").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private Path stub(String body) throws IOException {
        Path s = dir.resolve("stub.sh");
        Files.writeString(s, "#!/usr/bin/env bash\n" + body + "\n");
        s.toFile().setExecutable(true);
        return s;
    }

    private Process start(Path launcher, String... args) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(concat(List.of("bash", SCRIPT.toString()), args));
        pb.environment().put("TIEDEPTH_LAUNCHER", launcher.toString());
        pb.environment().put("TIEDEPTH_LOG_DIR", dir.resolve("logs").toString());
        pb.environment().put("TIEDEPTH_LOCK_DIR", dir.resolve("locks").toString());
        pb.redirectErrorStream(true);
        return pb.start();
    }

    private static List<String> concat(List<String> a, String... b) {
        List<String> out = new java.util.ArrayList<>(a);
        out.addAll(List.of(b));
        return out;
    }

    private String log() throws IOException {
        try (var files = Files.list(dir.resolve("logs"))) {
            Path only = files.findFirst().orElseThrow();
            assertThat(only.getFileName().toString()).matches("tiedepth-\\d{4}-\\d{2}-\\d{2}\\.log");
            return Files.readString(only, StandardCharsets.UTF_8);
        }
    }

    @Test
    void passesTheRunsExitCodeThroughAndLogsItsOutput() throws Exception {
        Process p = start(stub("echo \"stub ran: $*\"; exit 4"), "--inbox", "in", "--warehouse", "w1");
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(4);
        assertThat(log()).contains("stub ran: run --inbox in --warehouse w1", "exit code 4");
    }

    @Test
    void secondRunOnTheSameWarehouseDoesNotStartWhileTheFirstHoldsTheLock() throws Exception {
        Path slow = stub("sleep 3; exit 0");
        Process first = start(slow, "--inbox", "in", "--warehouse", "w2");
        Thread.sleep(800);
        Process second = start(slow, "--inbox", "in", "--warehouse", "w2");
        assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).isEqualTo(75);
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).isZero();
        assertThat(log()).contains("another run holds", "exit code 0");
    }

    @Test
    void refusesToRunWithoutAWarehouse() throws Exception {
        Process p = start(stub("exit 0"), "--inbox", "in");
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("missing --warehouse");
    }
}
