package io.tiedepth.jobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.Test;

import io.tiedepth.jobs.SparkTestBase;

/**
 * No name, URL, e-mail or message text of any sample input reaches any output of the sample run: every value of
 * every Parquet table, every other file of the warehouse (manifests, reports) and the log of the test run.
 */
public class NoPersonalDataTest extends SparkTestBase {

    @Test
    public void noPersonalDataInTablesFilesOrLogs() throws Exception {
        // the personal data of the inputs the sample run reads (not the launcher's synthetic study, when present)
        Set<String> needles = PiiScan.needles(SampleRun.committedSamples());
        assertThat(needles).as("personal data found in the samples").hasSizeGreaterThan(100);
        assertThat(PiiScan.leaks(spark(), SampleRun.warehouse(spark()), needles)).as("personal data in outputs")
                .isEmpty();
        assertThat(PiiScan.LOG).exists();
    }

    @Test
    public void theScanFindsALeakWhenThereIsOne() throws Exception {
        java.nio.file.Path w = java.nio.file.Files.createTempDirectory("leak");
        String name = PiiScan.needles(SampleRun.committedSamples()).stream().filter(n -> n.contains(" ")).findFirst()
                .orElseThrow();
        java.nio.file.Files.writeString(w.resolve("report.md"), "owner: " + name.toUpperCase());
        assertThat(PiiScan.leaks(spark(), w, Set.of(name))).hasSize(1);
    }
}
