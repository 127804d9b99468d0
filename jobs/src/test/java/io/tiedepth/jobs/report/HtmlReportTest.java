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

    static final List<PlatformCount> ONE_PLATFORM = List.of(new PlatformCount("linkedin", 12, 1, 12, 3000, 5000));

    static ReportModel model() {
        return model(List.of(), List.of());
    }

    /** C1..C9 tested (C8 without an adjusted interval), C10 not testable, C6 below k_min. */
    static List<ClaimRow> claims(String platform, double estimate) {
        List<ClaimRow> claims = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            boolean tested = i != 10;
            boolean adjusted = tested && i != 8;
            claims.add(new ClaimRow("C" + i, platform, "00" + (i % 5), "Claim <" + i + "> & more", "statistic " + i,
                    tested ? estimate : Double.NaN, tested ? 0.4 : Double.NaN, tested ? 0.6 : Double.NaN,
                    adjusted ? 0.3 : Double.NaN, adjusted ? 0.7 : Double.NaN, adjusted ? 0.99444 : Double.NaN, 0,
                    0.01, i == 6 ? 7 : 100, tested ? "supported" : "not_testable", tested ? "" : "no value in exports"));
        }
        return claims;
    }

    static ReportModel model(List<ReportModel.Banner> banners, List<ClaimRow> platformClaims) {
        List<ClaimRow> claims = claims("all", 0.5);
        List<OwnerPoint> owners = new ArrayList<>();
        List<CurvePoint> curves = new ArrayList<>();
        for (int t = 2; t <= 4096; t *= 2) {
            for (int j = 0; j < 12; j++) {
                owners.add(new OwnerPoint(t + j, Math.max(1, (t + j) / 4), Math.max(1, (t + j) / 8)));
            }
            int bin = Integer.numberOfTrailingZeros(t);
            curves.add(new CurvePoint("n_active", bin, t, 2 * t - 1, t * 1.4, 12, t / 4.0, t / 4.0, t / 5.0, t / 3.0,
                    false));
            curves.add(new CurvePoint("n_reciprocal", bin, t, 2 * t - 1, t * 1.4, 12, t / 8.0, t / 8.0, 1, 2, false));
            curves.add(new CurvePoint("mean_active_frequency", bin, t, 2 * t - 1, t * 1.4, 12, 50.0 / bin, 40.0 / bin,
                    1, 2, false));
        }
        List<DepthMix> depth = List.of(new DepthMix("<50", 40, 500, 200, 100, 50, false),
                new DepthMix("50-149", 30, 2000, 500, 300, 100, false),
                new DepthMix("5000+", 3, 9999, 1, 1, 1, true));
        List<LayerRow> layers = List.of(new LayerRow("all", 1, 50, 4, 3, 6, Double.NaN, false),
                new LayerRow("all", 2, 50, 14, 10, 18, Double.NaN, false),
                new LayerRow("all", 3, 40, 45, 30, 60, Double.NaN, false),
                new LayerRow("all", 4, 30, 140, 100, 180, Double.NaN, false));
        List<ResponseRow> response = List.of(new ResponseRow("burst", "yes", 20, 400, 40),
                new ResponseRow("burst", "no", 4, 77777, 12345));
        List<MonthCount> months = List.of(new MonthCount("2024-01", 12, 30), new MonthCount("2024-02", 3, 88888));
        List<CohortRow> cohorts = List.of(new CohortRow("all", "all", "n_active", 73, 12, 5, 30, 20, 15, 25, false),
                new CohortRow("size_class", "5000+", "n_active", 3, 424242, 1, 2, 3, 4, 5, true));
        ReportModel.Header h = new ReportModel.Header("2026-11-22", "2026-11-22T010203-abcd", "0.1.0", "ab12cd34",
                "20261122", 10, "2018-01-01", "2026-11-01",
                ONE_PLATFORM, 17, List.of(new ReasonCount("bad_date", 10), new ReasonCount("malformed_csv", 7)));
        return new ReportModel(h, banners, claims, platformClaims, owners, curves, 150, depth, layers, response, months,
                cohorts);
    }

    private static String row(String page, String id) {
        int at = page.indexOf("id=\"" + id + "\"");
        return page.substring(at, page.indexOf("</tr>", at));
    }

    @Test
    void theAdjustedIntervalStandsBesideThe95IntervalWithItsLevel() {
        String html = HtmlReport.render(model());
        String c1 = row(html, "C1");
        assertThat(c1).contains("[0.4, 0.6] <span class=\"small\">95 %</span>")
                .contains("[0.3, 0.7] <span class=\"small\">Holm-adjusted, 99.4 %</span>")
                .contains("<path class=\"adjusted\"");
        assertThat(row(html, "C8")).contains("[0.4, 0.6]").doesNotContain("Holm-adjusted")
                .doesNotContain("class=\"adjusted\"");
        String md = MarkdownReport.render(model());
        assertThat(md).contains("| C1 | Claim <1> & more (seed 001) | 0.5 | [0.4, 0.6] | [0.3, 0.7] (Holm-adjusted, "
                + "99.4 %) | 0 | **supported** |");
        assertThat(md).contains("| C8 | Claim <8> & more (seed 003) | 0.5 | [0.4, 0.6] |  | 0 |");
    }

    @Test
    void theMeaningOfAVerdictIsSaidNextToTheClaimsTable() {
        String html = HtmlReport.render(model());
        String claims = html.substring(html.indexOf("id=\"claims\""), html.indexOf("<table", html.indexOf(
                "id=\"claims\"")));
        assertThat(claims).contains("supported = consistent with the claim in these donors: an association across "
                + "owners, not an effect.").contains("for testing 9 claims at once (Holm)");
        String md = MarkdownReport.render(model());
        assertThat(md.substring(md.indexOf("## Claims"), md.indexOf("| claim |"))).contains(
                "an association across owners, not an effect").contains("testing 9 claims at once (Holm)");
    }

    @Test
    void bannersStandAtTheTopOnlyWhenTheyApply() {
        String plain = HtmlReport.render(model());
        assertThat(plain).doesNotContain("class=\"banner\"");
        assertThat(MarkdownReport.render(model())).doesNotContain("> **");
        List<ReportModel.Banner> all = Banners.of(12, 12, 3, List.of(ONE_PLATFORM.get(0),
                new PlatformCount("network", 1, 0, 850, 9000, 90000)), false, p -> false);
        assertThat(all).extracting(ReportModel.Banner::kind).containsExactly(Banners.SYNTHETIC,
                Banners.RELATIVE_TIME, Banners.MIXED_PLATFORMS);
        String html = HtmlReport.render(model(all, List.of()));
        int data = html.indexOf("id=\"data\"");
        for (String kind : List.of("synthetic", "relative_time", "mixed_platforms")) {
            assertThat(html.indexOf("id=\"banner-" + kind + "\"")).as(kind).isPositive().isLessThan(data);
        }
        assertThat(html).contains("Synthetic data: all 12 analysed exports were written by tiedepth generate")
                .contains("Relative times: 3 of 12 analysed exports have relative times")
                .contains("Mixed platforms: owners come from linkedin (12), network (850)");
        String md = MarkdownReport.render(model(all, List.of()));
        assertThat(md.indexOf("> **Synthetic data:")).isPositive().isLessThan(md.indexOf("| run id |"));
    }

    @Test
    void eachBannerHasItsOwnCondition() {
        PlatformCount none = new PlatformCount("facebook", 0, 2, 0, 0, 0);
        PlatformCount fb = new PlatformCount("facebook", 40, 0, 40, 9000, 30000);
        assertThat(Banners.of(12, 0, 0, ONE_PLATFORM, false, p -> false)).isEmpty();
        assertThat(Banners.of(12, 0, 0, List.of(ONE_PLATFORM.get(0), none), false, p -> false)).isEmpty();
        assertThat(Banners.of(12, 1, 0, ONE_PLATFORM, false, p -> false)).extracting(ReportModel.Banner::kind)
                .containsExactly(Banners.SYNTHETIC);
        assertThat(Banners.of(12, 0, 1, ONE_PLATFORM, false, p -> false)).extracting(ReportModel.Banner::kind)
                .containsExactly(Banners.RELATIVE_TIME);
        assertThat(Banners.of(52, 0, 0, List.of(ONE_PLATFORM.get(0), fb), true, p -> false)).singleElement()
                .satisfies(b -> assertThat(b.text()).endsWith("per-platform estimates are under the claims."));
        java.time.Instant y1970 = java.time.Instant.parse("1970-01-29T10:00:00Z");
        java.time.Instant y2018 = java.time.Instant.parse("2018-05-01T00:00:00Z");
        assertThat(Banners.looksRelative(null, y1970)).isTrue();
        assertThat(Banners.looksRelative(null, java.time.Instant.parse("1990-01-01T00:00:00Z"))).isFalse();
        assertThat(Banners.looksRelative(null, y2018)).isFalse();
        assertThat(Banners.looksRelative(null, null)).isFalse();
        // the exports' time_origin, when there is one, decides
        assertThat(Banners.looksRelative("relative", y2018)).isTrue();
        assertThat(Banners.looksRelative("absolute", y1970)).isFalse();
    }

    @Test
    void claimsCarriedByFewOwnersGetABannerNamingThem() {
        java.util.Map<String, Double> df = new java.util.LinkedHashMap<>();
        df.put("C1", 5.6);
        df.put("C3", 99.0);
        df.put("C4", 9.99);
        assertThat(Banners.fewEffectiveOwners(df)).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo(Banners.FEW_EFFECTIVE_OWNERS);
            assertThat(b.text()).startsWith("Few owners carry C1 (5.6), C4 (9.99):").doesNotContain("C3");
        });
        assertThat(Banners.fewEffectiveOwners(java.util.Map.of("C1", 10.0, "C9", 45.0))).isEmpty();
    }

    @Test
    void perPlatformClaimsAreACompactTableUnderTheClaimsWithSuppression() {
        assertThat(HtmlReport.render(model())).doesNotContain("id=\"per-platform\"");
        assertThat(MarkdownReport.render(model())).doesNotContain("Claims per platform");
        List<ClaimRow> perPlatform = new ArrayList<>(claims("facebook", 0.25));
        perPlatform.addAll(claims("linkedin", 0.75));
        ReportModel m = model(List.of(), perPlatform);
        String html = HtmlReport.render(m);
        String table = html.substring(html.indexOf("id=\"per-platform\""), html.indexOf("</table>",
                html.indexOf("id=\"per-platform\"")));
        assertThat(html.indexOf("id=\"per-platform\"")).isGreaterThan(html.indexOf("id=\"C10\""));
        assertThat(table).contains("<th>facebook</th><th>linkedin</th>").contains("0.25 [0.4, 0.6]")
                .contains("0.75 [0.4, 0.6]").contains("n = 100");
        String c6 = table.substring(table.indexOf("<b>C6</b>"), table.indexOf("</tr>", table.indexOf("<b>C6</b>")));
        assertThat(c6).contains("suppressed").doesNotContain("0.25").doesNotContain("n = 7");
        String md = MarkdownReport.render(m);
        assertThat(md).contains("| claim | facebook | linkedin |").contains("| C1 | 0.25 [0.4, 0.6] supported (100) "
                + "| 0.75 [0.4, 0.6] supported (100) |").contains("| C6 | suppressed, supported | suppressed, "
                + "supported |");
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
        ReportModel attacked = new ReportModel(h, m.banners(), m.claims(), m.platformClaims(), m.owners(), m.curves(),
                m.breakpoint(), m.depth(), m.layers(), m.response(), m.reactivations(), m.cohorts());
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

    /**
     * Chart 1 draws no owner alone: with k_min = 10, nine owners at one point draw nothing, ten draw one dot; and a
     * page of 20,000 owners draws no more dots than one of 200 over the same spread (it grew with every owner).
     */
    @Test
    void theTiesChartDrawsCellsOfKMinOwnersNotOwners() {
        List<OwnerPoint> nine = java.util.Collections.nCopies(9, new OwnerPoint(300, 40, 20));
        assertThat(Charts.cells("a", nine, OwnerPoint::nActive, 10).getItemCount()).isZero();
        List<OwnerPoint> ten = java.util.Collections.nCopies(10, new OwnerPoint(300, 40, 20));
        assertThat(Charts.cells("a", ten, OwnerPoint::nActive, 10).getItemCount()).isEqualTo(1);
        java.util.Random rng = new java.util.Random(3);
        List<OwnerPoint> many = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            long ties = 1 + (long) Math.exp(rng.nextDouble() * 9);
            many.add(new OwnerPoint(ties, 1 + (long) (ties * rng.nextDouble()), 1 + (long) (ties * 0.1)));
        }
        int cells = Charts.cells("a", many, OwnerPoint::nActive, 10).getItemCount();
        assertThat(cells).isLessThan(20 * 20).isGreaterThan(10);
        String svg = Charts.ties(many, List.of(), Double.NaN, 10);
        String small = Charts.ties(many.subList(0, 2000), List.of(), Double.NaN, 10);
        assertThat(svg.length()).isLessThan(2 * small.length());
    }

    @Test
    void everyChartHasPlottedShapes() {
        ReportModel m = model();
        List<String> charts = List.of(Charts.ties(m.owners(), m.curves(), m.breakpoint(), 10),
                Charts.frequency(m.curves()), Charts.depth(m.depth()), Charts.layers(m.layers()));
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
        assertThat(Charts.frequency(List.of())).isNull();
        assertThat(Charts.depth(List.of(new DepthMix("<50", 3, 1, 1, 1, 1, true)))).isNull();
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
