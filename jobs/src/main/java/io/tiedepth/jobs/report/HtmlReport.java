package io.tiedepth.jobs.report;

import static io.tiedepth.jobs.report.ReportText.count;
import static io.tiedepth.jobs.report.ReportText.html;
import static io.tiedepth.jobs.report.ReportText.num;
import static io.tiedepth.jobs.report.ReportText.pct;

import io.tiedepth.claims.Claims;
import io.tiedepth.jobs.report.ReportModel.ClaimRow;
import io.tiedepth.jobs.report.ReportModel.CohortRow;
import io.tiedepth.jobs.report.ReportModel.Header;
import io.tiedepth.jobs.report.ReportModel.MonthCount;
import io.tiedepth.jobs.report.ReportModel.PlatformCount;
import io.tiedepth.jobs.report.ReportModel.ReasonCount;
import io.tiedepth.jobs.report.ReportModel.ResponseRow;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code report.html}: one self-contained page (inline CSS and SVG, no script, no external resource), readable on
 * a laptop and printable. Every text is escaped; numbers of cells with fewer than k_min owners are never written.
 */
public final class HtmlReport {
    /** Cohort metrics shown in the page's cohort table (all of them are in cohorts.csv). */
    static final List<String> COHORT_METRICS = List.of("n_ties", "n_active", "n_reciprocal", "n_sustained",
            "active_share", "reciprocal_share", "interactions_per_tie", "mean_active_frequency", "burst_share",
            "reactivations", "n_layers");

    /** The owners' column among the platform table's numbers (exports, rejected, owners, ties, interactions). */
    private static final int OWNERS_COLUMN = 2;

    /** The page's style sheet, shared with the plan page ({@link PlanPage}). */
    static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#222;max-width:1100px;\
            margin:0 auto;padding:16px 24px;line-height:1.4;font-size:15px}
            h1{font-size:1.6em;margin-bottom:.2em}h2{border-bottom:2px solid #ddd;padding-bottom:.2em;margin-top:1.6em}
            table{border-collapse:collapse;margin:.6em 0;font-size:.92em}
            th,td{border:1px solid #ccc;padding:4px 7px;vertical-align:top;text-align:left}
            th{background:#f3f3f3}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            .meta td:first-child{font-weight:600;background:#fafafa}
            .badge{display:inline-block;padding:2px 8px;border-radius:10px;font-size:.85em;font-weight:600;\
            white-space:nowrap}
            .supported{background:#1a9850;color:#fff}.contradicted{background:#d73027;color:#fff}
            .inconclusive{background:#fee08b;color:#222}.not_testable{background:#bbb;color:#222}
            .sup{color:#888;font-style:italic}.small{font-size:.85em;color:#555}
            .banner{border:2px solid #d73027;background:#fff4f0;padding:8px 12px;margin:.6em 0;border-radius:4px}
            .meaning{border-left:4px solid #6baed6;background:#f4f8fb;padding:6px 12px}
            figure{margin:1em 0;page-break-inside:avoid;break-inside:avoid}figure svg{max-width:100%;height:auto}
            figcaption{font-size:.9em;color:#444;margin-top:.3em}
            dl dt{font-weight:600;margin-top:.4em}dl dd{margin-left:1.5em}
            @media print{body{max-width:none;font-size:11px;padding:0}h2{page-break-after:avoid}\
            tr,figure{page-break-inside:avoid}a{color:inherit;text-decoration:none}}
            """;

    private HtmlReport() {
    }

    public static String render(ReportModel m) {
        Header h = m.header();
        int k = h.kMin();
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>tiedepth report ").append(html(h.runDate())).append("</title>\n<style>\n")
                .append(CSS).append("</style>\n</head>\n<body>\n");
        b.append("<h1>tiedepth research report, ").append(html(h.runDate())).append("</h1>\n");
        b.append("<p class=\"small\">Do people with many connections talk to more people, or does interaction "
                + "saturate near Dunbar's number? Claims C1–C10 tested on donated exports"
                + (m.withinClaims().isEmpty() ? "" : ", and C11–C12 within owners over time") + ". Contents: "
                + "<a href=\"#data\">data</a> · <a href=\"#claims\">claims</a> · "
                + (m.withinClaims().isEmpty() ? "" : "<a href=\"#within-owner\">within-owner claims</a> · ")
                + "<a href=\"#charts\">charts</a> · "
                + "<a href=\"#cohorts\">cohorts</a> · <a href=\"#definitions\">definitions</a>.</p>\n");
        for (ReportModel.Banner banner : m.banners()) {
            b.append("<p class=\"banner\" id=\"banner-").append(html(banner.kind())).append("\"><b>")
                    .append(html(banner.text())).append("</b></p>\n");
        }
        header(b, m, m.banners().stream().anyMatch(x -> x.kind().equals(Banners.RELATIVE_TIME)));
        claims(b, m);
        platformClaims(b, m);
        withinOwner(b, m);
        b.append("<h2 id=\"charts\">Charts</h2>\n");
        figure(b, Charts.ties(m.owners(), m.curves(), m.breakpoint(), k), "1. n_active and n_reciprocal against "
                + "n_ties, log–log: one dot per cell of a grid of half-doublings holding at least k_min = " + k
                + " owners (cells of fewer owners are not drawn); squares: medians of log2 bins of n_ties with at least k_min = " + k
                + " owners that are not suppressed as complements; grey line: 150; red line: C2's fitted breakpoint "
                + "when there is one. Owners with a count of 0 cannot be drawn on a log scale and are left out of the "
                + "cells (not of the medians).");
        figure(b, Charts.frequency(m.curves()), "2. Mean contact frequency of an owner's active ties "
                + "(interactions per year), averaged over the owners of each log2 bin of n_ties (bins with at least "
                + k + " owners, not suppressed as complements), plotted at the bin's mean n_ties.");
        figure(b, Charts.depth(m.depth()), "3. Depth of every tie, pooled over the owners of each size class "
                + "(classes with fewer than " + k + " owners, and their complements, are left out).");
        figure(b, Charts.layers(m.layers()), "4. Cumulative size of each Dunbar circle over all owners with at "
                + "least that many circles (median and quartiles; circles with fewer than " + k + " owners left out), "
                + "against the published 5 / 15 / 50 / 150 aligned on the outermost circle.");
        response(b, m);
        reactivations(b, m);
        published(b, m);
        cohorts(b, m);
        b.append("<h2 id=\"definitions\">Definitions</h2>\n<dl>\n");
        for (Definitions.Term t : Definitions.ALL) {
            b.append("<dt>").append(html(t.term())).append("</dt><dd>").append(html(t.meaning())).append("</dd>\n");
        }
        b.append("</dl>\n<h3>How each claim is tested</h3>\n<table>\n<tr><th>claim</th><th>statistic and verdict "
                + "rule</th></tr>\n");
        for (ClaimRow c : m.claims()) {
            b.append("<tr><td>").append(html(c.id())).append("</td><td>").append(html(c.statistic()))
                    .append("</td></tr>\n");
        }
        b.append("</table>\n<p class=\"small\">Generated by tiedepth ").append(html(h.tiedepthVersion()))
                .append(" from the warehouse's stored statistics (stats/, tables/, features/, runs/). The CSV files "
                        + "next to this page hold every number with k_min suppression.</p>\n</body>\n</html>\n");
        return b.toString();
    }

    private static void header(StringBuilder b, ReportModel m, boolean relativeTimes) {
        Header h = m.header();
        b.append("<h2 id=\"data\">Data and run</h2>\n<table class=\"meta\">\n");
        row(b, "run date", h.runDate());
        row(b, "run id", h.runId());
        row(b, "observation window", h.windowStart().isEmpty() ? "–" : h.windowStart() + " to " + h.windowEnd()
                + (relativeTimes ? " (dates before 1990 are relative times: see the note at the top)" : ""));
        if (!h.relativeSpan().isEmpty()) {
            row(b, "observation (relative times)", h.relativeSpan());
        }
        row(b, "key fingerprint", h.keyFingerprint());
        row(b, "bootstrap seed", h.seed());
        row(b, "tiedepth version", h.tiedepthVersion());
        row(b, "k_min (suppression)", Integer.toString(h.kMin()));
        b.append("</table>\n<table>\n<tr><th>platform</th><th>exports analysed</th><th>exports rejected</th>"
                + "<th>owners</th><th>ties</th><th>interactions</th></tr>\n");
        long[] t = new long[5];
        for (PlatformCount p : h.platforms()) {
            boolean hide = m.hides(p);
            b.append("<tr><td>").append(html(p.platform())).append("</td>");
            long[] v = {p.exports(), p.exportsRejected(), p.owners(), p.ties(), p.interactions()};
            for (int i = 0; i < v.length; i++) {
                b.append(hide ? "<td class=\"sup\">suppressed</td>" : "<td class=\"n\">" + count(v[i]) + "</td>");
                t[i] += v[i];
            }
            b.append("</tr>\n");
        }
        b.append("<tr><th>all</th>");
        boolean hideTotal = m.suppressed(t[OWNERS_COLUMN]);
        for (long v : t) {
            b.append(hideTotal ? "<th class=\"sup\">suppressed</th>" : "<th class=\"n\">" + count(v) + "</th>");
        }
        b.append("</tr>\n</table>\n");
        b.append("<p>").append(count(h.rejectedRecords())).append(" records quarantined");
        if (!h.rejectReasons().isEmpty()) {
            b.append("; top reasons:</p>\n<table>\n<tr><th>reason code</th><th>records</th></tr>\n");
            for (ReasonCount r : h.rejectReasons()) {
                b.append("<tr><td><code>").append(html(r.reasonCode())).append("</code></td><td class=\"n\">")
                        .append(count(r.count())).append("</td></tr>\n");
            }
            b.append("</table>\n");
        } else {
            b.append(".</p>\n");
        }
    }

    private static void claims(StringBuilder b, ReportModel m) {
        b.append("<h2 id=\"claims\">Claims</h2>\n<p class=\"meaning\">").append(html(ReportText.verdictMeaning(
                m.testableClaims()))).append("</p>\n<p class=\"small\">Estimate with its 95 % owner-bootstrap interval "
                + "(blue bar) and its Holm-adjusted interval (black whiskers, at the level given) against the claim's "
                + "null value (red line).</p>\n<table>\n<tr><th>claim</th><th>in plain words (seed post)</th>"
                + "<th>estimate, 95 % CI, Holm-adjusted CI</th><th>interval vs null</th><th>verdict</th><th>owners</th>"
                + "<th>p (Holm)</th><th>why, when not decided</th></tr>\n");
        claimRows(b, m, m.betweenClaims());
    }

    /** The rows of a claims table (closing it): one per claim, same columns in both families' sections. */
    private static void claimRows(StringBuilder b, ReportModel m, List<ClaimRow> claims) {
        for (ClaimRow c : claims) {
            boolean hide = m.hides(c);
            b.append("<tr id=\"").append(html(c.id())).append("\"><td><b>").append(html(c.id())).append("</b></td><td>")
                    .append(html(c.statement())).append(" <span class=\"small\">(seed ").append(html(c.seeds()))
                    .append(")</span></td>");
            if (hide) {
                b.append("<td class=\"sup\">suppressed</td><td></td>");
            } else {
                b.append("<td class=\"n\">").append(intervals(c)).append("</td><td>").append(intervalBar(c))
                        .append("</td>");
            }
            b.append("<td>").append(badge(c.verdict())).append("</td>");
            b.append(hide ? "<td class=\"sup\">&lt; k_min</td><td></td>"
                    : "<td class=\"n\">" + count(c.nOwners()) + "</td><td class=\"n\">" + num(c.pHolm()) + "</td>");
            b.append("<td class=\"small\">").append(html(c.reason())).append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    /**
     * The within-owner claims (C11, C12), their own Holm family, in the claims' style, and the chart of median active
     * ties against ties held within owners by size class; nothing for a warehouse without them.
     */
    private static void withinOwner(StringBuilder b, ReportModel m) {
        if (m.withinClaims().isEmpty()) {
            return;
        }
        b.append("<h2 id=\"within-owner\">Within-owner claims</h2>\n<p class=\"meaning\">")
                .append(html(ReportText.withinMeaning(m.testableWithinClaims()))).append("</p>\n<table>\n<tr>"
                        + "<th>claim</th><th>in plain words (seed post)</th><th>estimate, 95 % CI, Holm-adjusted CI"
                        + "</th><th>interval vs null</th><th>verdict</th><th>owners</th><th>p (Holm, family of "
                        + Claims.WITHIN_OWNER.size() + ")</th><th>why, when not decided</th></tr>\n");
        claimRows(b, m, m.withinClaims());
        figure(b, Charts.withinOwner(m.panelCurve()), ReportText.withinChartCaption(m.header().kMin()));
    }

    /** The estimate, its 95 % interval and, when there is one, the Holm-adjusted interval with its level. */
    static String intervals(ClaimRow c) {
        StringBuilder s = new StringBuilder(num(c.estimate()));
        if (!Double.isNaN(c.ciLow())) {
            s.append("<br>").append(ReportText.interval(c.ciLow(), c.ciHigh())).append(" <span class=\"small\">95 %"
                    + "</span>");
        }
        if (c.hasAdjusted()) {
            s.append("<br>").append(ReportText.interval(c.ciLowAdjusted(), c.ciHighAdjusted()))
                    .append(" <span class=\"small\">").append(html(ReportText.adjustedLabel(c.adjustedLevel())))
                    .append("</span>");
        }
        return s.toString();
    }

    private static String badge(String verdict) {
        return "<span class=\"badge " + html(verdict) + "\">" + html(verdict) + "</span>";
    }

    /**
     * Each claim on the owners of each platform (rows of stats/claims with a platform), one column per platform;
     * nothing when the claims were not estimated per platform.
     */
    private static void platformClaims(StringBuilder b, ReportModel m) {
        List<String> platforms = m.platforms();
        if (platforms.isEmpty()) {
            return;
        }
        b.append("<h3 id=\"per-platform\">Claims per platform</h3>\n<p class=\"small\">Each claim estimated on the "
                + "owners of each platform that has at least min_owners owners, with Holm within each platform's "
                + "claims: estimate, 95 % interval, verdict, owners. Cells of fewer than ").append(m.header().kMin())
                .append(" owners suppressed, and the complements that keep them from being recovered.</p>\n<table>\n<tr><th>claim</th>");
        platforms.forEach(p -> b.append("<th>").append(html(p)).append("</th>"));
        b.append("</tr>\n");
        for (ClaimRow pooled : m.claims()) {
            b.append("<tr><td><b>").append(html(pooled.id())).append("</b></td>");
            for (String p : platforms) {
                b.append("<td>");
                m.platformClaims().stream().filter(c -> c.platform().equals(p) && c.id().equals(pooled.id()))
                        .findFirst().ifPresent(c -> b.append(m.hides(c) ? "<span class=\"sup\">"
                                + "suppressed</span> " : num(c.estimate()) + " " + ReportText.interval(c.ciLow(),
                                c.ciHigh()) + " ").append(badge(c.verdict())).append(m.hides(c) ? ""
                                : " <span class=\"small\">n = " + count(c.nOwners()) + "</span>"));
                b.append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</table>\n");
    }

    /**
     * A small inline SVG: the 95 % interval as a bar, the Holm-adjusted interval (when there is one) as whiskers
     * around it, the estimate as a dot, the null value as a red line.
     */
    static String intervalBar(ClaimRow c) {
        double lo = c.ciLow();
        double hi = c.ciHigh();
        double est = c.estimate();
        double nul = c.nullValue();
        if (Double.isNaN(est) || Double.isNaN(lo) || Double.isNaN(hi) || Double.isInfinite(lo)
                || Double.isInfinite(hi)) {
            return "";
        }
        boolean adjusted = c.hasAdjusted() && Double.isFinite(c.ciLowAdjusted()) && Double.isFinite(c.ciHighAdjusted());
        double min = Math.min(Math.min(lo, adjusted ? c.ciLowAdjusted() : lo), Double.isFinite(nul) ? nul : lo);
        double max = Math.max(Math.max(hi, adjusted ? c.ciHighAdjusted() : hi), Double.isFinite(nul) ? nul : hi);
        double pad = (max - min) * 0.1 + 1e-9;
        min -= pad;
        max += pad;
        int w = 160;
        double fmin = min;
        double span = max - min;
        java.util.function.DoubleUnaryOperator x = v -> 5 + (w - 10) * (v - fmin) / span;
        String title = "95% CI " + num(lo) + " to " + num(hi) + (adjusted ? "; " + ReportText.adjustedLabel(
                c.adjustedLevel()) + " CI " + num(c.ciLowAdjusted()) + " to " + num(c.ciHighAdjusted()) : "")
                + ", null " + num(nul);
        StringBuilder s = new StringBuilder("<svg role=\"img\" width=\"" + w + "\" height=\"22\" viewBox=\"0 0 " + w
                + " 22\"><title>" + html(title) + "</title>");
        s.append("<line x1=\"5\" y1=\"11\" x2=\"").append(w - 5).append("\" y2=\"11\" stroke=\"#ddd\"/>");
        if (adjusted) {
            double a = x.applyAsDouble(c.ciLowAdjusted());
            double z = x.applyAsDouble(c.ciHighAdjusted());
            s.append(String.format(Locale.ROOT, "<path class=\"adjusted\" d=\"M%.1f 5V17M%.1f 11H%.1fM%.1f 5V17\" "
                    + "stroke=\"#222\" stroke-width=\"1.2\" fill=\"none\"/>", a, a, z, z));
        }
        s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"7\" width=\"%.1f\" height=\"8\" fill=\"#6baed6\"/>",
                x.applyAsDouble(lo), Math.max(1.5, x.applyAsDouble(hi) - x.applyAsDouble(lo))));
        s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"11\" r=\"3.5\" fill=\"#08306b\"/>",
                x.applyAsDouble(est)));
        if (Double.isFinite(nul)) {
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"2\" x2=\"%.1f\" y2=\"20\" stroke=\"#d73027\" "
                    + "stroke-width=\"2\"/>", x.applyAsDouble(nul), x.applyAsDouble(nul)));
        }
        return s.append("</svg>").toString();
    }

    static void figure(StringBuilder b, String svg, String caption) {
        b.append("<figure>\n");
        b.append(svg == null ? "<p class=\"sup\">No data to plot in this run.</p>\n" : svg + "\n");
        b.append("<figcaption>").append(html(caption)).append("</figcaption>\n</figure>\n");
    }

    private static void response(StringBuilder b, ReportModel m) {
        b.append("<h3>5. Interaction within 180 days of connecting</h3>\n<p class=\"small\">Shown as a table in "
                + "this version (no chart). Ties whose interacted_within_180d is known; groups of fewer than "
                + m.header().kMin() + " owners suppressed, and the other row of that comparison when the two "
                + "together would give a hidden row away.</p>\n<table>\n<tr><th>comparison</th><th>group</th>"
                + "<th>owners</th><th>ties</th><th>interacted within 180 days</th></tr>\n");
        if (m.response().isEmpty()) {
            b.append("<tr><td colspan=\"5\" class=\"sup\">no ties with a known outcome</td></tr>\n");
        }
        for (ResponseRow r : m.response()) {
            b.append("<tr><td>").append(html(r.grouping())).append("</td><td>").append(html(r.group())).append("</td>");
            if (m.hides(r)) {
                b.append("<td class=\"sup\" colspan=\"3\">suppressed</td>");
            } else {
                b.append("<td class=\"n\">").append(count(r.owners())).append("</td><td class=\"n\">")
                        .append(count(r.ties())).append("</td><td class=\"n\">").append(pct(r.interacted(), r.ties()))
                        .append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</table>\n");
    }

    private static void reactivations(StringBuilder b, ReportModel m) {
        b.append("<h3>6. Reactivations per calendar month</h3>\n<p class=\"small\">Shown as a table in this version "
                + "(no chart). Reactivations (inbound interactions after a dormancy) per month of their date; months "
                + "with fewer than "
                + m.header().kMin() + " owners suppressed, with as many more as keep their sum from being "
                + "recovered from the total.</p>\n");
        if (m.reactivations().isEmpty()) {
            b.append("<p class=\"sup\">No reactivations in this run.</p>\n");
            return;
        }
        long hidden = m.reactivations().stream().filter(m::hides).count();
        if (hidden < m.reactivations().size()) {
            b.append("<table>\n<tr><th>month</th><th>owners</th><th>reactivations</th></tr>\n");
            for (MonthCount c : m.reactivations()) {
                if (!m.hides(c)) {
                    b.append("<tr><td>").append(html(c.month())).append("</td><td class=\"n\">")
                            .append(count(c.owners())).append("</td><td class=\"n\">").append(count(c.ties()))
                            .append("</td></tr>\n");
                }
            }
            b.append("</table>\n");
        }
        if (hidden > 0) {
            b.append("<p class=\"sup\">").append(ReportText.hiddenMonths(hidden, m.header().kMin()))
                    .append("</p>\n");
        }
    }

    private static void published(StringBuilder b, ReportModel m) {
        if (m.published().isEmpty()) {
            return;
        }
        b.append("<h2 id=\"published\">Published results side by side</h2>\n<p class=\"small\">Figures from other "
                + "platforms, years and definitions beside what this run finds, per dataset; set side by side, not "
                + "tested. Rows of fewer than ")
                .append(m.header().kMin()).append(" owners suppressed, and the complements that keep them and "
                        + "the datasets left out from being recovered.</p>\n<table>\n<tr><th>dataset</th>"
                        + "<th>study</th><th>measure</th><th>published</th><th>found here</th><th>owners</th></tr>\n");
        for (ReportModel.PublishedRow r : m.published()) {
            boolean hide = m.hides(r);
            b.append("<tr><td>").append(html(r.group())).append("</td><td>").append(html(r.source()))
                    .append("</td><td>").append(html(r.measure())).append("</td><td>").append(html(r.published()))
                    .append("</td><td>").append(hide ? "suppressed" : html(r.found())).append("</td><td class=\"n\">")
                    .append(hide ? "" : count(r.owners())).append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    private static void cohorts(StringBuilder b, ReportModel m) {
        b.append("<h2 id=\"cohorts\">Cohorts by size class</h2>\n<p class=\"small\">Median [q1, q3] and mean "
                + "(95 % interval) per size class; cells of fewer than ").append(m.header().kMin())
                .append(" owners suppressed. Every metric and the log2 bins are in cohorts.csv.</p>\n");
        Set<String> shown = Set.copyOf(COHORT_METRICS);
        b.append("<table>\n<tr><th>metric</th><th>cohort</th><th>owners</th><th>median [q1, q3]</th>"
                + "<th>mean (95 % CI)</th></tr>\n");
        for (String metric : COHORT_METRICS) {
            for (CohortRow c : m.cohorts()) {
                if (!c.metric().equals(metric) || !shown.contains(c.metric())
                        || !(c.grouping().equals("all") || c.grouping().equals("size_class"))) {
                    continue;
                }
                b.append("<tr><td>").append(html(c.metric())).append("</td><td>").append(html(c.cohort()))
                        .append("</td>");
                if (c.suppressed()) {
                    b.append("<td class=\"sup\" colspan=\"3\">suppressed</td>");
                } else {
                    b.append("<td class=\"n\">").append(count(c.owners())).append("</td><td class=\"n\">")
                            .append(num(c.median())).append(" [").append(num(c.q1())).append(", ").append(num(c.q3()))
                            .append("]</td><td class=\"n\">").append(num(c.mean())).append(" (")
                            .append(num(c.meanCiLow())).append(", ").append(num(c.meanCiHigh())).append(")</td>");
                }
                b.append("</tr>\n");
            }
        }
        b.append("</table>\n");
    }

    static void row(StringBuilder b, String k, String v) {
        b.append("<tr><td>").append(html(k)).append("</td><td>").append(html(v == null || v.isEmpty() ? "–" : v))
                .append("</td></tr>\n");
    }
}
