package io.tiedepth.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.apache.hadoop.conf.Configuration;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the operator reads: causes of failures, progress lines, the console, and which report dates exist. */
class OperatorMessagesTest {
    @TempDir
    Path dir;

    @Test
    void aFullDiskIsNamedAsTheCauseWithoutTheLibrarysMessage() {
        Exception wrapped = new RuntimeException("Job aborted: Jane Doe's file", new IOException(
                "No space left on device"));
        assertThat(Errors.describe(wrapped)).isEqualTo(
                "no space left on device (RuntimeException caused by IOException)").doesNotContain("Jane");
        assertThat(Errors.describe(new IllegalStateException("Cannot publish x: rename failed")))
                .isEqualTo("Cannot publish x: rename failed");
        assertThat(Errors.describe(new IllegalStateException("secret value"))).isEqualTo("IllegalStateException");
    }

    @Test
    void progressLinesSayTheShareDoneAndTheTimeLeft() {
        assertThat(Progress.line("ingest", "exports", 10_000, 12, 32, Duration.ofSeconds(60)))
                .isEqualTo("ingest: 12 of 32 tasks done (about 3,750 of 10,000 exports), about 2 min left");
        assertThat(Progress.line("features", null, 0, 0, 200, Duration.ofSeconds(5)))
                .isEqualTo("features: 0 of 200 tasks done");
    }

    @Test
    void theJarCarriesItsConsoleConfigurationAndInstallsIt() {
        assertThat(ConsoleLogging.class.getResource(ConsoleLogging.RESOURCE)).isNotNull();
        try {
            assertThat(ConsoleLogging.install()).isTrue();
            assertThat(LogManager.getLogger("org.apache.spark.SparkContext").isInfoEnabled()).isFalse();
            assertThat(LogManager.getLogger("io.tiedepth.jobs.RunJob").isInfoEnabled()).isTrue();
        } finally {
            Configurator.reconfigure();
        }
    }

    @Test
    void aReportDateWithoutItsStatisticsIsRefused() throws Exception {
        Warehouse w = new Warehouse(dir.toString());
        Configuration hadoop = new Configuration();
        assertThatThrownBy(() -> ReportDates.check(w, LocalDate.of(2026, 11, 20), hadoop))
                .isInstanceOf(UsageException.class).hasMessageContaining("no run of that date");

        Files.createDirectories(dir.resolve("_stages"));
        Files.writeString(dir.resolve("_stages/claims"), "run_id=2026-11-22T020000-abcd\nupstream=x\n");
        assertThat(ReportDates.check(w, null, hadoop)).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(ReportDates.check(w, LocalDate.of(2026, 11, 22), hadoop)).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThatThrownBy(() -> ReportDates.check(w, LocalDate.of(2026, 11, 20), hadoop))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("Cannot write the report of 2026-11-20: the stored statistics are those of "
                        + "the run of 2026-11-22");
    }
}
