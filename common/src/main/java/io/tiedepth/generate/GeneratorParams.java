package io.tiedepth.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every parameter of {@code tiedepth generate}, with its default ({@link #DEFAULTS}). A {@code --params} JSON file
 * holds any subset, nested like this record (e.g. {@code {"effects": {"c3BurstPenalty": {"enabled": false}}}});
 * what it leaves out keeps its default, an unknown key is an error. The effective parameters are written into
 * {@code ground_truth.json}.
 *
 * <p>Shapes (sizes, timeline, bursts, activity layers, messages, formats) make the data realistic; the
 * {@link Effects} are the planted truths of the claims in DESIGN §7, each with an on/off switch so that a test can
 * check that a claim is <em>not</em> found when nothing was planted. See README "Synthetic donations"
 * for the generative model.
 *
 * @param sizes      network sizes (ties per owner)
 * @param timeline   export dates, tenure and how connections spread over it
 * @param bursts     "yes to all" days
 * @param activity   the active core: its size at the reference size, Dunbar-like layers, greetings
 * @param reciprocity two-way ties and owners' initiative
 * @param invitations Invitations.csv: its window, notes, inbound requests
 * @param messages   message lengths, group threads, endorsements, wake-up waves
 * @param format     on-disk formats: eras, zip share, hidden profiles, shared contacts
 * @param features   the feature thresholds the truths are computed with (must match the features run)
 * @param effects    the planted effects C1–C9 and their switches
 */
public record GeneratorParams(Sizes sizes, Timeline timeline, Bursts bursts, Activity activity,
                              Reciprocity reciprocity, Invitations invitations, Messages messages, Format format,
                              Features features, Effects effects) implements Serializable {

    /**
     * Ties per owner: a log-normal body with a Pareto tail, clipped to [min, cap].
     *
     * @param median    median of the log-normal body (300)
     * @param sigma     σ of log(size) in the body (1.0)
     * @param tailShare share of owners drawn from the Pareto tail instead (0.02)
     * @param tailMin   smallest tail size (2000)
     * @param tailAlpha Pareto exponent of the tail (1.0)
     * @param min       smallest network (5)
     * @param cap       largest network: LinkedIn's connection cap (30000)
     * @param refSize   the reference size at which activeAtRef, reciprocity.baseShare and invitations.inboundPerMonth
     *                  hold (300)
     */
    public record Sizes(double median, double sigma, double tailShare, double tailMin, double tailAlpha, int min,
                        int cap, double refSize) implements Serializable {
    }

    /**
     * @param exportDate      date of the newest (mid-2023+ era) exports, {@code yyyy-MM-dd} (2025-06-30)
     * @param exportSpreadDays exports are dated up to this many days before their era's date (180)
     * @param tenureMinYears  shortest time since the owner's first connection (2)
     * @param tenureMaxYears  longest (12); lengthened for big networks so that quiet days stay below burstK
     * @param growth          connection dates are S + (E − S)·U^(1/growth): above 1, networks grow faster lately (1.5)
     * @param earliestDate    no connection before this date (2004-01-01)
     */
    public record Timeline(String exportDate, int exportSpreadDays, double tenureMinYears, double tenureMaxYears,
                           double growth, String earliestDate) implements Serializable {
    }

    /**
     * "Yes to all" days: many incoming invitations accepted on one calendar day. Ties on other days are spread so
     * that no other day reaches {@code features.burstK}: the realised burst days are exactly the planted ones.
     *
     * @param enabled     whether any owner has burst days (true)
     * @param ownerShare  share of owners with burst days (0.35)
     * @param tieShare    share of such an owner's ties accepted in bursts, ×U(0.5, 1.5) (0.12)
     * @param minSize     smallest burst (15; at least features.burstK)
     * @param maxSize     largest burst (60)
     * @param backlogDays a burst-accepted invitation was sent up to this many days before (60)
     * @param recentShare share of bursting owners whose first burst falls where an export shows both the
     *                    invitations and the 180-day response: 185–235 days before the export (0.5); no burst ever
     *                    falls in the last 183 days (the window in which inbound requests are counted, C4)
     */
    public record Bursts(boolean enabled, double ownerShare, double tieShare, int minSize, int maxSize,
                         int backlogDays, double recentShare) implements Serializable {
    }

    /**
     * The active set (ties with contact_frequency ≥ 1/year): n_active = min(activeAtRef·(n/refSize)^β, ceiling) with
     * log-normal noise (β and ceiling in {@link Effects}). It holds young acquaintances (recent ties whose one or two
     * messages already make them active) and the sustained core, spread over Dunbar-like layers.
     *
     * @param activeAtRef     n_active at sizes.refSize (75)
     * @param noiseSigma      σ of the log-normal noise on n_active (0.15)
     * @param ceilingSigma    σ of the log-normal noise on the ceiling (0.08)
     * @param layerSizes      cumulative layer sizes at a full core of 150, scaled to the owner's core (5,15,50,150)
     * @param layerRates      interactions per year in each layer (26, 8, 3, 1.5): frequency falls off by layer
     * @param greetShare      P(any interaction within responseDays of connecting) of a non-burst tie (0.25)
     * @param youngShareMax   at most this share of n_active are young acquaintances; more are dropped at random (0.5)
     * @param maxActiveShare  n_active is at most this share of n (1: no cap beyond n itself); a cap below 1 keeps a
     *                        proportional world proportional under heavy noise (a drawn share near 1 cannot be hosted
     *                        by a big network of a young account, whose old ties are too few for its core)
     */
    public record Activity(double activeAtRef, double noiseSigma, double ceilingSigma, List<Integer> layerSizes,
                           List<Double> layerRates, double greetShare, double youngShareMax, double maxActiveShare)
            implements Serializable {
    }

    /**
     * Two-way ties: each owner has a target reciprocal share (size, effort and spam terms in {@link Effects}).
     *
     * @param baseShare       reciprocal_share at sizes.refSize for an owner of average initiative (0.15)
     * @param noiseSigma      σ of the log-normal noise on it (0.25)
     * @param spamFactor      a spammer's reciprocal share is multiplied by this (0.08)
     * @param initiativeMean  mean of the owners' initiative: P(the owner sends a contact's first message) (0.5)
     * @param initiativeSd    its standard deviation across owners, clipped to [0.05, 0.95] (0.15)
     */
    public record Reciprocity(double baseShare, double noiseSigma, double spamFactor, double initiativeMean,
                              double initiativeSd) implements Serializable {
    }

    /**
     * Invitations.csv holds only recent invitations (reference/export-formats.md §1).
     *
     * @param windowDays       invitations sent in the last this many days before the export are written (300)
     * @param noteShare        share of invitations with a note (0.25)
     * @param inboundPerMonth  inbound requests per month at sizes.refSize (1.5); see Effects.c4InboundGrowth
     * @param inboundSigma     σ of the log-normal noise on it (0.3)
     * @param contactInvitedShare share of recent (non-burst) ties invited by the contact, when the inbound target
     *                         allows (0.5)
     * @param pendingOutgoingPerMonth invitations the owner sent that were not (yet) accepted, per month of the window
     *                         (0.3); one more is always sent on the export day, so the window ends there
     */
    public record Invitations(int windowDays, double noteShare, double inboundPerMonth, double inboundSigma,
                              double contactInvitedShare, double pendingOutgoingPerMonth) implements Serializable {
    }

    /**
     * @param wordsMedian        median words per message (12); log-normal
     * @param wordsSigma         σ of log(words) (0.9)
     * @param maxWords           longest message (400)
     * @param multilineShare     share of messages with a line break (0.1)
     * @param groupThreadsMean   group threads per owner, Poisson mean (1.0); members are reciprocal core ties
     * @param groupMaxMembers    most contacts in a group thread (5)
     * @param groupMaxMessages   most messages in a group thread (20)
     * @param endorsementShare   share of reciprocal core ties that endorsed the owner (0.3; half as many were endorsed)
     * @param waveCount          wake-up waves (3); used when Effects.c8ReactivationWaves is on
     * @param waveDates          their dates ({@code yyyy-MM-dd}); empty = drawn from the seed in the 4 years before
     *                           the exports
     * @param wakePerOwner       dormant ties of an owner waking up in each wave, Poisson mean at sizes.refSize,
     *                           proportional to n (2)
     * @param waveSpreadDays     a wake-up falls within ± this many days of its wave date (3)
     */
    public record Messages(double wordsMedian, double wordsSigma, int maxWords, double multilineShare,
                           double groupThreadsMean, int groupMaxMembers, int groupMaxMessages,
                           double endorsementShare, int waveCount, List<String> waveDates, double wakePerOwner,
                           int waveSpreadDays) implements Serializable {
    }

    /**
     * @param zipShare           share of exports written as .zip instead of a folder (0.3)
     * @param eras               share of each LinkedIn header era: {@code 2023} (URL column, preamble),
     *                           {@code 2022} (preamble, no URL), {@code 2021} (no preamble, CRLF), {@code 2018}
     *                           ({@code Messages.csv} with DIRECTION, dates with times) (0.9/0.04/0.04/0.02)
     * @param facebookEras       share of each Facebook folder layout ({@link #FACEBOOK_ERAS}): {@code 2024}
     *                           ({@code your_facebook_activity/}), {@code 2023} ({@code your_activity_across_facebook/}),
     *                           {@code 2021} ({@code friends_and_followers/}, {@code _v2} keys), {@code 2019}
     *                           ({@code friends/}, {@code messages/inbox/}), {@code 2018} ({@code messages/<thread>/message.json})
     *                           (0.8/0.08/0.06/0.03/0.03)
     * @param twitterEras        share of each X archive layout ({@link #TWITTER_ERAS}): {@code 2022} ({@code tweets.js}),
     *                           {@code 2020} ({@code tweet.js} with the {@code {"tweet":…}} wrapper, {@code manifest.js}),
     *                           {@code 2019} (bare tweets, {@code direct-message.js}, no manifest) (0.9/0.05/0.05)
     * @param platformShares     share of each platform among those asked for with --platforms (equal)
     * @param hiddenProfileShare Connections rows with only a date (hidden profiles), per tie (0.005)
     * @param emailShare         connections that show an e-mail address (0.05)
     * @param sharedContactShare ties drawn from a pool shared by all owners (same URL and name) (0.05)
     * @param sharedPoolSize     size of that pool (5000)
     */
    public record Format(double zipShare, Map<String, Double> eras, Map<String, Double> facebookEras,
                         Map<String, Double> twitterEras, Map<String, Double> platformShares,
                         double hiddenProfileShare, double emailShare, double sharedContactShare,
                         int sharedPoolSize) implements Serializable {
        /** The era shares of {@code platform} ({@code eras} for LinkedIn). */
        public Map<String, Double> eras(String platform) {
            return switch (platform) {
                case "facebook" -> facebookEras;
                case "twitter" -> twitterEras;
                default -> eras;
            };
        }
    }

    /**
     * The thresholds of the tie features (same names and defaults as {@code tiedepth features}): the generator
     * places events relative to them and computes the realised truths with them.
     *
     * @param burstK       ties on one day that make a burst (10)
     * @param dormancyDays silence before an inbound interaction that makes a reactivation (180)
     * @param responseDays window after connecting for "any interaction" (180)
     */
    public record Features(int burstK, int dormancyDays, int responseDays) implements Serializable {
    }

    /**
     * The planted effects. Off means the relationship is absent by construction (the "null world" of the claim).
     *
     * @param c1DiminishingReturns elasticity β of n_active on n_ties (0.7); off: β = 1 (for a full null, turn
     *                             c2Ceiling off too)
     * @param c2Ceiling            ceiling of n_active (150); off: no ceiling
     * @param c3BurstPenalty       risk ratio of an interaction within responseDays, burst vs other ties (0.5); off: 1
     * @param c4InboundGrowth      elasticity of inbound requests per month on n_ties (0.8); off: 0
     * @param c5EffortReciprocity  log reciprocal share rises by this per standard deviation of initiative (0.35);
     *                             off: 0
     * @param c6MegaHelpful        share of mega owners (≥ 1,000 ties) who are not spammers (0.6); off: every mega
     *                             owner is a spammer; non-mega owners are spammers with probability baseSpamShare
     * @param c7ReciprocityDecline reciprocal share ∝ n_ties^−value (0.3); off: 0 (a strict null also needs
     *                             c6 helpfulShare = 1 − baseSpamShare, so spam does not depend on size)
     * @param c8ReactivationWaves  dormant ties wake up together around messages.waveDates; off: no waves
     * @param c9NoteEffect         risk ratio of a reciprocal tie, invitation with a note vs without (2.0); off: 1
     * @param c11WithinOwnerReturns within-owner elasticity β of the monthly panel's active ties on ties held (0.7),
     *                             planted in the written messages of LinkedIn and Facebook owners (they follow the
     *                             within-owner activity of {@link OwnerModel} instead of the base model's messages);
     *                             <b>off by default</b>, and off means the base model's messages (their panel is not a
     *                             null); the null world is on with value 1
     * @param c12AcceptingGrowth   within-owner elasticity γ of the inbound share of new ties on ties held (0.3),
     *                             planted in the written Invitations.csv of LinkedIn owners, which then lists every
     *                             tie's invitation; off by default (directions only within invitations.windowDays);
     *                             the null world is on with value 0
     */
    public record Effects(Effect c1DiminishingReturns, Effect c2Ceiling, Effect c3BurstPenalty,
                          Effect c4InboundGrowth, Effect c5EffortReciprocity, MegaEffect c6MegaHelpful,
                          Effect c7ReciprocityDecline, Effect c8ReactivationWaves, Effect c9NoteEffect,
                          Effect c11WithinOwnerReturns, Effect c12AcceptingGrowth)
            implements Serializable {
    }

    /** One switchable effect and its strength ({@code value}; its meaning is given per effect). */
    public record Effect(boolean enabled, double value) implements Serializable {
    }

    /**
     * @param enabled       the switch
     * @param helpfulShare  share of mega owners who are not spammers (0.6)
     * @param baseSpamShare share of spammers among the other owners (0.05)
     */
    public record MegaEffect(boolean enabled, double helpfulShare, double baseSpamShare) implements Serializable {
    }

    public static final GeneratorParams DEFAULTS = new GeneratorParams(
            new Sizes(300, 1.0, 0.02, 2000, 1.0, 5, 30_000, 300),
            new Timeline("2025-06-30", 180, 2, 12, 1.5, "2004-01-01"),
            new Bursts(true, 0.35, 0.12, 15, 60, 60, 0.5),
            new Activity(75, 0.15, 0.08, List.of(5, 15, 50, 150), List.of(26.0, 8.0, 3.0, 1.5), 0.25, 0.5, 1.0),
            new Reciprocity(0.15, 0.25, 0.08, 0.5, 0.15),
            new Invitations(300, 0.25, 1.5, 0.3, 0.5, 0.3),
            new Messages(12, 0.9, 400, 0.1, 1.0, 5, 20, 0.3, 3, List.of(), 2, 3),
            new Format(0.3, orderedMap("2023", 0.9, "2022", 0.04, "2021", 0.04, "2018", 0.02),
                    orderedMap("2024", 0.8, "2023", 0.08, "2021", 0.06, "2019", 0.03, "2018", 0.03),
                    orderedMap("2022", 0.9, "2020", 0.05, "2019", 0.05), Map.of(),
                    0.005, 0.05, 0.05, 5000),
            new Features(10, 180, 180),
            new Effects(new Effect(true, 0.7), new Effect(true, 150), new Effect(true, 0.5), new Effect(true, 0.8),
                    new Effect(true, 0.35), new MegaEffect(true, 0.6, 0.05), new Effect(true, 0.3),
                    new Effect(true, 0), new Effect(true, 2.0), new Effect(false, 0.7), new Effect(false, 0.3)));

    /** The LinkedIn header eras the writer knows, newest first. */
    public static final List<String> ERAS = List.of("2023", "2022", "2021", "2018");
    /** The Facebook folder layouts the writer knows, newest first. */
    public static final List<String> FACEBOOK_ERAS = List.of("2024", "2023", "2021", "2019", "2018");
    /** The X archive layouts the writer knows, newest first. */
    public static final List<String> TWITTER_ERAS = List.of("2022", "2020", "2019");
    /** Mega owners have at least this many ties (DESIGN §7, C6). */
    public static final int MEGA = 1000;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /** The eras the writer of {@code platform} knows, newest first. */
    public static List<String> eras(String platform) {
        return switch (platform) {
            case "facebook" -> FACEBOOK_ERAS;
            case "twitter" -> TWITTER_ERAS;
            default -> ERAS;
        };
    }

    private static String erasField(String platform) {
        return switch (platform) {
            case "facebook" -> "facebookEras";
            case "twitter" -> "twitterEras";
            default -> "eras";
        };
    }

    // ---- effective values of the switchable effects ----

    /** β of n_active on n_ties: the planted value, or 1 when C1 is off. */
    public double activeElasticity() {
        return effects.c1DiminishingReturns.enabled ? effects.c1DiminishingReturns.value : 1.0;
    }

    /** The ceiling of n_active, or +∞ when C2 is off. */
    public double ceiling() {
        return effects.c2Ceiling.enabled ? effects.c2Ceiling.value : Double.POSITIVE_INFINITY;
    }

    public double burstRiskRatio() {
        return effects.c3BurstPenalty.enabled ? effects.c3BurstPenalty.value : 1.0;
    }

    public double inboundElasticity() {
        return effects.c4InboundGrowth.enabled ? effects.c4InboundGrowth.value : 0.0;
    }

    public double effortStrength() {
        return effects.c5EffortReciprocity.enabled ? effects.c5EffortReciprocity.value : 0.0;
    }

    /** P(spammer) of a mega owner: 1 − helpfulShare, or 1 when C6 is off. */
    public double megaSpamShare() {
        return effects.c6MegaHelpful.enabled ? 1.0 - effects.c6MegaHelpful.helpfulShare : 1.0;
    }

    public double baseSpamShare() {
        return effects.c6MegaHelpful.baseSpamShare;
    }

    /** The exponent δ in reciprocal share ∝ n^−δ, or 0 when C7 is off. */
    public double reciprocityDecline() {
        return effects.c7ReciprocityDecline.enabled ? effects.c7ReciprocityDecline.value : 0.0;
    }

    public boolean waves() {
        return effects.c8ReactivationWaves.enabled && messages.waveCount > 0;
    }

    public double noteRiskRatio() {
        return effects.c9NoteEffect.enabled ? effects.c9NoteEffect.value : 1.0;
    }

    /** Whether the within-owner panel's active ties are planted (C11), with {@link #withinOwnerElasticity()}. */
    public boolean plantsWithinOwnerReturns() {
        return effects.c11WithinOwnerReturns.enabled;
    }

    /** The planted within-owner elasticity β of active ties on ties held (C11; meaningful when planted). */
    public double withinOwnerElasticity() {
        return effects.c11WithinOwnerReturns.value;
    }

    /** Whether the panel's inbound share of new ties is planted (C12), with {@link #inboundShareElasticity()}. */
    public boolean plantsAcceptingGrowth() {
        return effects.c12AcceptingGrowth.enabled;
    }

    /** The planted within-owner elasticity γ of the inbound share of new ties on ties held (C12). */
    public double inboundShareElasticity() {
        return effects.c12AcceptingGrowth.value;
    }

    public LocalDate exportDate() {
        return LocalDate.parse(timeline.exportDate);
    }

    public LocalDate earliestDate() {
        return LocalDate.parse(timeline.earliestDate);
    }

    // ---- JSON ----

    /** Reads a {@code --params} file: its values over the defaults, validated. */
    public static GeneratorParams load(Path file) throws IOException {
        String text = Files.readString(file);
        try {
            return fromJson(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot use --params " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses parameters from JSON (any subset of the fields) over the defaults and validates them.
     *
     * @throws IllegalArgumentException naming the field that is unknown, of the wrong type or out of range
     */
    public static GeneratorParams fromJson(String json) {
        try {
            JsonNode user = JSON.readTree(json);
            if (user == null || user.isMissingNode() || user.isNull()) {
                return DEFAULTS;
            }
            if (!user.isObject()) {
                throw new IllegalArgumentException("expected a JSON object");
            }
            ObjectNode merged = JSON.valueToTree(DEFAULTS);
            merge(merged, (ObjectNode) user, "");
            GeneratorParams p = JSON.treeToValue(merged, GeneratorParams.class);
            p.validate();
            return p;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage());
        }
    }

    /** The parameters with {@code patch} (JSON, any subset) applied. */
    public GeneratorParams with(String patch) {
        try {
            ObjectNode merged = JSON.valueToTree(this);
            merge(merged, (ObjectNode) JSON.readTree(patch), "");
            GeneratorParams p = JSON.treeToValue(merged, GeneratorParams.class);
            p.validate();
            return p;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage());
        }
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public JsonNode toTree() {
        return JSON.valueToTree(this);
    }

    private static void merge(ObjectNode base, ObjectNode patch, String path) {
        Iterator<Map.Entry<String, JsonNode>> it = patch.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            JsonNode old = base.get(e.getKey());
            if (old == null) {
                throw new IllegalArgumentException("unknown parameter '" + name + "'");
            }
            if (old.isObject() && e.getValue().isObject() && !isMapField(name)) {
                merge((ObjectNode) old, (ObjectNode) e.getValue(), name);
            } else {
                base.set(e.getKey(), e.getValue());
            }
        }
    }

    /** Map-valued parameters are replaced as a whole (their keys are data, not field names). */
    private static boolean isMapField(String name) {
        return name.equals("format.eras") || name.equals("format.facebookEras") || name.equals("format.twitterEras")
                || name.equals("format.platformShares");
    }

    /** Checks ranges; the message names the parameter. */
    public void validate() {
        List<String> bad = new ArrayList<>();
        check(bad, sizes.median >= 1, "sizes.median must be ≥ 1");
        check(bad, sizes.sigma >= 0, "sizes.sigma must be ≥ 0");
        check(bad, share(sizes.tailShare), "sizes.tailShare must be in [0, 1]");
        check(bad, sizes.tailAlpha > 0, "sizes.tailAlpha must be > 0");
        check(bad, sizes.min >= 1 && sizes.min <= sizes.cap, "sizes.min must be in [1, sizes.cap]");
        check(bad, sizes.cap <= 30_000, "sizes.cap must be ≤ 30000 (LinkedIn's cap)");
        check(bad, sizes.refSize >= 1, "sizes.refSize must be ≥ 1");
        check(bad, date(timeline.exportDate), "timeline.exportDate must be yyyy-MM-dd");
        check(bad, date(timeline.earliestDate), "timeline.earliestDate must be yyyy-MM-dd");
        check(bad, timeline.exportSpreadDays >= 0, "timeline.exportSpreadDays must be ≥ 0");
        check(bad, timeline.tenureMinYears >= 1 && timeline.tenureMaxYears >= timeline.tenureMinYears,
                "timeline.tenureMinYears must be ≥ 1 and ≤ tenureMaxYears");
        check(bad, timeline.growth > 0, "timeline.growth must be > 0");
        check(bad, share(bursts.ownerShare) && share(bursts.tieShare) && share(bursts.recentShare),
                "bursts shares must be in [0, 1]");
        check(bad, bursts.minSize >= features.burstK && bursts.maxSize >= bursts.minSize,
                "bursts.minSize must be ≥ features.burstK and ≤ bursts.maxSize");
        check(bad, bursts.backlogDays >= 0, "bursts.backlogDays must be ≥ 0");
        check(bad, activity.activeAtRef > 0, "activity.activeAtRef must be > 0");
        check(bad, activity.layerSizes.size() == activity.layerRates.size() && !activity.layerSizes.isEmpty(),
                "activity.layerSizes and activity.layerRates must have the same, non-zero length");
        check(bad, activity.layerRates.stream().allMatch(r -> r >= 1.0),
                "activity.layerRates must be ≥ 1 per year (active ties)");
        check(bad, share(activity.greetShare) && share(activity.youngShareMax),
                "activity.greetShare and youngShareMax must be in [0, 1]");
        check(bad, activity.maxActiveShare > 0 && activity.maxActiveShare <= 1,
                "activity.maxActiveShare must be in (0, 1]");
        check(bad, share(reciprocity.baseShare) && reciprocity.spamFactor >= 0, "reciprocity.baseShare must be in [0, 1]");
        check(bad, share(reciprocity.initiativeMean) && reciprocity.initiativeSd >= 0,
                "reciprocity.initiativeMean must be in [0, 1]");
        check(bad, invitations.windowDays >= 1, "invitations.windowDays must be ≥ 1");
        check(bad, share(invitations.noteShare) && share(invitations.contactInvitedShare),
                "invitations shares must be in [0, 1]");
        check(bad, invitations.inboundPerMonth >= 0 && invitations.pendingOutgoingPerMonth >= 0,
                "invitations rates must be ≥ 0");
        check(bad, messages.wordsMedian >= 1 && messages.maxWords >= 1, "messages.wordsMedian must be ≥ 1");
        check(bad, messages.groupMaxMembers >= 2 && messages.groupMaxMessages >= 3,
                "messages.groupMaxMembers must be ≥ 2 and groupMaxMessages ≥ 3");
        check(bad, messages.waveCount >= 0 && messages.wakePerOwner >= 0, "messages wave counts must be ≥ 0");
        check(bad, messages.waveDates.stream().allMatch(GeneratorParams::date), "messages.waveDates must be yyyy-MM-dd");
        check(bad, share(format.zipShare) && share(format.hiddenProfileShare) && share(format.emailShare)
                && share(format.sharedContactShare), "format shares must be in [0, 1]");
        for (String platform : List.of("linkedin", "facebook", "twitter")) {
            String name = "format." + erasField(platform);
            Map<String, Double> shares = format.eras(platform);
            check(bad, eras(platform).containsAll(shares.keySet()), name + " keys must be among " + eras(platform));
            check(bad, shares.values().stream().mapToDouble(Double::doubleValue).sum() > 0
                    && shares.values().stream().allMatch(v -> v >= 0), name + " must have a positive share");
        }
        check(bad, format.sharedPoolSize >= 1, "format.sharedPoolSize must be ≥ 1");
        check(bad, features.burstK >= 2 && features.dormancyDays >= 1 && features.responseDays >= 1,
                "features.burstK must be ≥ 2, dormancyDays and responseDays ≥ 1");
        check(bad, effects.c1DiminishingReturns.value > 0, "effects.c1DiminishingReturns.value must be > 0");
        check(bad, effects.c2Ceiling.value >= 1, "effects.c2Ceiling.value must be ≥ 1");
        check(bad, effects.c3BurstPenalty.value > 0, "effects.c3BurstPenalty.value must be > 0");
        check(bad, effects.c9NoteEffect.value > 0, "effects.c9NoteEffect.value must be > 0");
        check(bad, effects.c11WithinOwnerReturns.value > 0, "effects.c11WithinOwnerReturns.value must be > 0");
        check(bad, Math.abs(effects.c12AcceptingGrowth.value) <= 1, "effects.c12AcceptingGrowth.value must be in "
                + "[-1, 1]");
        check(bad, share(effects.c6MegaHelpful.helpfulShare) && share(effects.c6MegaHelpful.baseSpamShare),
                "effects.c6MegaHelpful shares must be in [0, 1]");
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", bad));
        }
    }

    private static void check(List<String> bad, boolean ok, String message) {
        if (!ok) {
            bad.add(message);
        }
    }

    private static boolean share(double v) {
        return v >= 0 && v <= 1;
    }

    private static boolean date(String s) {
        try {
            LocalDate.parse(s);
            return true;
        } catch (DateTimeParseException | NullPointerException e) {
            return false;
        }
    }

    private static Map<String, Double> orderedMap(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Double) kv[i + 1]);
        }
        return m;
    }
}
