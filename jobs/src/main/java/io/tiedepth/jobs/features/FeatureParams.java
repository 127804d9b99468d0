package io.tiedepth.jobs.features;

/**
 * Thresholds of the tie features (DESIGN §5), each a command-line option.
 *
 * @param burstK       a tie is burst-accepted when the owner gained at least this many ties that calendar day (10)
 * @param dormancyDays a reactivation is an inbound interaction after at least this many days without any (180)
 * @param responseDays the window after connecting in which "any interaction" is looked for (180)
 */
public record FeatureParams(int burstK, int dormancyDays, int responseDays) {
    public static final FeatureParams DEFAULTS = new FeatureParams(10, 180, 180);
}
