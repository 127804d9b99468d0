package io.tiedepth.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.jobs.report.ReportModel.ClaimRow;
import io.tiedepth.jobs.report.ReportModel.CohortRow;
import io.tiedepth.jobs.report.ReportModel.CurvePoint;
import io.tiedepth.jobs.report.ReportModel.DepthMix;
import io.tiedepth.jobs.report.ReportModel.LayerRow;
import io.tiedepth.jobs.report.ReportModel.MonthCount;
import io.tiedepth.jobs.report.ReportModel.OwnerPoint;
import io.tiedepth.jobs.report.ReportModel.PlatformCount;
import io.tiedepth.jobs.report.ReportModel.ReasonCount;
import io.tiedepth.jobs.report.ReportModel.ResponseRow;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    static ReportModel model() {
        List<ClaimRow> claims = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            boolean tested = i != 10;
            claims.add(new ClaimRow("C" + i, "00" + (i % 5), "Claim <" + i + "> & more", "statistic " + i,
                    tested ? 0.5 : Double.NaN, tested ? 0.4 : Double.NaN, tested ? 0.6 : Double.NaN, 0, 0.01,
                    i == 6 ? 7 : 100, tested ? "supported" : "not_testable", tested ? "" : "no value in exports"));
        }
        List<OwnerPoint> owners = new ArrayList<>();
        List<CurvePoint> curves = new ArrayList<>();
        for (int t = 2; t <= 4096; t *= 2) {
            for (int j = 0; j < 12; j++) {
                owners.add(new OwnerPoint(t + j, Math.max(1, (t + j) / 4), Math.max(1, (t + j) / 8)));
            }
            int bin = Integer.numberOfTrailingZeros(t);
            curves.add(new CurvePoint("n_active", bin, t, 2 * t - 1, t * 1.4, 12, t / 4.0, t / 4.0, t / 5.0, t / 3.0));
            curves.add(new CurvePoint("n_reciprocal", bin, t, 2 * t - 1, t * 1.4, 12, t / 8.0, t / 8.0, 1, 2));
            curves.add(new CurvePoint("mean_active_frequency", bin, t, 2 * t - 1, t * 1.4, 12, 50.0 / bin, 40.0 / bin,
                    1, 2));
        }
        List<DepthMix> depth = List.of(new DepthMix("<50", 40, 500, 200, 100, 50),
                new DepthMix("50-149", 30, 2000, 500, 300, 100), new DepthMix("5000+", 3, 9999, 1, 1, 1));
        List<LayerRow> layers = List.of(new LayerRow("all", 1, 50, 4, 3, 6, Double.NaN),
                new LayerRow("all", 2, 50, 14, 10, 18, Double.NaN), new LayerRow("all", 3, 40, 45, 30, 60, Double.NaN),
                new LayerRow("all", 4, 30, 140, 100, 180, Double.NaN));
        List<ResponseRow> response = List.of(new ResponseRow("burst", "yes", 20, 400, 40),
                new ResponseRow("burst", "no", 4, 77777, 12345));
        List<MonthCount> months = List.of(new MonthCount("2024-01", 12, 30), new MonthCount("2024-02", 3, 88888));
        List<CohortRow> cohorts = List.of(new CohortRow("all", "all", "n_active", 73, 12, 5, 30, 20, 15, 25),
                new CohortRow("size_class", "5000+", "n_active", 3, 424242, 1, 2, 3, 4, 5));
        ReportModel.Header h = new ReportModel.Header("2026-11-22", "2026-11-22T010203-abcd", "0.1.0", "ab12cd34",
                "20261122", 10, "2018-01-01", "2026-11-01",
                List.of(new PlatformCount("linkedin", 12, 1, 12, 3000, 5000)), 17,
                List.of(new ReasonCount("bad_date", 10), new ReasonCount("malformed_csv", 7)));
        return new ReportModel(h, claims, owners, curves, 150, depth, layers, response, months, cohorts);
    }

    /**
     * The attack: the platform table's "all" row minus the platforms shown must not give the owners of one
     * suppressed platform. With only the small platform hidden (3 owners, k_min 10), 438 - 400 - 35 = 3 would.
     */
    @Test
    void aSuppressedPlatformCannotBeRecoveredFromTheTotal() {
        ReportModel m = model();
        ReportModel.Header h0 = m.header();
        ReportModel.Header h = new ReportModel.Header(h0.runDate(), h0.runId(), h0.tiedepthVersion(),
                h0.keyFingerprint(), h0.seed(), h0.kMin(), h0.windowStart(), h0.windowEnd(), List.of(
                new PlatformCount("facebook", 35, 0, 35, 7000, 900), new PlatformCount("linkedin", 400, 2, 400, 90000,
                        12000), new PlatformCount("twitter", 3, 0, 3, 333, 44)), h0.rejectedRecords(),
                h0.rejectReasons());
        ReportModel attacked = new ReportModel(h, m.claims(), m.owners(), m.curves(), m.breakpoint(), m.depth(),
                m.layers(), m.response(), m.reactivations(), m.cohorts());
        String html = HtmlReport.render(attacked);
        java.util.regex.Matcher row = java.util.regex.Pattern.compile(
                "<tr><td>(facebook|linkedin|twitter)</td>((?:<td[^>]*>[^<]*</td>){5})</tr>").matcher(html);
        long shownOwners = 0;
        int hiddenRows = 0;
        while (row.find()) {
            String[] cells = row.group(2).replaceAll("<td[^>]*>", "").split("</td>");
            if (cells[2].equals("suppressed")) {
                hiddenRows++;
            } else {
                shownOwners += Long.parseLong(cells[2].replace(",", ""));
            }
        }
        assertThat(html).contains("<th>all</th><th class=\"n\">438</th>");
        assertThat(hiddenRows).as("a lone suppressed row is recoverable as total minus the rest").isGreaterThan(1);
        assertThat(438 - shownOwners).isNotEqualTo(3);
        assertThat(MarkdownReport.render(attacked)).contains("| twitter | suppressed |")
                .contains("| facebook | suppressed |").doesNotContain("| 333 |");
    }

    @Test
    void everyClaimIsPresentWithItsVerdict() {
        String html = HtmlReport.render(model());
        String md = MarkdownReport.render(model());
        for (int i = 1; i <= 10; i++) {
            assertThat(html).contains("id=\"C" + i + "\"");
            assertThat(md).contains("| C" + i + " |");
        }
        assertThat(html).contains("badge supported").contains("badge not_testable").contains("no value in exports");
    }

    @Test
    void textIsEscaped() {
        String html = HtmlReport.render(model());
        assertThat(html).contains("Claim &lt;1&gt; &amp; more").doesNotContain("Claim <1>");
    }

    @Test
    void suppressedCellsNeverLeakTheirNumbers() {
        ReportModel m = model();
        for (String page : List.of(HtmlReport.render(m), MarkdownReport.render(m))) {
            // the 5000+ size class (3 owners), the burst "no" group (4), the month 2024-02 (3), the 5000+ cohort
            assertThat(page).doesNotContain("77,777").doesNotContain("12,345").doesNotContain("88,888")
                    .doesNotContain("424242").doesNotContain("424,242").doesNotContain("9,999")
                    .contains("suppressed");
        }
        // C6 has 7 owners (< k_min): its row shows no estimate, interval or count
        String html = HtmlReport.render(m);
        String c6 = html.substring(html.indexOf("id=\"C6\""), html.indexOf("</tr>", html.indexOf("id=\"C6\"")));
        assertThat(c6).contains("suppressed").doesNotContain("0.5").doesNotContain("<svg");
    }

    @Test
    void noExternalResources() {
        String html = HtmlReport.render(model());
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("//cdn")
                .doesNotContain("<script").doesNotContain("@import").doesNotContain("<link");
        Matcher refs = Pattern.compile("(?:src|href)\\s*=\\s*['\"]([^'\"]*)['\"]").matcher(html);
        while (refs.find()) {
            assertThat(refs.group(1)).matches("(#|data:).*");
        }
        assertThat(html).doesNotContainPattern("url\\((?!#)");
    }

    @Test
    void everyChartHasPlottedShapes() {
        ReportModel m = model();
        List<String> charts = List.of(Charts.ties(m.owners(), m.curves(), 10, m.breakpoint()),
                Charts.frequency(m.curves(), 10), Charts.depth(m.depth(), 10), Charts.layers(m.layers(), 10));
        for (String svg : charts) {
            assertThat(svg).startsWith("<svg").endsWith("</svg>");
            // data are drawn as ellipses, rectangles or paths beyond the frame and axes
            int shapes = count(svg, "<ellipse") + count(svg, "<rect") + count(svg, "<path") + count(svg, "<circle");
            assertThat(shapes).isGreaterThan(10);
        }
        assertThat(charts.get(0)).contains("150");
        assertThat(HtmlReport.render(m)).contains("<svg role=\"img\" viewBox");
    }

    @Test
    void theSameModelGivesTheSamePage() {
        assertThat(HtmlReport.render(model())).isEqualTo(HtmlReport.render(model()));
    }

    @Test
    void emptyChartsSaySo() {
        assertThat(Charts.frequency(List.of(), 10)).isNull();
        assertThat(Charts.depth(List.of(new DepthMix("<50", 3, 1, 1, 1, 1)), 10)).isNull();
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
