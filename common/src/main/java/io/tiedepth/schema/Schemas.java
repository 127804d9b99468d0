package io.tiedepth.schema;

import static io.tiedepth.schema.Columns.*;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The canonical tables' schemas (DESIGN §3). Every row carries export_id and platform; times are UTC. */
public final class Schemas {
    private Schemas() {
    }

    public static final StructType FILE_STATS = struct(
            req(FILE, DataTypes.StringType),
            req(ROWS_READ, DataTypes.LongType),
            req(ROWS_ACCEPTED, DataTypes.LongType),
            req(ROWS_REJECTED, DataTypes.LongType));

    /**
     * One row per export (accepted or rejected as a whole). {@code source_id} is the donation's content hash; it
     * equals export_id except for a many-owner source (a network dataset), whose owners' exports share it.
     * {@code time_origin} is {@code relative} when the export's times are offsets from an unknown start (calendar
     * statistics are then not testable), else {@code absolute} (null in tables written before it existed);
     * {@code derived_ties} names the rule ties were derived from interactions with, null for declared ties.
     */
    public static final StructType EXPORTS = struct(
            req(EXPORT_ID, DataTypes.StringType),
            req(SOURCE_ID, DataTypes.StringType),
            opt(OWNER_ID, DataTypes.StringType),
            req(PLATFORM, DataTypes.StringType),
            req(FORMAT_ERA, DataTypes.StringType),
            req(STATUS, DataTypes.StringType),
            req(SIZE_BYTES, DataTypes.LongType),
            req(FILES, new ArrayType(FILE_STATS, false)),
            req(ROWS_READ, DataTypes.LongType),
            req(ROWS_ACCEPTED, DataTypes.LongType),
            req(ROWS_REJECTED, DataTypes.LongType),
            req(HIDDEN_PROFILES, DataTypes.LongType),
            opt(WINDOW_START, DataTypes.TimestampType),
            opt(WINDOW_END, DataTypes.TimestampType),
            req(INGESTED_AT, DataTypes.TimestampType),
            req(PARSER_VERSION, DataTypes.StringType),
            req(WARNINGS, new ArrayType(DataTypes.StringType, false)),
            opt(TIME_ORIGIN, DataTypes.StringType),
            opt(DERIVED_TIES, DataTypes.StringType));

    public static final StructType TIES = struct(
            req(EXPORT_ID, DataTypes.StringType),
            req(PLATFORM, DataTypes.StringType),
            req(OWNER_ID, DataTypes.StringType),
            req(CONTACT_ID, DataTypes.StringType),
            opt(CONNECTED_AT, DataTypes.TimestampType),
            opt(CONNECTED_AT_PRECISION, DataTypes.StringType),
            req(TIE_SOURCE, DataTypes.StringType),
            req(INVITED_BY, DataTypes.StringType),
            opt(INVITATION_HAS_NOTE, DataTypes.BooleanType),
            req(ENDED, DataTypes.BooleanType));

    public static final StructType INTERACTIONS = struct(
            req(EXPORT_ID, DataTypes.StringType),
            req(PLATFORM, DataTypes.StringType),
            req(OWNER_ID, DataTypes.StringType),
            req(CONTACT_ID, DataTypes.StringType),
            req(AT, DataTypes.TimestampType),
            req(CHANNEL, DataTypes.StringType),
            req(DIRECTION, DataTypes.StringType),
            opt(THREAD_ID, DataTypes.StringType),
            req(IS_GROUP, DataTypes.BooleanType),
            opt(WORDS, DataTypes.IntegerType),
            opt(CHARS, DataTypes.IntegerType),
            opt(DURATION_S, DataTypes.IntegerType));

    public static final StructType INVITATIONS = struct(
            req(EXPORT_ID, DataTypes.StringType),
            req(PLATFORM, DataTypes.StringType),
            req(OWNER_ID, DataTypes.StringType),
            req(COUNTERPART_ID, DataTypes.StringType),
            opt(SENT_AT, DataTypes.TimestampType),
            req(DIRECTION, DataTypes.StringType),
            req(HAS_NOTE, DataTypes.BooleanType));

    public static final StructType REJECTS = struct(
            req(EXPORT_ID, DataTypes.StringType),
            req(PLATFORM, DataTypes.StringType),
            req(FILE, DataTypes.StringType),
            req(LOCATION, DataTypes.StringType),
            req(REASON_CODE, DataTypes.StringType),
            req(REASON, DataTypes.StringType));

    /**
     * {@code features/tie_features}: one row per owner × contact of the analysed exports (README "Tie features"),
     * with an {@code n_<channel>} count per channel of {@link Columns#CHANNELS} after {@code interactions_in}.
     */
    public static final StructType TIE_FEATURES = tieFeatures();

    /** {@code features/owner_metrics}: one row per analysed export (README "Owner metrics", "Dunbar circles"). */
    public static final StructType OWNER_METRICS = struct(
            req(EXPORT_ID, DataTypes.StringType),
            req(PLATFORM, DataTypes.StringType),
            opt(OWNER_ID, DataTypes.StringType),
            req(SIZE_CLASS, DataTypes.StringType),
            req(N_TIES, DataTypes.LongType),
            req(N_CONTACTS, DataTypes.LongType),
            req(N_ACTIVE, DataTypes.LongType),
            req(N_RECIPROCAL, DataTypes.LongType),
            req(N_SUSTAINED, DataTypes.LongType),
            req(N_ONE_WAY, DataTypes.LongType),
            opt(ACTIVE_SHARE, DataTypes.DoubleType),
            opt(RECIPROCAL_SHARE, DataTypes.DoubleType),
            req(N_INTERACTIONS, DataTypes.LongType),
            opt(INTERACTIONS_PER_TIE, DataTypes.DoubleType),
            opt(GINI, DataTypes.DoubleType),
            opt(TOP20_SHARE, DataTypes.DoubleType),
            opt(BURST_SHARE, DataTypes.DoubleType),
            opt(OUTBOUND_INITIATION_SHARE, DataTypes.DoubleType),
            req(INBOUND_REQUESTS, DataTypes.LongType),
            opt(INBOUND_REQUESTS_PER_MONTH, DataTypes.DoubleType),
            req(REACTIVATIONS, DataTypes.LongType),
            opt(OBSERVATION_DAYS, DataTypes.DoubleType),
            opt(WINDOW_START, DataTypes.TimestampType),
            opt(WINDOW_END, DataTypes.TimestampType),
            req(TIME_ORIGIN, DataTypes.StringType),
            opt(DERIVED_TIES, DataTypes.StringType),
            req(FORMAT_ERA, DataTypes.StringType),
            req(N_LAYERS, DataTypes.IntegerType),
            opt(LAYER_SIZES, new ArrayType(DataTypes.IntegerType, false)),
            opt(LAYER_RATIOS, new ArrayType(DataTypes.DoubleType, false)));

    private static StructType tieFeatures() {
        List<StructField> f = new ArrayList<>(List.of(
                req(EXPORT_ID, DataTypes.StringType),
                req(PLATFORM, DataTypes.StringType),
                opt(OWNER_ID, DataTypes.StringType),
                req(CONTACT_ID, DataTypes.StringType),
                req(IS_TIE, DataTypes.BooleanType),
                opt(CONNECTED_AT, DataTypes.TimestampType),
                opt(CONNECTED_AT_PRECISION, DataTypes.StringType),
                opt(TIE_SOURCE, DataTypes.StringType),
                opt(INVITED_BY, DataTypes.StringType),
                opt(INVITATION_HAS_NOTE, DataTypes.BooleanType),
                req(ENDED, DataTypes.BooleanType),
                opt(BURST_ACCEPTED, DataTypes.BooleanType),
                req(N_INTERACTIONS, DataTypes.LongType),
                req(MSGS_OUT, DataTypes.LongType),
                req(MSGS_IN, DataTypes.LongType),
                req(INTERACTIONS_OUT, DataTypes.LongType),
                req(INTERACTIONS_IN, DataTypes.LongType)));
        for (String channel : CHANNELS) {
            f.add(req(channelCount(channel), DataTypes.LongType));
        }
        f.addAll(List.of(
                opt(FIRST_AT, DataTypes.TimestampType),
                opt(LAST_AT, DataTypes.TimestampType),
                req(ACTIVE_DAYS, DataTypes.LongType),
                req(ACTIVE_MONTHS, DataTypes.LongType),
                req(ACTIVE_PERIODS, DataTypes.LongType),
                req(OBSERVED_DAYS, DataTypes.DoubleType),
                req(CONTACT_FREQUENCY, DataTypes.DoubleType),
                req(RECIPROCAL, DataTypes.BooleanType),
                req(DEPTH, DataTypes.StringType),
                req(ACTIVE, DataTypes.BooleanType),
                opt(DAYS_TO_FIRST_INTERACTION, DataTypes.DoubleType),
                opt(INTERACTED_WITHIN_180D, DataTypes.BooleanType),
                opt(INITIATED_BY, DataTypes.StringType),
                req(REACTIVATIONS, DataTypes.LongType),
                req(REACTIVATED, DataTypes.BooleanType),
                req(REACTIVATED_AT, new ArrayType(DataTypes.TimestampType, false)),
                opt(LAYER, DataTypes.IntegerType)));
        return new StructType(f.toArray(new StructField[0]));
    }

    /**
     * {@code features/panels}: one row per analysed export and UTC calendar month ({@code month}: its first day), from
     * the month of the first dated tie to the month of the window end ({@link io.tiedepth.panels.PanelRow}). The last
     * three columns are null where the export does not record them.
     */
    public static final StructType PANELS = struct(
            req(EXPORT_ID, DataTypes.StringType),
            opt(OWNER_ID, DataTypes.StringType),
            req(PLATFORM, DataTypes.StringType),
            req(MONTH, DataTypes.DateType),
            req(TIES_HELD, DataTypes.LongType),
            req(TIES_GAINED, DataTypes.LongType),
            req(ACTIVE_12M, DataTypes.LongType),
            req(RECIPROCAL_12M, DataTypes.LongType),
            opt(INBOUND_REQUESTS, DataTypes.LongType),
            opt(GAINED_DIRECTION_KNOWN, DataTypes.LongType),
            opt(GAINED_INBOUND, DataTypes.LongType));

    static StructType struct(StructField... fields) {
        return new StructType(fields);
    }

    static StructField req(String name, DataType type) {
        return DataTypes.createStructField(name, type, false);
    }

    static StructField opt(String name, DataType type) {
        return DataTypes.createStructField(name, type, true);
    }
}
