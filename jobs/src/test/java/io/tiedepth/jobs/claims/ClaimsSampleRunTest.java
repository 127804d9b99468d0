package io.tiedepth.jobs.claims;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.jobs.SparkTestBase;
import io.tiedepth.jobs.e2e.SampleRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;

public class ClaimsSampleRunTest extends SparkTestBase {
    @Test
    public void printsIt() throws Exception {
        Path w = SampleRun.warehouse(spark());
        System.out.println(Files.readString(w.resolve("reports/2026-11-22/claims.csv")));
        System.out.println(io.tiedepth.jobs.SummaryAccess.claims(SampleRun.result(spark()).claims().claims()));
        spark().read().parquet(w.resolve("features/owner_metrics").toString()).groupBy("platform", "n_layers").count().show(50);
        System.out.println(Files.readString(w.resolve("reports/2026-11-22/layers.csv")));
        System.out.println(Files.readString(w.resolve("reports/2026-11-22/curves.csv")));
        assertThat(w).exists();
    }
}
