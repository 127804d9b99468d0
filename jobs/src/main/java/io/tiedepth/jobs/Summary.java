package io.tiedepth.jobs;

import io.tiedepth.claims.ClaimResult;
import io.tiedepth.claims.Fmt;
import java.util.ArrayList;
import java.util.List;

/** The short text printed at the end of {@code run}: what was read, where the results are, and the claims. */
final class Summary {
    private Summary() {
    }

    static String of(RunJob.Result r, Warehouse w) {
        var i = r.ingest();
        if (r.noop()) {
            return String.join(System.lineSeparator(), "",
                    "tiedepth run " + r.runId() + ": nothing new (" + i.sources() + " donation(s), all already in "
                            + w.path("") + "); outputs untouched",
                    "  manifest           " + w.path("runs/" + r.runId() + "/manifest.json"));
        }
        return String.join(System.lineSeparator(),
                "",
                "tiedepth run " + r.runId() + " finished",
                String.format("  exports   %d donations found, %d already ingested; %d owner exports added, %d "
                        + "rejected as a whole", i.sources(), i.skipped(), i.exports(), i.exportsRejected()),
                String.format("  rows      %d read = %d accepted + %d rejected (quarantined)", i.rowsRead(),
                        i.rowsAccepted(), i.rowsRejected()),
                String.format("  tables    %d ties, %d interactions, %d invitations", i.tableRows().get("ties"),
                        i.tableRows().get("interactions"), i.tableRows().get("invitations")),
                (r.features() == null ? "  features  up to date (not recomputed)"
                        : String.format("  features  %d owners, %d owner-contact rows", r.features().owners(),
                        r.features().tieFeatureRows())) + cautions(r),
                "",
                "results:   " + w.path(""),
                "  canonical tables   " + w.path("tables/"),
                "  features           " + w.path("features/"),
                "  rejects            " + w.path(Warehouse.REJECTS),
                "  statistics         " + w.path("stats/"),
                "  reports (CSV)      " + (r.claims() == null ? "up to date" : r.claims().reports()),
                "  research report    " + (r.report() == null ? "up to date" : r.report().html()),
                "  manifest           " + w.path("runs/" + r.runId() + "/manifest.json"),
                r.claims() == null ? "" : claims(r.claims().claims()));
    }

    /** A line (with its leading line break) naming the report's banners, or "" when it has none. */
    static String cautions(RunJob.Result r) {
        return r.report() == null || r.report().cautions().isEmpty() ? ""
                : System.lineSeparator() + "  caution   " + String.join("; ", r.report().cautions()) + ": see the notes at the top of the report";
    }

    /**
     * The claims table: claim, estimate, 95 % interval, the Holm-adjusted interval with its level, verdict, and the
     * statement or the reason.
     */
    static String claims(List<ClaimResult> claims) {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("claims (estimate, 95% owner-bootstrap CI, Holm-adjusted CI at its level, verdict after Holm; "
                + "associations in these donors, not effects; details in claims.csv)");
        for (ClaimResult c : claims) {
            String estimate = Double.isNaN(c.estimate()) ? "-" : Fmt.num(c.estimate());
            String ci = Double.isNaN(c.ciLow()) && Double.isNaN(c.ciHigh()) ? "" : Fmt.interval(c.ciLow(), c.ciHigh());
            String adjusted = Double.isNaN(c.ciLowAdjusted()) || Double.isNaN(c.adjustedLevel()) ? ""
                    : Fmt.interval(c.ciLowAdjusted(), c.ciHighAdjusted()) + " " + Fmt.level(c.adjustedLevel());
            String text = c.reason().isEmpty() ? c.statement() : c.reason();
            lines.add(String.format("  %-4s %-9s %-20s %-28s %-13s %s", c.claimId(), estimate, ci, adjusted,
                    c.verdict().label(), text.length() > 100 ? text.substring(0, 97) + "..." : text));
        }
        return String.join(System.lineSeparator(), lines);
    }
}
