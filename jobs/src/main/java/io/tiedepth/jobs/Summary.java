package io.tiedepth.jobs;

/** The short text printed at the end of {@code run}: what was read and where the results are. */
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
                String.format("  features  %d owners, %d owner-contact rows", r.features().owners(),
                        r.features().tieFeatureRows()),
                "",
                "results:   " + w.path(""),
                "  canonical tables   " + w.path("tables/"),
                "  features           " + w.path("features/"),
                "  rejects            " + w.path(Warehouse.REJECTS),
                "  manifest           " + w.path("runs/" + r.runId() + "/manifest.json"));
    }
}
