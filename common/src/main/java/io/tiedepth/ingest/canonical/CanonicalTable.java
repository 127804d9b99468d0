package io.tiedepth.ingest.canonical;

import static io.tiedepth.schema.Columns.CHANNEL;
import static io.tiedepth.schema.Columns.CONNECTED_AT_PRECISION;
import static io.tiedepth.schema.Columns.CONTACT_ID;
import static io.tiedepth.schema.Columns.COUNTERPART_ID;
import static io.tiedepth.schema.Columns.DIRECTION;
import static io.tiedepth.schema.Columns.EXPORT_ID;
import static io.tiedepth.schema.Columns.INVITED_BY;
import static io.tiedepth.schema.Columns.OWNER_ID;
import static io.tiedepth.schema.Columns.PLATFORM;
import static io.tiedepth.schema.Columns.THREAD_ID;
import static io.tiedepth.schema.Columns.TIE_SOURCE;

import io.tiedepth.model.Precision;
import io.tiedepth.schema.Columns;
import io.tiedepth.schema.Schemas;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The three tables a canonical-tables export may hold, with their columns: exactly those of
 * {@link Schemas#TIES}, {@link Schemas#INTERACTIONS} and {@link Schemas#INVITATIONS} without {@code export_id}
 * (tiedepth assigns it), in schema order. A column is required when the schema says it is not nullable; what a
 * value may be follows from its type and, for the enumerated columns, from {@link #allowed}.
 */
public enum CanonicalTable {
    TIES("ties", Schemas.TIES),
    INTERACTIONS("interactions", Schemas.INTERACTIONS),
    INVITATIONS("invitations", Schemas.INVITATIONS);

    /**
     * The allowed values of the enumerated columns (DESIGN §3). In a holder class: an enum's constructors run
     * before its own static fields are set.
     */
    private static final class Allowed {
        static final Map<String, List<String>> VALUES = Map.of(
                TIE_SOURCE, List.of("connection", "friend", "follower", "following", "mutual_follow",
                        "network_link", "derived"),
                INVITED_BY, List.of("owner", "contact", "unknown"),
                CHANNEL, List.of(Columns.CHANNELS),
                DIRECTION, List.of("out", "in"),
                CONNECTED_AT_PRECISION, Arrays.stream(Precision.values()).map(Enum::name).toList());
    }

    /** The allowed values of an enumerated column (tie_source, invited_by, channel, direction, precision). */
    public static List<String> allowed(String column) {
        return Allowed.VALUES.getOrDefault(column, List.of());
    }

    /** What a column holds, which decides how its values are checked. */
    public enum Kind {
        /** The row's platform: a declared platform name. */
        PLATFORM,
        /** A person's given (already pseudonymized) id: owner_id, contact_id, counterpart_id. */
        PERSON,
        /** A given conversation id. */
        THREAD,
        /** One of a fixed list of values ({@link #allowed}). */
        ENUM,
        /** An instant: ISO-8601 with a zone, epoch milliseconds, or a Parquet timestamp. */
        TIME,
        /** true or false. */
        BOOLEAN,
        /** A whole number from 0 to {@link Integer#MAX_VALUE}. */
        COUNT
    }

    /** One column: its name, kind, whether a value is required, and for an enum its allowed values. */
    public record Column(String name, Kind kind, boolean required, List<String> values) {
    }

    private final String key;
    private final List<Column> columns;

    CanonicalTable(String key, StructType schema) {
        this.key = key;
        List<Column> cols = new ArrayList<>();
        for (StructField f : schema.fields()) {
            if (!f.name().equals(EXPORT_ID)) {
                Kind kind = kind(f.name(), f.dataType());
                cols.add(new Column(f.name(), kind, !f.nullable(),
                        allowed(f.name())));
            }
        }
        this.columns = List.copyOf(cols);
    }

    /** The manifest key naming this table's file, and the table's name. */
    public String key() {
        return key;
    }

    /** The columns, in schema order: the order in which a row's values are checked. */
    public List<Column> columns() {
        return columns;
    }

    /** Position of {@code name} in {@link #columns()}. */
    public int index(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + name + " in " + key);
    }

    /** The column whose value names the other person of the row (contact_id, or counterpart_id). */
    public String counterpartColumn() {
        return this == INVITATIONS ? COUNTERPART_ID : CONTACT_ID;
    }

    private static Kind kind(String name, DataType type) {
        if (type.equals(DataTypes.TimestampType)) {
            return Kind.TIME;
        }
        if (type.equals(DataTypes.BooleanType)) {
            return Kind.BOOLEAN;
        }
        if (type.equals(DataTypes.IntegerType)) {
            return Kind.COUNT;
        }
        if (type.equals(DataTypes.StringType)) {
            if (name.equals(PLATFORM)) {
                return Kind.PLATFORM;
            }
            if (name.equals(OWNER_ID) || name.equals(CONTACT_ID) || name.equals(COUNTERPART_ID)) {
                return Kind.PERSON;
            }
            if (name.equals(THREAD_ID)) {
                return Kind.THREAD;
            }
            if (Allowed.VALUES.containsKey(name)) {
                return Kind.ENUM;
            }
        }
        throw new IllegalStateException("canonical column " + name + " of type " + type.simpleString()
                + " has no validation rule");
    }
}
