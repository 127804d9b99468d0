package io.tiedepth.claims;

import io.tiedepth.panels.PanelRow;
import io.tiedepth.stats.PoissonFixedEffects;
import java.util.ArrayList;
import java.util.List;
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
}
