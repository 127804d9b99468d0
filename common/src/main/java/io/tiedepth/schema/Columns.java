package io.tiedepth.schema;

/** Every column name of every table, once. Definitions: DESIGN §3, §5, §6 and the README's "Definitions". */
public final class Columns {
    private Columns() {
    }

    // shared
    public static final String EXPORT_ID = "export_id";
    public static final String PLATFORM = "platform";
    public static final String OWNER_ID = "owner_id";
    public static final String CONTACT_ID = "contact_id";

    // exports
    public static final String SOURCE_ID = "source_id";
    public static final String FORMAT_ERA = "format_era";
    public static final String STATUS = "status";
    public static final String SIZE_BYTES = "size_bytes";
    public static final String FILES = "files";
    public static final String FILE = "file";
    public static final String ROWS_READ = "rows_read";
    public static final String ROWS_ACCEPTED = "rows_accepted";
    public static final String ROWS_REJECTED = "rows_rejected";
    public static final String HIDDEN_PROFILES = "hidden_profiles";
    public static final String WINDOW_START = "window_start";
    public static final String WINDOW_END = "window_end";
    public static final String INGESTED_AT = "ingested_at";
    public static final String PARSER_VERSION = "parser_version";
    public static final String WARNINGS = "warnings";
    public static final String TIME_ORIGIN = "time_origin";
    public static final String DERIVED_TIES = "derived_ties";

    // ties
    public static final String CONNECTED_AT = "connected_at";
    public static final String CONNECTED_AT_PRECISION = "connected_at_precision";
    public static final String TIE_SOURCE = "tie_source";
    public static final String INVITED_BY = "invited_by";
    public static final String INVITATION_HAS_NOTE = "invitation_has_note";
    public static final String ENDED = "ended";

    // interactions
    public static final String AT = "at";
    public static final String CHANNEL = "channel";
    public static final String DIRECTION = "direction";
    public static final String THREAD_ID = "thread_id";
    public static final String IS_GROUP = "is_group";
    public static final String WORDS = "words";
    public static final String CHARS = "chars";
    public static final String DURATION_S = "duration_s";

    // invitations
    public static final String COUNTERPART_ID = "counterpart_id";
    public static final String SENT_AT = "sent_at";
    public static final String HAS_NOTE = "has_note";

    // rejects
    public static final String LOCATION = "location";
    public static final String REASON_CODE = "reason_code";
    public static final String REASON = "reason";

    // tie_features
    public static final String IS_TIE = "is_tie";
    public static final String MSGS_OUT = "msgs_out";
    public static final String MSGS_IN = "msgs_in";
    public static final String N_INTERACTIONS = "n_interactions";
    public static final String INTERACTIONS_OUT = "interactions_out";
    public static final String INTERACTIONS_IN = "interactions_in";
    public static final String FIRST_AT = "first_at";
    public static final String LAST_AT = "last_at";
    public static final String ACTIVE_DAYS = "active_days";
    public static final String ACTIVE_MONTHS = "active_months";
    public static final String ACTIVE_PERIODS = "active_periods";
    public static final String OBSERVED_DAYS = "observed_days";
    public static final String CONTACT_FREQUENCY = "contact_frequency";
    public static final String RECIPROCAL = "reciprocal";
    public static final String DEPTH = "depth";
    public static final String ACTIVE = "active";
    public static final String DAYS_TO_FIRST_INTERACTION = "days_to_first_interaction";
    public static final String INTERACTED_WITHIN_180D = "interacted_within_180d";
    public static final String INITIATED_BY = "initiated_by";
    public static final String BURST_ACCEPTED = "burst_accepted";
    public static final String REACTIVATED = "reactivated";
    public static final String REACTIVATIONS = "reactivations";
    public static final String REACTIVATED_AT = "reactivated_at";
    public static final String LAYER = "layer";

    /** Interaction channels (DESIGN §3); tie_features has an {@code n_<channel>} count for each. */
    public static final String[] CHANNELS = {"message", "call", "comment", "reaction", "endorsement",
        "recommendation", "reply", "mention", "wall_post"};

    public static String channelCount(String channel) {
        return "n_" + channel;
    }

    // owner_metrics
    public static final String N_TIES = "n_ties";
    public static final String N_CONTACTS = "n_contacts";
    public static final String N_ACTIVE = "n_active";
    public static final String N_RECIPROCAL = "n_reciprocal";
    public static final String N_SUSTAINED = "n_sustained";
    public static final String N_ONE_WAY = "n_one_way";
    public static final String ACTIVE_SHARE = "active_share";
    public static final String RECIPROCAL_SHARE = "reciprocal_share";
    public static final String INTERACTIONS_PER_TIE = "interactions_per_tie";
    public static final String GINI = "interaction_gini";
    public static final String TOP20_SHARE = "top20_share";
    public static final String BURST_SHARE = "burst_share";
    public static final String OUTBOUND_INITIATION_SHARE = "outbound_initiation_share";
    public static final String INBOUND_REQUESTS = "inbound_requests";
    public static final String INBOUND_REQUESTS_PER_MONTH = "inbound_requests_per_month";
    /**
     * Days before an export's window end in which {@link #INBOUND_REQUESTS} are counted (half a year: LinkedIn's
     * Invitations.csv lists only recent months); the per-month rate divides by min(observation_days, this) / 30.4375.
     */
    public static final double INBOUND_WINDOW_DAYS = 182.625;
    public static final String OBSERVATION_DAYS = "observation_days";
    public static final String SIZE_CLASS = "size_class";
    /** Dunbar circles of the owner's active ties (DESIGN §6): count, cumulative sizes, successive ratios. */
    public static final String N_LAYERS = "n_layers";
    public static final String LAYER_SIZES = "layer_sizes";
    public static final String LAYER_RATIOS = "layer_ratios";
    /** Mean contact frequency of the owner's active ties (claims stage input; the curves' saturation metric). */
    public static final String MEAN_ACTIVE_FREQUENCY = "mean_active_frequency";

    // features/panels (within-owner monthly panels; inbound_requests as owner_metrics)
    public static final String MONTH = "month";
    public static final String TIES_HELD = "ties_held";
    public static final String TIES_GAINED = "ties_gained";
    public static final String ACTIVE_12M = "active_12m";
    public static final String RECIPROCAL_12M = "reciprocal_12m";
    public static final String GAINED_DIRECTION_KNOWN = "gained_direction_known";
    public static final String GAINED_INBOUND = "gained_inbound";
}
