package io.tiedepth.jobs.claims;

import static io.tiedepth.schema.Columns.*;

import io.tiedepth.schema.Schemas;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;

/**
 * A small warehouse of canonical tables, worked out by hand: {@value #OWNERS} LinkedIn owners, owner i with
 * 12 + i ties, observed 2022-01-01 .. 2024-01-01. Tie k of an owner:
 * <pre>
 * connected   k &lt; 10: 2022-02-01 (a burst of 10); else 2022-03-01 + k days
 * note        invitation with a note when k % 3 == 0, without one otherwise
 * messages    k even: out at +5 days, in at +6 days (reciprocal, within 180 days)
 *             k % 4 == 1: out at +200 days (one-way, outside 180 days)
 *             k % 5 == 0: in on 2023-06-15 (a reactivation: at least 180 silent days before)
 * </pre>
 */
final class MiniStudy {
    static final int OWNERS = 40;
    static final Instant START = Instant.parse("2022-01-01T00:00:00Z");
    static final Instant END = Instant.parse("2024-01-01T00:00:00Z");

    final List<Row> exports = new ArrayList<>();
    final List<Row> ties = new ArrayList<>();
    final List<Row> interactions = new ArrayList<>();
    final List<Row> invitations = new ArrayList<>();

    MiniStudy() {
        for (int i = 0; i < OWNERS; i++) {
            String e = "export-" + i;
            String o = "owner-" + i;
            exports.add(row(Schemas.EXPORTS, Map.of(EXPORT_ID, e, SOURCE_ID, e, OWNER_ID, o, PLATFORM, "linkedin",
                    FORMAT_ERA, "test", STATUS, "ok", WINDOW_START, ts(START), WINDOW_END, ts(END),
                    INGESTED_AT, ts(END), PARSER_VERSION, "test")));
            for (int k = 0; k < 12 + i; k++) {
                String c = "c" + k;
                Instant connected = k < 10 ? Instant.parse("2022-02-01T00:00:00Z")
                        : Instant.parse("2022-03-01T00:00:00Z").plus(Duration.ofDays(k));
                ties.add(row(Schemas.TIES, Map.of(EXPORT_ID, e, PLATFORM, "linkedin", OWNER_ID, o, CONTACT_ID, c,
                        CONNECTED_AT, ts(connected), CONNECTED_AT_PRECISION, "day", TIE_SOURCE, "connection",
                        INVITED_BY, "contact", INVITATION_HAS_NOTE, k % 3 == 0, ENDED, false)));
                invitations.add(row(Schemas.INVITATIONS, Map.of(EXPORT_ID, e, PLATFORM, "linkedin", OWNER_ID, o,
                        COUNTERPART_ID, c, SENT_AT, ts(connected.minus(Duration.ofDays(1))), DIRECTION, "in",
                        HAS_NOTE, k % 3 == 0)));
                if (k % 2 == 0) {
                    message(e, o, c, connected.plus(Duration.ofDays(5)), "out");
                    message(e, o, c, connected.plus(Duration.ofDays(6)), "in");
                }
                if (k % 4 == 1) {
                    message(e, o, c, connected.plus(Duration.ofDays(200)), "out");
                }
                if (k % 5 == 0) {
                    message(e, o, c, Instant.parse("2023-06-15T12:00:00Z"), "in");
                }
            }
        }
    }

    private void message(String e, String o, String c, Instant at, String direction) {
        interactions.add(row(Schemas.INTERACTIONS, Map.of(EXPORT_ID, e, PLATFORM, "linkedin", OWNER_ID, o,
                CONTACT_ID, c, AT, ts(at), CHANNEL, "message", DIRECTION, direction, THREAD_ID, "t-" + o + "-" + c,
                IS_GROUP, false)));
    }

    /** Writes the canonical tables under {@code warehouse/tables/}. */
    void write(SparkSession spark, String warehouse) {
        spark.createDataFrame(exports, Schemas.EXPORTS).write().mode(SaveMode.Overwrite)
                .parquet(warehouse + "/tables/exports");
        spark.createDataFrame(ties, Schemas.TIES).write().mode(SaveMode.Overwrite).parquet(warehouse + "/tables/ties");
        spark.createDataFrame(interactions, Schemas.INTERACTIONS).write().mode(SaveMode.Overwrite)
                .parquet(warehouse + "/tables/interactions");
        spark.createDataFrame(invitations, Schemas.INVITATIONS).write().mode(SaveMode.Overwrite)
                .parquet(warehouse + "/tables/invitations");
    }

    /** A row of the schema with the given values; other fields null, or 0 / "" / empty when required. */
    static Row row(StructType schema, Map<String, Object> values) {
        Map<String, Object> v = new HashMap<>(values);
        Object[] out = new Object[schema.size()];
        StructField[] fields = schema.fields();
        for (int i = 0; i < fields.length; i++) {
            StructField f = fields[i];
            Object x = v.get(f.name());
            if (x == null && !f.nullable()) {
                if (f.dataType() instanceof ArrayType) {
                    x = JavaConverters.asScalaBuffer(List.of()).toList();
                } else if (f.dataType().equals(DataTypes.LongType)) {
                    x = 0L;
                } else if (f.dataType().equals(DataTypes.IntegerType)) {
                    x = 0;
                } else if (f.dataType().equals(DataTypes.BooleanType)) {
                    x = false;
                } else {
                    x = "";
                }
            }
            out[i] = x;
        }
        return RowFactory.create(out);
    }

    static Timestamp ts(Instant t) {
        return Timestamp.from(t);
    }
}
