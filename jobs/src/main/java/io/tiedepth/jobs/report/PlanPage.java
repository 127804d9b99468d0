package io.tiedepth.jobs.report;

import static io.tiedepth.jobs.report.ReportText.html;
import static io.tiedepth.jobs.report.ReportText.num;

import io.tiedepth.claims.Claim;
import io.tiedepth.plan.Calibration;
import io.tiedepth.plan.DonorsNeeded;
import io.tiedepth.plan.PlanCsv;
import io.tiedepth.plan.PowerPlan;
import io.tiedepth.plan.PowerPlan.ClaimPower;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code plan.html}: the study plan on one self-contained page in the report's style (its style sheet and chart
 * helpers; inline SVG, no script, nothing loaded): the design, the donors each claim needs for 80 % power, a power
 * curve per claim, the full table and what the numbers mean. The same result gives the same page, but for the
 * simulation's wall time.
 */
public final class PlanPage {
    private static final String GRID = "div.grid{display:grid;grid-template-columns:repeat(3,1fr);gap:8px}"
            + "div.grid figure{margin:0}\n";

    private PlanPage() {
    }

    /**
     * @param source where the design's parameters come from, in words
     * @param calibrated the parameters calibrated to a pilot (empty without one)
     * @param took the simulation's wall time
     */
    public static String render(PowerPlan.Result r, String source, List<Calibration.Estimate> calibrated,
                                Duration took) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>tiedepth study plan</title>\n<style>\n").append(HtmlReport.CSS).append(GRID)
                .append("</style>\n</head>\n<body>\n<h1>tiedepth study plan</h1>\n");
        b.append("<p class=\"meaning\">").append(html(meaning(r.settings()))).append("</p>\n");
        design(b, r, source, took);
        needed(b, r);
        curves(b, r);
        table(b, r);
        calibration(b, calibrated);
        b.append("<p class=\"small\">").append(html(LIMITS)).append("</p>\n</body>\n</html>\n");
        return b.toString();
    }

    static final String LIMITS = "Limits: the power is that of the generator's model with these parameters, an "
            + "assumption: real donors can differ in ways the model does not have (other size distributions, "
            + "platforms, effects of other shapes), and the planted effect sizes are the design's assumptions, not "
            + "estimates. Donors who give several platforms, or whose exports miss files, are not modelled. The "
            + "power is a Monte Carlo estimate: its 95 % interval shows how many populations it rests on.";

    /** What the shares mean, in plain words. */
    static String meaning(PowerPlan.Settings s) {
        return "Power = the share of " + s.populations() + " simulated studies (populations of the given number of "
                + "donors drawn from the design's model) in which the claim is supported by the claims stage's own "
                + "rule: its 95 % owner-bootstrap interval on the claimed side and its Holm-adjusted p below 0.05 "
                + "across the claims. For a claim whose effect is switched off in the design, the same share is the "
                + "false-positive rate (at most about 5 % is the target). The donors needed are the smallest "
                + "candidate count reaching " + pct(PowerPlan.TARGET_POWER) + " power, with a log-linear "
                + "interpolation between candidates, labelled as such.";
    }

    private static void design(StringBuilder b, PowerPlan.Result r, String source, Duration took) {
        PowerPlan.Settings s = r.settings();
        b.append("<h2>Design</h2>\n<table class=\"meta\">\n");
        HtmlReport.row(b, "parameters", source);
        HtmlReport.row(b, "candidate donors", s.donors().toString());
        HtmlReport.row(b, "populations per donor count", Integer.toString(s.populations()));
        HtmlReport.row(b, "bootstrap resamples per claim", Integer.toString(s.resamples()));
        HtmlReport.row(b, "seed", Long.toString(s.seed()));
        HtmlReport.row(b, "min owners per claim", Integer.toString(s.minOwners()));
        HtmlReport.row(b, "platforms", String.join(", ", s.platforms()));
        HtmlReport.row(b, "simulation wall time", String.format(Locale.ROOT, "%.0f s", took.toMillis() / 1000.0));
        b.append("</table>\n");
    }

    private static void needed(StringBuilder b, PowerPlan.Result r) {
        b.append("<h2>Donors needed for ").append(pct(PowerPlan.TARGET_POWER)).append(" power</h2>\n<table>\n")
                .append("<tr><th>claim</th><th>statement</th><th>donors needed</th><th>power at the largest "
                        + "candidate</th></tr>\n");
        for (DonorsNeeded n : r.needed()) {
            ClaimPower last = rows(r, n.claimId()).get(r.settings().donors().size() - 1);
            b.append("<tr><td>").append(html(n.claimId())).append("</td><td>").append(html(statement(n.claimId())))
                    .append("</td><td>").append(html(n.text())).append("</td><td class=\"n\">")
                    .append(html(pct(last.power()))).append("</td></tr>\n");
        }
        b.append("</table>\n<p class=\"small\">Claims whose effect the design switches off have no target; their "
                + "false-positive rates are in the curves and the table below.</p>\n");
    }

    private static void curves(StringBuilder b, PowerPlan.Result r) {
        b.append("<h2>Power curves</h2>\n<div class=\"grid\">\n");
        for (Claim c : PowerPlan.claims()) {
            List<ClaimPower> rows = rows(r, c.id());
            HtmlReport.figure(b, PowerCurves.curve(c.id(), rows), c.id() + ": " + PowerCurves.label(rows.get(0)
                    .role()) + ", with its 95 % Wilson interval.");
        }
        b.append("</div>\n");
    }

    private static void table(StringBuilder b, PowerPlan.Result r) {
        b.append("<h2>Every claim and donor count</h2>\n<p class=\"small\">The numbers of plan.csv. Truth: planted "
                + "(power), null or alternative (false positive), other (an effect off without its companions: "
                + "neither). Mean CI width: of the 95 % interval, over the populations that had one.</p>\n<table>\n"
                + "<tr><th>claim</th><th>truth</th><th>donors</th><th>supported</th><th>95 % interval</th>"
                + "<th>contradicted</th><th>inconclusive</th><th>not testable</th><th>mean CI width</th>"
                + "<th>mean estimate</th></tr>\n");
        for (ClaimPower c : r.rows()) {
            b.append("<tr><td>").append(html(c.claimId())).append("</td><td>").append(html(PlanCsv.truth(c.role())))
                    .append("</td>");
            cells(b, Integer.toString(c.donors()), c.supported() + " / " + c.populations() + " (" + pct(c.power())
                    + ")", "[" + pct(c.powerLow()) + ", " + pct(c.powerHigh()) + "]",
                    Integer.toString(c.contradicted()), Integer.toString(c.inconclusive()),
                    Integer.toString(c.notTestable()), num(c.meanWidth()), num(c.meanEstimate()));
            b.append("</tr>\n");
        }
        b.append("</table>\n");
    }

    private static void calibration(StringBuilder b, List<Calibration.Estimate> calibrated) {
        if (calibrated.isEmpty()) {
            return;
        }
        b.append("<h2>Calibrated parameters</h2>\n<p class=\"small\">Estimated from the pilot's owner metrics "
                + "(README, Planning a study); written with every other parameter to plan-params.json, to edit and "
                + "reuse with --params.</p>\n<table>\n<tr><th>parameter</th><th>value</th><th>owners</th>"
                + "<th>source</th></tr>\n");
        for (Calibration.Estimate e : calibrated) {
            b.append("<tr><td>").append(html(e.parameter())).append("</td>");
            cells(b, num(e.value()), Integer.toString(e.owners()));
            b.append("<td>").append(e.calibrated() ? "pilot" : "base value (too few owners)").append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    private static List<ClaimPower> rows(PowerPlan.Result r, String claimId) {
        return r.rows().stream().filter(c -> c.claimId().equals(claimId)).toList();
    }

    private static String statement(String claimId) {
        return PowerPlan.claims().stream().filter(c -> c.id().equals(claimId)).findFirst().map(Claim::statement)
                .orElse("");
    }

    private static void cells(StringBuilder b, String... numbers) {
        for (String n : numbers) {
            b.append("<td class=\"n\">").append(html(n)).append("</td>");
        }
    }

    static String pct(double share) {
        return Double.isNaN(share) ? "–" : String.format(Locale.ROOT, "%.0f %%", 100 * share);
    }
}
