package io.tiedepth.claims;

import io.tiedepth.panels.PanelRow;
import io.tiedepth.stats.NormalInterval;
import io.tiedepth.stats.PoissonFixedEffects;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The within-owner claims' data: one {@link PoissonFixedEffects.Group} per owner row, built once from its panel, and
 * the fixed-effects fit on any resample of the rows (a row drawn twice is two groups, as the cluster bootstrap
 * requires).
 */
final class PanelGroups {
    private final List<PoissonFixedEffects.Group> groups;

    private PanelGroups(List<PoissonFixedEffects.Group> groups) {
        this.groups = groups;
    }

    /** One group per row of {@code in}, in row order, from the panel months {@code toGroup} keeps. */
    static PanelGroups of(ClaimInputs in, Function<List<PanelRow>, PoissonFixedEffects.Group> toGroup) {
        List<PoissonFixedEffects.Group> out = new ArrayList<>(in.size());
        for (OwnerRow r : in.rows()) {
            out.add(toGroup.apply(r.panel()));
        }
        return new PanelGroups(out);
    }

    /** The fit on the rows given (row indices of {@code in}). */
    PoissonFixedEffects.Fit fit(int[] rows) {
        List<PoissonFixedEffects.Group> picked = new ArrayList<>(rows.length);
        for (int r : rows) {
            picked.add(groups.get(r));
        }
        return PoissonFixedEffects.fit(picked);
    }

    /**
     * The tested result of a within-owner claim: the fixed-effects slope over the rows of {@code in}, its owner
     * bootstrap (stream: the claim id) and normal-theory interval, and the interval verdict on the {@code claimed}
     * side of the claim's null value; {@code extra} gets the informative owners, panel months, percentile interval
     * and undefined replicates after the entries it already holds.
     */
    ClaimResult tested(Claim claim, ClaimInputs in, ClaimParams params, Verdict.Side claimed,
                       Map<String, String> extra) {
        PoissonFixedEffects.Fit whole = fit(in.allRows());
        OwnerBootstrap.Estimates boot = OwnerBootstrap.run(in, rows -> new double[] {fit(rows).slope()}, params,
                claim.id());
        Map<String, String> out = new LinkedHashMap<>();
        out.put("informative_owners", Integer.toString(whole.informativeGroups()));
        out.put("panel_months", Long.toString(whole.observations()));
        out.putAll(extra);
        out.put("percentile_ci", Fmt.interval(boot.primary().lower(), boot.primary().upper()));
        out.put("undefined_replicates", Integer.toString(boot.primary().nanReplicates()));
        return ClaimResult.byInterval(claim, params, boot.primaryInterval(NormalInterval.Scale.IDENTITY),
                claim.nullValue(), claimed, in.size(), in.ties(), out);
    }
}
