package io.tiedepth.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.claims.ClaimInputs;
import io.tiedepth.claims.ClaimParams;
import io.tiedepth.claims.ClaimResult;
import io.tiedepth.claims.Claims;
import io.tiedepth.claims.GeneratedOwners;
import io.tiedepth.claims.OwnerMetric;
import io.tiedepth.claims.OwnerRow;
import io.tiedepth.claims.PlatformClaims;
import io.tiedepth.claims.PlatformSuppression;
import io.tiedepth.claims.PublishedResults;
import io.tiedepth.claims.ReportCsv;
import io.tiedepth.generate.GeneratorParams;
import io.tiedepth.jobs.report.ReportModel.ClaimRow;
import io.tiedepth.jobs.report.ReportModel.MonthCount;
import io.tiedepth.jobs.report.ReportModel.PlatformCount;
import io.tiedepth.jobs.report.ReportModel.ResponseRow;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
    private static final GeneratorParams SMALL = GeneratorParams.DEFAULTS.with("{\"sizes\": {\"median\": 120, "
            + "\"cap\": 1200, \"tailShare\": 0.1, \"tailMin\": 400}}");
    private static final ClaimParams PARAMS = new ClaimParams(11, 50, 30, K, 300, 10, 180, 180, 0.05);
    private static final String X = "twitter";
    private static final int X_OWNERS = 3;
    private static final int EMPTY_EXPORTS = 2;
    private static final int OWNERS_COLUMN = 2;
    private static final int TIES_COLUMN = 3;

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

    /**
     * A platform hidden in the platform table as a complement keeps no claim row: on a generated population of
     * LinkedIn and Facebook owners with 3 X owners (hidden, so the smaller of the two is hidden with them), the
     * smaller platform's claim rows counted all but its 2 owners without ties (empty exports), so C4's row (X lists
     * no requests, so nothing of X's is left out of it) was shown: the table's ties minus the platforms shown minus
     * that row's ties are X's ties, and its owners minus the row's n are 5 hidden owners.
     */
    @Test
    void aHiddenPlatformsClaimRowsCannotBeDifferencedWithThePlatformTable() {
        List<OwnerRow> owners = attackedPopulation();
        ClaimInputs inputs = ClaimInputs.of(owners);
        List<ClaimResult> pooled = Claims.evaluate(inputs, PARAMS);
        List<PlatformClaims.Row> rows = PlatformClaims.rows(pooled, PlatformClaims.evaluate(inputs, PARAMS));
        String csv = ReportCsv.claimRows(rows, PARAMS, c -> false, PlatformSuppression.decide(inputs, rows, K));
        ReportModel m = with(platformCounts(owners), claimRows(rows, true), claimRows(rows, false), List.of(),
                List.of());
        String html = HtmlReport.render(m);
        assertThat(m.platformSuppression().platforms()).contains(X).hasSize(2);

        Map<String, long[]> table = platformCells(html);
        assertThat(perPlatformRows(csv)).filteredOn(r -> !table.containsKey(r[0])).isNotEmpty()
                .allSatisfy(r -> assertThat(r[2] + r[3]).as("%s's %s row", r[0], r[1]).isEmpty());
        long xTies = owners.stream().filter(o -> o.platform().equals(X)).mapToLong(OwnerRow::nTies).sum();
        for (String[] row : perPlatformRows(csv)) {
            if (!table.containsKey(row[0]) && !row[2].isEmpty()) {
                long ties = table.get("all")[TIES_COLUMN] - shownSum(table, TIES_COLUMN) - Long.parseLong(row[3]);
                long rest = table.get("all")[OWNERS_COLUMN] - shownSum(table, OWNERS_COLUMN) - Long.parseLong(row[2]);
                assertThat(ties).as("X's ties from %s's %s row", row[0], row[1]).isNotEqualTo(xTies);
                assertThat(ReportCsv.suppressed(rest, K)).as("hidden owners outside %s's %s row: %d", row[0], row[1],
                        rest).isFalse();
            }
        }
    }

    /**
     * The page's published results hide what published.csv hides: X's 4 owners with ties are left out, so Facebook's
     * group is hidden too (C1's 74 owners with ties minus LinkedIn's 40 and Facebook's 30 were X's 4); a row of a
     * platform the page's platform table hides is hidden even without the flag (a stats/published written before it).
     */
    @Test
    void thePagesPublishedResultsHideTheLeftOutGroupsComplement() {
        List<PublishedResults.Owner> owners = new ArrayList<>();
        Map<String, Integer> groups = Map.of("linkedin", 40, "facebook", 30, X, 4);
        groups.forEach((group, n) -> {
            for (int i = 0; i < n; i++) {
                owners.add(new PublishedResults.Owner(group, 20, 5, 2, 6, null, false));
            }
        });
        List<ReportModel.PublishedRow> rows = PublishedResults.compute(owners, K).stream()
                .map(c -> new ReportModel.PublishedRow(c.group(), c.source(), c.measure(), c.published(), c.found(),
                        c.owners(), c.suppressed())).toList();
        List<PlatformCount> platforms = List.of(new PlatformCount("facebook", 30, 0, 30, 600, 150),
                new PlatformCount("linkedin", 40, 0, 40, 800, 200), new PlatformCount(X, 4, 0, 4, 80, 20));
        ReportModel m = withPublished(with(platforms, HtmlReportTest.claims("all", 0.5), List.of(), List.of(),
                List.of()), rows);
        String html = HtmlReport.render(m);
        String table = html.substring(html.indexOf("id=\"published\""), html.indexOf("</table>",
                html.indexOf("id=\"published\"")));
        assertThat(table).contains("<td>linkedin</td><td>" + PublishedResults.WILSON).doesNotContain("<td>" + X)
                .doesNotContain("<td class=\"n\">30</td></tr>").contains("<td class=\"n\">40</td></tr>");
        List<ReportModel.PublishedRow> unflagged = rows.stream().map(r -> new ReportModel.PublishedRow(r.group(),
                r.source(), r.measure(), r.published(), r.found(), r.owners(), false)).toList();
        ReportModel old = withPublished(m, unflagged);
        assertThat(old.published()).filteredOn(old::hides).extracting(ReportModel.PublishedRow::group)
                .containsOnly("facebook");
    }

    private static ReportModel withPublished(ReportModel m, List<ReportModel.PublishedRow> published) {
        return new ReportModel(m.header(), m.banners(), m.claims(), m.platformClaims(), m.owners(), m.curves(),
                m.breakpoint(), m.depth(), m.layers(), m.response(), m.reactivations(), m.cohorts(), published);
    }

    /**
     * LinkedIn and Facebook owners (seed 5), X_OWNERS of them moved to X (whose archives list no requests to
     * connect), and EMPTY_EXPORTS owners of the smaller platform with no ties.
     */
    private static List<OwnerRow> attackedPopulation() {
        List<OwnerRow> owners = new ArrayList<>(GeneratedOwners.rows(SMALL, 5, 120, List.of("linkedin", "facebook")));
        for (int i = 0; i < X_OWNERS; i++) {
            owners.set(i, changed(owners.get(i), X, Map.of(OwnerMetric.INBOUND_REQUESTS_PER_MONTH, Double.NaN)));
        }
        Map<String, Long> sizes = new TreeMap<>();
        owners.forEach(o -> sizes.merge(o.platform(), 1L, Long::sum));
        String smaller = sizes.get("facebook") < sizes.get("linkedin") ? "facebook" : "linkedin";
        int emptied = 0;
        for (int i = owners.size() - 1; emptied < EMPTY_EXPORTS; i--) {
            if (owners.get(i).platform().equals(smaller)) {
                owners.set(i, empty(owners.get(i)));
                emptied++;
            }
        }
        return owners;
    }

    private static OwnerRow changed(OwnerRow r, String platform, Map<OwnerMetric, Double> metrics) {
        Map<OwnerMetric, Double> m = new EnumMap<>(r.metrics());
        m.putAll(metrics);
        return new OwnerRow(r.exportId(), r.ownerId(), platform, r.sizeClass(), m, r.layerSizes(), r.layerRatios(),
                r.burst(), r.nonBurst(), r.note(), r.noNote(), r.reactivationMonths(), r.relativeTime(),
                r.derivedTies());
    }

    /** An export with no ties: no metric but the zero counts, no circles, outcomes or reactivations. */
    private static OwnerRow empty(OwnerRow r) {
        Map<OwnerMetric, Double> m = new EnumMap<>(OwnerMetric.class);
        for (OwnerMetric metric : OwnerMetric.values()) {
            m.put(metric, Double.NaN);
        }
        List.of(OwnerMetric.N_TIES, OwnerMetric.N_ACTIVE, OwnerMetric.N_RECIPROCAL, OwnerMetric.N_SUSTAINED)
                .forEach(metric -> m.put(metric, 0.0));
        return new OwnerRow(r.exportId(), r.ownerId(), r.platform(), r.sizeClass(), m, null, null, null, null, null,
                null, null, r.relativeTime(), r.derivedTies());
    }

    /** The platform table of a population: one export per owner, none rejected, an interaction per active tie. */
    private static List<PlatformCount> platformCounts(List<OwnerRow> owners) {
        Map<String, long[]> per = new TreeMap<>();
        for (OwnerRow o : owners) {
            long[] v = per.computeIfAbsent(o.platform(), p -> new long[3]);
            v[0]++;
            v[1] += o.nTies();
            v[2] += Math.round(o.get(OwnerMetric.N_ACTIVE));
        }
        List<PlatformCount> out = new ArrayList<>();
        per.forEach((p, v) -> out.add(new PlatformCount(p, v[0], 0, v[0], v[1], v[2])));
        return out;
    }

    /** The rows of stats/claims as the report reads them: pooled, or per platform. */
    private static List<ClaimRow> claimRows(List<PlatformClaims.Row> rows, boolean pooled) {
        return rows.stream().filter(r -> r.platform().equals(PlatformClaims.POOLED) == pooled).map(r -> {
            ClaimResult c = r.claim();
            return new ClaimRow(c.claimId(), r.platform(), c.seeds(), c.statement(), c.statistic(), c.estimate(),
                    c.ciLow(), c.ciHigh(), c.ciLowAdjusted(), c.ciHighAdjusted(), c.adjustedLevel(), c.nullValue(),
                    c.pHolm(), c.nOwners(), c.verdict().label(), c.reason());
        }).toList();
    }

    /** The page's platform table: the cells of each platform row shown, and of the "all" row. */
    private static Map<String, long[]> platformCells(String html) {
        Map<String, long[]> out = new LinkedHashMap<>();
        Matcher row = Pattern.compile("<tr><t[dh]>([a-z]+)</t[dh]>((?:<t[dh] class=\"n\">[0-9,]+</t[dh]>){5})</tr>")
                .matcher(html);
        while (row.find()) {
            String[] cells = row.group(2).replaceAll("<t[dh][^>]*>", "").split("</t[dh]>");
            long[] v = new long[cells.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = Long.parseLong(cells[i].replace(",", ""));
            }
            out.put(row.group(1), v);
        }
        return out;
    }

    private static long shownSum(Map<String, long[]> table, int column) {
        return table.entrySet().stream().filter(e -> !e.getKey().equals("all")).mapToLong(e -> e.getValue()[column])
                .sum();
    }

    /** claims.csv's per-platform rows: platform, claim, n_owners, n_ties (empty when suppressed). */
    private static List<String[]> perPlatformRows(String csv) {
        List<String> lines = csv.lines().toList();
        List<String> header = List.of(lines.get(0).split(","));
        List<String[]> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.replaceAll("\"[^\"]*\"", "x").split(",", -1);
            String platform = cells[header.indexOf("platform")];
            if (!platform.equals(PlatformClaims.POOLED)) {
                out.add(new String[] {platform, cells[header.indexOf("claim_id")], cells[header.indexOf("n_owners")],
                        cells[header.indexOf("n_ties")]});
            }
        }
        return out;
    }
}
