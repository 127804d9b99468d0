package io.tiedepth.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.claims.ClaimResult;
import io.tiedepth.jobs.SparkTestBase;
import io.tiedepth.jobs.Warehouse;
import io.tiedepth.jobs.e2e.SampleRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Test;

/** The report of the sample run: written by {@code run} as its last stage, and rebuilt by {@code report}. */
public class ReportJobTest extends SparkTestBase {

    @Test
    public void theSampleRunWritesBothFilesWithEveryClaim() throws Exception {
        Path w = SampleRun.warehouse(spark());
        Path dir = w.resolve("reports").resolve(SampleRun.RUN_DATE.toString());
        Path html = dir.resolve("report.html");
        Path md = dir.resolve("report.md");
        assertThat(html).exists();
        assertThat(md).exists();
        assertThat(SampleRun.result(spark()).report().html()).endsWith("report.html");
        String page = Files.readString(html, StandardCharsets.UTF_8);
        String twin = Files.readString(md, StandardCharsets.UTF_8);
        for (int i = 1; i <= 12; i++) {
            assertThat(page).contains("id=\"C" + i + "\"");
            assertThat(twin).contains("| C" + i + " |");
        }
        assertThat(page).doesNotContain("http://").doesNotContain("https://");
        // the bundled samples (about 30 owners once the Copenhagen files are no longer shipped) are too few for any
        // chart: chart 1 draws grid cells of k_min owners and no cell reaches 10; the per-bin curves and the circle
        // sizes need bins of k_min owners; the depth mix has two size classes, one below k_min, and the other would
        // give it away as the total minus itself, so both are suppressed. Each says so instead of drawing (the charts
        // themselves are drawn in HtmlReportTest); nor does the within-owner chart (no point of k_min owners)
        assertThat(page).doesNotContain("id='c1'", "id='c3'", "id='c5'");
        assertThat(page.split("No data to plot", -1).length - 1).isEqualTo(5);
        assertThat(twin).contains("| <50 | suppressed |", "| 50-149 | suppressed |");
        assertThat(page).contains(SampleRun.KEY.fingerprint());

        // real samples: no synthetic banner; owners of several platforms; relative times exactly when an analysed
        // export starts before 1990 (the Copenhagen sample, when its data files are in data-samples)
        boolean relative = spark().read().parquet(w.resolve(Warehouse.EXPORTS).toString())
                .where("status = 'ok' and window_start < timestamp'1990-01-01 00:00:00Z'").count() > 0;
        assertThat(page).doesNotContain("id=\"banner-synthetic\"").contains("id=\"banner-mixed_platforms\"");
        assertThat(page.contains("id=\"banner-relative_time\"")).isEqualTo(relative);
        assertThat(twin).doesNotContain("Synthetic data").contains("> **Mixed platforms: owners come from ");
        assertThat(SampleRun.result(spark()).report().cautions()).containsExactlyElementsOf(relative
                ? List.of("relative times", "mixed platforms") : List.of("mixed platforms"));
        assertThat(page).contains("an association across owners, not an effect");
        String claimsCsv = Files.readString(dir.resolve("claims.csv"), StandardCharsets.UTF_8);
        assertThat(claimsCsv.lines().findFirst().orElseThrow()).contains(",ci_low_adjusted,ci_high_adjusted,"
                + "ci_level_adjusted,").endsWith(",platform,suppressed");
        assertThat(claimsCsv.lines().skip(1)).hasSize(12).allMatch(l -> l.endsWith(",all,false")
                || l.endsWith(",all,true"));
        List<ClaimResult> withAdjusted = SampleRun.result(spark()).claims().claims().stream()
                .filter(c -> !Double.isNaN(c.adjustedLevel())).toList();
        // the bundled samples alone (about 30 owners) may leave every claim not testable; HtmlReportTest checks the
        // adjusted interval on a model with testable claims
        for (ClaimResult c : withAdjusted) {
            String row = page.substring(page.indexOf("id=\"" + c.claimId() + "\""),
                    page.indexOf("</tr>", page.indexOf("id=\"" + c.claimId() + "\"")));
            String label = ReportText.adjustedLabel(c.adjustedLevel());
            assertThat(row).as(c.claimId()).contains(ReportText.interval(c.ciLowAdjusted(), c.ciHighAdjusted())
                    + " <span class=\"small\">" + label + "</span>");
            assertThat(twin).as(c.claimId()).contains("| " + ReportText.interval(c.ciLowAdjusted(),
                    c.ciHighAdjusted()) + " (" + label + ") |");
        }
        if (System.getProperty("tiedepth.report.copy") != null) {
            Files.copy(html, Path.of(System.getProperty("tiedepth.report.copy")),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }

        // the report command rebuilds the same page from the stored outputs (header from the manifest)
        ReportJob.Result again = ReportJob.run(spark(), new ReportJob.Config(new Warehouse(w.toString()),
                SampleRun.RUN_DATE, 10, null));
        assertThat(Files.readString(html, StandardCharsets.UTF_8)).isEqualTo(page);
        assertThat(again.markdown()).endsWith("report.md");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }
}
