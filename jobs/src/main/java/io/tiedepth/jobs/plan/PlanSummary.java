package io.tiedepth.jobs.plan;

import io.tiedepth.claims.Claim;
import io.tiedepth.claims.Fmt;
import io.tiedepth.claims.RecoveryStudy.Role;
import io.tiedepth.plan.DonorsNeeded;
import io.tiedepth.plan.PlanCsv;
import io.tiedepth.plan.PowerPlan;
import io.tiedepth.plan.PowerPlan.ClaimPower;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The console summary of {@code plan}: per claim, the share supported at each donor count and the donors needed. */
public final class PlanSummary {
    private PlanSummary() {
    }

    public static String of(PlanJob.Result r) {
        PowerPlan.Settings s = r.plan().settings();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%ntiedepth plan finished: %d populations "
                + "per donor count in %.0f s (%d bootstrap resamples, seed %d)%n", s.populations(),
                r.took().toMillis() / 1000.0, s.resamples(), s.seed()));
        b.append("  design   ").append(r.design().source()).append(System.lineSeparator());
        if (!r.design().calibrated().isEmpty()) {
            b.append("  pilot    ").append(r.design().calibrated().stream().map(e -> e.parameter() + " "
                    + Fmt.num(e.value()) + (e.calibrated() ? "" : " (kept)")).collect(Collectors.joining(", ")))
                    .append(System.lineSeparator());
        }
        String header = "supported at " + s.donors().stream().map(String::valueOf).collect(Collectors.joining(" / "))
                + " donors";
        int width = Math.max(header.length(), 8 * s.donors().size());
        b.append(String.format(Locale.ROOT, "  %-5s %-12s %-" + width + "s  %s%n", "claim", "truth", header,
                "donors for 80 % power"));
        for (Claim c : PowerPlan.claims()) {
            List<ClaimPower> rows = r.plan().rows().stream().filter(x -> x.claimId().equals(c.id())).toList();
            b.append(String.format(Locale.ROOT, "  %-5s %-12s %-" + width + "s  %s%n", c.id(),
                    PlanCsv.truth(rows.get(0).role()), shares(rows), needed(r.plan(), c.id(), rows.get(0).role())));
        }
        b.append(System.lineSeparator()).append("results:  ").append(List.of(PlanJob.PLAN_CSV, PlanJob.NEEDED_CSV,
                PlanJob.PLAN_HTML, PlanJob.PARAMS_FILE).stream().map(f -> r.output().resolve(f).toString())
                .collect(Collectors.joining("  ")));
        return b.toString();
    }

    private static String shares(List<ClaimPower> rows) {
        return rows.stream().map(x -> String.format(Locale.ROOT, "%.2f", x.power()))
                .collect(Collectors.joining(" / "));
    }

    private static String needed(PowerPlan.Result plan, String claimId, Role role) {
        if (role == Role.OTHER) {
            return "- (effect off without its companions: neither power nor false positives)";
        }
        if (role != Role.PLANTED) {
            return "- (effect off: the shares are false positives)";
        }
        return plan.needed().stream().filter(n -> n.claimId().equals(claimId)).findFirst().map(DonorsNeeded::text)
                .orElse("-");
    }
}
