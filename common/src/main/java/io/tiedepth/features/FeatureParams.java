package io.tiedepth.features;

import io.tiedepth.claims.ClaimParams;
import io.tiedepth.panels.OwnerPanels;
import java.io.Serializable;

/**
 * Thresholds of the tie features (DESIGN §5), each a command-line option; serializable, as Spark ships them to
 * the tasks that compute the features. The defaults are declared once, in
 * {@link ClaimParams#DEFAULTS} (the claims stage carries the same thresholds so its wording can name them).
 *
 * @param burstK       a tie is burst-accepted when the owner gained at least this many ties that calendar day (10)
 * @param dormancyDays a reactivation is an inbound interaction after at least this many days without any (180)
 * @param responseDays the window after connecting in which "any interaction" is looked for (180)
 * @param panelPeriod  the period of a {@code features/panels} row: a UTC calendar month (the default) or quarter
 */
public record FeatureParams(int burstK, int dormancyDays, int responseDays, OwnerPanels.Period panelPeriod)
        implements Serializable {
    public static final FeatureParams DEFAULTS = new FeatureParams(ClaimParams.DEFAULTS.burstK(),
            ClaimParams.DEFAULTS.dormancyDays(), ClaimParams.DEFAULTS.responseDays());

    /** Thresholds with monthly panels. */
    public FeatureParams(int burstK, int dormancyDays, int responseDays) {
        this(burstK, dormancyDays, responseDays, OwnerPanels.Period.MONTH);
    }

    /** These thresholds with panels by {@code period}. */
    public FeatureParams withPanelPeriod(OwnerPanels.Period period) {
        return new FeatureParams(burstK, dormancyDays, responseDays, period);
    }
}
