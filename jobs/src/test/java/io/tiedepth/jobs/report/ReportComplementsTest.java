package io.tiedepth.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.claims.ReportCsv;
import io.tiedepth.jobs.report.ReportModel.ClaimRow;
import io.tiedepth.jobs.report.ReportModel.MonthCount;
import io.tiedepth.jobs.report.ReportModel.PlatformCount;
import io.tiedepth.jobs.report.ReportModel.ResponseRow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Differencing attacks on the tables only the report publishes, each against the rendered page: the platform table
 * with its total row and the per-platform claims, the months of reactivations against the total C8 publishes, and the
 * response table against the other comparison of the same ties. Each first shows what k_min alone gives away.
 */
class ReportComplementsTest {
    private static final int K = 10;

    private static ReportModel with(List<PlatformCount> platforms, List<ClaimRow> claims, List<ClaimRow> perPlatform,
                                    List<ResponseRow> response, List<MonthCount> months) {
        ReportModel m = HtmlReportTest.model();
        ReportModel.Header h0 = m.header();
        ReportModel.Header h = new ReportModel.Header(h0.runDate(), h0.runId(), h0.tiedepthVersion(),
                h0.keyFingerprint(), h0.seed(), K, h0.windowStart(), h0.windowEnd(), platforms, h0.rejectedRecords(),
                h0.rejectReasons());
        return new ReportModel(h, m.banners(), claims, perPlatform, m.owners(), m.curves(), m.breakpoint(), m.depth(),
                m.layers(), response, months, m.cohorts());
    }

    /** Owners of the platform rows shown, and the hidden rows' owners, from the page. */
    private static long[] platformTable(String html) {
        Matcher row = Pattern.compile("<tr><td>([a-z]+)</td>((?:<td[^>]*>[^<]*</td>){5})</tr>").matcher(html);
        long shown = 0;
        long hiddenRows = 0;
        while (row.find()) {
            String[] cells = row.group(2).replaceAll("<td[^>]*>", "").split("</td>");
            if (cells[2].equals(ReportText.SUPPRESSED)) {
                hiddenRows++;
            } else {
                shown += Long.parseLong(cells[2].replace(",", ""));
            }
        }
        Matcher total = Pattern.compile("<tr><th>all</th>(?:<th[^>]*>[^<]*</th>){2}<th class=\"n\">([0-9,]+)</th>")
                .matcher(html);
        return new long[] {total.find() ? Long.parseLong(total.group(1).replace(",", "")) : -1, shown, hiddenRows};
    }

    /**
     * Two small platforms hidden together (3 and 4 owners) are 7 owners: the total minus the platforms shown gives
     * their owners, exports, ties and interactions. The first platform rule took a complement for a lone hidden row
     * only.
     */
    @Test
    void smallPlatformsHiddenTogetherTakeAComplement() {
        List<PlatformCount> platforms = List.of(new PlatformCount("facebook", 35, 0, 35, 7000, 900),
                new PlatformCount("linkedin", 400, 2, 400, 90000, 12000),
                new PlatformCount("twitter", 3, 0, 3, 333, 44), new PlatformCount("xing", 4, 0, 4, 444, 55));
        ReportModel m = with(platforms, HtmlReportTest.claims("all", 0.5), List.of(), List.of(), List.of());
        long[] t = platformTable(HtmlReport.render(m));
        assertThat(t[0]).isEqualTo(442);
        assertThat(t[2]).isEqualTo(3);
        assertThat(ReportCsv.suppressed(t[0] - t[1], K)).as("the hidden rows' owners, %d", t[0] - t[1]).isFalse();
        assertThat(MarkdownReport.render(m)).contains("| facebook | suppressed |").doesNotContain("| 7,000 |");
    }

    /**
     * X has 3 owners and no per-platform claims (fewer than min_owners): the pooled claim's owners minus Facebook's
     * and LinkedIn's gave them, and the platform table's complement (Facebook) was printed in the claims per
     * platform ("n = 40") and in the mixed-platforms banner with X's own 3.
     */
    @Test
    void theClaimsPerPlatformAndTheBannerDoNotUndoThePlatformTable() {
        List<PlatformCount> platforms = List.of(new PlatformCount("facebook", 40, 0, 40, 7000, 900),
                new PlatformCount("linkedin", 400, 2, 400, 90000, 12000),
                new PlatformCount("twitter", 3, 0, 3, 333, 44));
        List<ClaimRow> pooled = counts(HtmlReportTest.claims("all", 0.5), 443);
        List<ClaimRow> per = new ArrayList<>(counts(HtmlReportTest.claims("facebook", 0.25), 40));
        per.addAll(counts(HtmlReportTest.claims("linkedin", 0.75), 400));
        ReportModel m = with(platforms, pooled, per, List.of(), List.of());
        String html = HtmlReport.render(m);
        String table = html.substring(html.indexOf("id=\"per-platform\""), html.indexOf("</table>",
                html.indexOf("id=\"per-platform\"")));
        assertThat(table).contains("n = 400").doesNotContain("n = 40<").doesNotContain("0.25");
        long[] t = platformTable(html);
        assertThat(ReportCsv.suppressed(t[0] - t[1], K)).isFalse();
        assertThat(MarkdownReport.render(m)).contains("| C1 | suppressed, supported | 0.75 [0.4, 0.6] supported "
                + "(400) |");

        List<ReportModel.Banner> banners = Banners.of(443, 0, 0, platforms, true,
                m.platformSuppression()::hidesPlatform);
        assertThat(banners).singleElement().satisfies(b -> assertThat(b.text()).contains(
                "facebook (suppressed), linkedin (400), twitter (suppressed)").doesNotContain("(3)"));
    }

    /** Every claim row with the same owner count, but C6 (7 owners: below k_min). */
    private static List<ClaimRow> counts(List<ClaimRow> claims, long owners) {
        return claims.stream().map(c -> new ClaimRow(c.id(), c.platform(), c.seeds(), c.statement(), c.statistic(),
                c.estimate(), c.ciLow(), c.ciHigh(), c.ciLowAdjusted(), c.ciHighAdjusted(), c.adjustedLevel(),
                c.nullValue(), c.pHolm(), c.id().equals("C6") ? 7 : owners, c.verdict(), c.reason())).toList();
    }

    /**
     * One owner alone in ten months: each month is hidden, and C8's total (reactivations in eligible months plus
     * outside, in claims.csv) minus the months shown gives that owner's 50 reactivations. Ten hidden months of one
     * owner each are not ten owners: the audit counts the distinct exports behind them.
     */
    @Test
    void hiddenMonthsCannotBeRecoveredFromTheTotal() {
        List<MonthCount> months = new ArrayList<>();
        Map<String, Set<String>> exports = new java.util.HashMap<>();
        for (int i = 1; i <= 10; i++) {
            String month = String.format("2023-%02d", i);
            months.add(new MonthCount(month, 1, 5));
            exports.put(month, Set.of("z"));
        }
        months.add(new MonthCount("2024-01", 12, 30));
        exports.put("2024-01", ids("a", 12));
        months.add(new MonthCount("2024-02", 15, 40));
        exports.put("2024-02", ids("b", 15));
        long total = months.stream().mapToLong(MonthCount::ties).sum();

        ReportModel before = with(HtmlReportTest.ONE_PLATFORM, HtmlReportTest.claims("all", 0.5), List.of(),
                List.of(), months);
        assertThat(total - shownReactivations(HtmlReport.render(before))).isEqualTo(50);

        List<MonthCount> audited = Complements.months(months, exports, Set.of(), K);
        ReportModel after = with(HtmlReportTest.ONE_PLATFORM, HtmlReportTest.claims("all", 0.5), List.of(),
                List.of(), audited);
        Set<String> hiddenExports = new HashSet<>();
        audited.stream().filter(after::hides).forEach(c -> hiddenExports.addAll(exports.get(c.month())));
        assertThat(ReportCsv.suppressed(hiddenExports.size(), K)).as("owners behind the hidden months").isFalse();
        assertThat(audited).filteredOn(after::hides).extracting(MonthCount::month).contains("2024-01")
                .doesNotContain("2024-02").hasSize(11);
        String md = MarkdownReport.render(after);
        assertThat(md).contains("| 2024-02 | 15 | 40 |").doesNotContain("| 2024-01 |").contains("11 month(s) suppressed");
        // the month whose count C8 publishes (its peak) stays and is never taken as a complement
        assertThat(Complements.months(months, exports, Set.of("2024-01"), K)).filteredOn(MonthCount::suppressed)
                .extracting(MonthCount::month).contains("2024-02").doesNotContain("2024-01");
    }

    private static long shownReactivations(String html) {
        Matcher row = Pattern.compile("<tr><td>\\d{4}-\\d{2}</td><td class=\"n\">[0-9,]+</td><td class=\"n\">([0-9,]+)"
                + "</td></tr>").matcher(html);
        long n = 0;
        while (row.find()) {
            n += Long.parseLong(row.group(1).replace(",", ""));
        }
        return n;
    }

    private static Set<String> ids(String prefix, int n) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i < n; i++) {
            out.add(prefix + i);
        }
        return out;
    }

    /**
     * Both comparisons of the response table cover the same ties: the burst "yes" row (4 owners) was the note rows'
     * ties minus the burst "no" row's.
     */
    @Test
    void aHiddenResponseRowCannotBeRecoveredFromTheOtherComparison() {
        String burst = "burst";
        String note = "note";
        List<ResponseRow> rows = List.of(new ResponseRow(burst, "yes", 4, 77, 7),
                new ResponseRow(burst, "no", 50, 900, 300), new ResponseRow(note, "yes", 30, 500, 200),
                new ResponseRow(note, "no", 40, 477, 107));
        ReportModel before = with(HtmlReportTest.ONE_PLATFORM, HtmlReportTest.claims("all", 0.5), List.of(), rows,
                List.of());
        assertThat(recoveredBurstYes(HtmlReport.render(before))).isEqualTo(77);

        List<ResponseRow> audited = Complements.response(rows, Map.of(burst, 52L, note, 52L), K);
        ReportModel after = with(HtmlReportTest.ONE_PLATFORM, HtmlReportTest.claims("all", 0.5), List.of(), audited,
                List.of());
        assertThat(recoveredBurstYes(HtmlReport.render(after))).isNegative();
        assertThat(audited).filteredOn(after::hides).extracting(ResponseRow::grouping).containsExactly(burst, burst);
    }

    /** Note ties (yes + no) minus the burst "no" ties, when the page shows all three; else −1. */
    private static long recoveredBurstYes(String html) {
        Matcher row = Pattern.compile("<tr><td>(burst|note)</td><td>(yes|no)</td><td class=\"n\">[0-9,]+</td>"
                + "<td class=\"n\">([0-9,]+)</td>").matcher(html);
        Map<String, Long> ties = new java.util.HashMap<>();
        while (row.find()) {
            ties.put(row.group(1) + " " + row.group(2), Long.parseLong(row.group(3).replace(",", "")));
        }
        if (!ties.keySet().containsAll(List.of("note yes", "note no", "burst no"))) {
            return -1;
        }
        return ties.get("note yes") + ties.get("note no") - ties.get("burst no");
    }
}
