package io.tiedepth.jobs.report;

import static io.tiedepth.jobs.report.ReportText.count;
import static io.tiedepth.jobs.report.ReportText.md;
import static io.tiedepth.jobs.report.ReportText.num;
import static io.tiedepth.jobs.report.ReportText.pct;

import io.tiedepth.claims.Claims;
import io.tiedepth.claims.PanelCurve;
import io.tiedepth.jobs.report.ReportModel.ClaimRow;
import io.tiedepth.jobs.report.ReportModel.CohortRow;
import io.tiedepth.jobs.report.ReportModel.DepthMix;
import io.tiedepth.jobs.report.ReportModel.Header;
import io.tiedepth.jobs.report.ReportModel.LayerRow;
import io.tiedepth.jobs.report.ReportModel.MonthCount;
import io.tiedepth.jobs.report.ReportModel.PlatformCount;
import io.tiedepth.jobs.report.ReportModel.ReasonCount;
import io.tiedepth.jobs.report.ReportModel.ResponseRow;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code report.md}: the page's twin in Markdown, with the charts' numbers as tables. Same suppression. */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    private static void claims(StringBuilder b, ReportModel m) {
        b.append("\n## Claims\n\n").append(ReportText.verdictMeaning(m.testableClaims())).append("\n\n"
                + "Estimate, 95 % owner-bootstrap interval, Holm-adjusted interval at its level, null value; verdict "
                + "after Holm.\n\n| claim | in plain words (seed post) | estimate | 95 % CI | Holm-adjusted CI | null "
                + "| verdict | owners | p (Holm) | why, when not decided |\n|---|---|---:|---|---|---:|---|---:|---:|---|\n");
        claimRows(b, m, m.betweenClaims());
    }

    /** One table row per claim, the same columns in both families' sections. */
    private static void claimRows(StringBuilder b, ReportModel m, List<ClaimRow> claims) {
        for (ClaimRow c : claims) {
            boolean hide = m.hides(c);
            b.append("| ").append(c.id()).append(" | ").append(md(c.statement())).append(" (seed ")
                    .append(md(c.seeds())).append(") | ");
            if (hide) {
                b.append("suppressed |  |  | ").append(num(c.nullValue())).append(" | ").append(c.verdict())
                        .append(" | < k_min |  | ");
            } else {
                b.append(num(c.estimate())).append(" | ").append(ReportText.interval(c.ciLow(), c.ciHigh()))
                        .append(" | ").append(c.hasAdjusted() ? ReportText.interval(c.ciLowAdjusted(),
                                c.ciHighAdjusted()) + " (" + ReportText.adjustedLabel(c.adjustedLevel()) + ")" : "")
                        .append(" | ").append(num(c.nullValue())).append(" | **").append(c.verdict()).append("** | ")
                        .append(count(c.nOwners())).append(" | ").append(num(c.pHolm())).append(" | ");
            }
            b.append(md(c.reason())).append(" |\n");
        }
    }

    /**
     * The within-owner claims, their own Holm family, and the numbers of the within-owner chart (suppressed points
     * without their numbers); nothing for a warehouse without them.
     */
    private static void withinOwner(StringBuilder b, ReportModel m) {
        if (m.withinClaims().isEmpty()) {
            return;
        }
        b.append("\n## Within-owner claims\n\n").append(ReportText.withinMeaning(m.testableWithinClaims()))
                .append("\n\n| claim | in plain words (seed post) | estimate | 95 % CI | Holm-adjusted CI | null "
                        + "| verdict | owners | p (Holm, family of ").append(Claims.WITHIN_OWNER.size())
                .append(") | why, when not decided |\n|---|---|---:|---|---|---:|---|---:|---:|---|\n");
        claimRows(b, m, m.withinClaims());
        b.append("\n").append(ReportText.withinChartCaption(m.header().kMin())).append("\n\n| size class at the "
                + "end of the panel | ties held (bin) | owners | ties held (median) | active ties (median) |\n"
                + "|---|---|---:|---:|---:|\n");
        Set<String> hiddenClasses = m.panelCurve().stream().map(PanelCurve.Point::sizeClass)
                .filter(c -> m.panelCurve().stream().allMatch(p -> !p.sizeClass().equals(c) || p.suppressed()))
                .collect(Collectors.toSet());
        Set<String> listed = new HashSet<>();
        for (PanelCurve.Point p : m.panelCurve()) {
            if (hiddenClasses.contains(p.sizeClass())) {
                if (listed.add(p.sizeClass())) {
                    b.append("| ").append(md(p.sizeClass())).append(" | all | ").append(ReportText.SUPPRESSED)
                            .append(" | | |\n");
                }
                continue;
            }
            b.append("| ").append(md(p.sizeClass())).append(" | ").append(binLabel(p.bin())).append(" | ")
                    .append(p.suppressed() ? ReportText.SUPPRESSED + " | | |\n" : count(p.owners()) + " | "
                            + num(p.tiesHeld()) + " | " + num(p.medianActive()) + " |\n");
        }
    }

    /** A log2 bin of ties held as its range: "1", "2–3", "4–7", ... */
    static String binLabel(int bin) {
        long low = 1L << bin;
        long high = (1L << (bin + 1)) - 1;
        return low == high ? count(low) : count(low) + "–" + count(high);
    }

    /** The per-platform estimates, one column per platform; nothing when there are none. */
    private static void platformClaims(StringBuilder b, ReportModel m) {
        if (m.platforms().isEmpty()) {
            return;
        }
        b.append("\n### Claims per platform\n\nEach claim on the owners of each platform with at least min_owners "
                + "owners, Holm within each platform: estimate [95 % CI] verdict (owners).\n\n| claim |");
        m.platforms().forEach(p -> b.append(" ").append(md(p)).append(" |"));
        b.append("\n|---|").append("---|".repeat(m.platforms().size())).append("\n");
        for (ClaimRow pooled : m.claims()) {
            b.append("| ").append(pooled.id()).append(" |");
            for (String p : m.platforms()) {
                b.append(" ");
                m.platformClaims().stream().filter(c -> c.platform().equals(p) && c.id().equals(pooled.id()))
                        .findFirst().ifPresent(c -> b.append(m.hides(c) ? "suppressed, " + c.verdict()
                                : (num(c.estimate()) + " " + ReportText.interval(c.ciLow(), c.ciHigh()) + " "
                                + c.verdict() + " (" + count(c.nOwners()) + ")").strip()));
                b.append(" |");
            }
            b.append("\n");
        }
    }

    public static String render(ReportModel m) {
        Header h = m.header();
        StringBuilder b = new StringBuilder();
        b.append("# tiedepth research report, ").append(h.runDate()).append("\n\n");
        for (ReportModel.Banner banner : m.banners()) {
            b.append("> **").append(md(banner.text())).append("**\n\n");
        }
        b.append("| | |\n|---|---|\n");
        b.append("| run id | ").append(md(h.runId())).append(" |\n");
        b.append("| observation window | ").append(h.windowStart().isEmpty() ? "–" : h.windowStart() + " to "
                + h.windowEnd()).append(" |\n");
        if (!h.relativeSpan().isEmpty()) {
            b.append("| observation (relative times) | ").append(md(h.relativeSpan())).append(" |\n");
        }
        b.append("| key fingerprint | ").append(md(h.keyFingerprint())).append(" |\n");
        b.append("| bootstrap seed | ").append(md(h.seed())).append(" |\n");
        b.append("| tiedepth version | ").append(md(h.tiedepthVersion())).append(" |\n");
        b.append("| k_min | ").append(h.kMin()).append(" |\n\n");
        b.append("| platform | exports analysed | exports rejected | owners | ties | interactions |\n"
                + "|---|---:|---:|---:|---:|---:|\n");
        for (PlatformCount p : h.platforms()) {
            b.append("| ").append(md(p.platform())).append(" | ");
            if (m.hides(p)) {
                b.append("suppressed | suppressed | suppressed | suppressed | suppressed |\n");
            } else {
                b.append(count(p.exports())).append(" | ").append(count(p.exportsRejected())).append(" | ")
                        .append(count(p.owners())).append(" | ").append(count(p.ties())).append(" | ")
                        .append(count(p.interactions())).append(" |\n");
            }
        }
        b.append("\n").append(count(h.rejectedRecords())).append(" records quarantined.");
        if (!h.rejectReasons().isEmpty()) {
            b.append(" Top reasons:\n\n| reason code | records |\n|---|---:|\n");
            for (ReasonCount r : h.rejectReasons()) {
                b.append("| `").append(md(r.reasonCode())).append("` | ").append(count(r.count())).append(" |\n");
            }
        }
        claims(b, m);
        platformClaims(b, m);
        withinOwner(b, m);
        b.append("\n## Charts (numbers; the drawn charts are in report.html)\n\n");
        b.append("### 3. Depth of ties by size class (% of the class's ties)\n\n"
                + "| size class | owners | ties | none | one_way | reciprocal | sustained |\n"
                + "|---|---:|---:|---:|---:|---:|---:|\n");
        for (DepthMix d : m.depth()) {
            b.append("| ").append(md(d.sizeClass())).append(" | ");
            if (d.suppressed()) {
                b.append("suppressed | | | | | |\n");
            } else {
                b.append(count(d.owners())).append(" | ").append(count(d.ties())).append(" | ")
                        .append(pct(d.none(), d.ties())).append(" | ").append(pct(d.oneWay(), d.ties())).append(" | ")
                        .append(pct(d.reciprocal(), d.ties())).append(" | ").append(pct(d.sustained(), d.ties()))
                        .append(" |\n");
            }
        }
        b.append("\n### 4. Dunbar circle sizes (all owners with at least that many circles)\n\n"
                + "| circle | owners | median | q1 | q3 |\n|---:|---:|---:|---:|---:|\n");
        for (LayerRow l : m.layers()) {
            if (!l.group().equals("all")) {
                continue;
            }
            b.append("| ").append(l.layer()).append(" | ");
            b.append(l.suppressed() ? "suppressed | | | |\n" : count(l.owners()) + " | " + num(l.median())
                    + " | " + num(l.q1()) + " | " + num(l.q3()) + " |\n");
        }
        b.append("\n### 5. Interaction within 180 days of connecting\n\n"
                + "| comparison | group | owners | ties | interacted |\n|---|---|---:|---:|---:|\n");
        for (ResponseRow r : m.response()) {
            b.append("| ").append(md(r.grouping())).append(" | ").append(md(r.group())).append(" | ");
            b.append(m.hides(r) ? "suppressed | | |\n" : count(r.owners()) + " | " + count(r.ties())
                    + " | " + pct(r.interacted(), r.ties()) + " |\n");
        }
        b.append("\n### 6. Reactivations per calendar month\n\n| month | owners | reactivations |\n|---|---:|---:|\n");
        long hidden = 0;
        for (MonthCount c : m.reactivations()) {
            if (m.hides(c)) {
                hidden++;
            } else {
                b.append("| ").append(md(c.month())).append(" | ").append(count(c.owners())).append(" | ")
                        .append(count(c.ties())).append(" |\n");
            }
        }
        if (hidden > 0) {
            b.append("\n").append(ReportText.hiddenMonths(hidden, m.header().kMin())).append("\n");
        }
        if (!m.published().isEmpty()) {
            b.append("\n## Published results side by side\n\n| dataset | study | measure | published | found here "
                    + "| owners |\n|---|---|---|---|---|---:|\n");
            for (ReportModel.PublishedRow r : m.published()) {
                boolean hide = m.hides(r);
                b.append("| ").append(md(r.group())).append(" | ").append(md(r.source())).append(" | ")
                        .append(md(r.measure())).append(" | ").append(md(r.published())).append(" | ")
                        .append(hide ? "suppressed" : md(r.found())).append(" | ")
                        .append(hide ? "" : count(r.owners())).append(" |\n");
            }
        }
        b.append("\n## Cohorts by size class\n\n| metric | cohort | owners | median [q1, q3] | mean (95 % CI) |\n"
                + "|---|---|---:|---:|---:|\n");
        for (String metric : HtmlReport.COHORT_METRICS) {
            for (CohortRow c : m.cohorts()) {
                if (!c.metric().equals(metric)
                        || !(c.grouping().equals("all") || c.grouping().equals("size_class"))) {
                    continue;
                }
                b.append("| ").append(md(c.metric())).append(" | ").append(md(c.cohort())).append(" | ");
                b.append(c.suppressed() ? "suppressed | | |\n" : count(c.owners()) + " | " + num(c.median())
                        + " [" + num(c.q1()) + ", " + num(c.q3()) + "] | " + num(c.mean()) + " (" + num(c.meanCiLow())
                        + ", " + num(c.meanCiHigh()) + ") |\n");
            }
        }
        b.append("\n## Definitions\n\n");
        for (Definitions.Term t : Definitions.ALL) {
            b.append("- **").append(t.term()).append("**: ").append(t.meaning()).append("\n");
        }
        b.append("\n### How each claim is tested\n\n");
        for (ClaimRow c : m.claims()) {
            b.append("- **").append(c.id()).append("**: ").append(c.statistic()).append("\n");
        }
        return b.toString();
    }
}
