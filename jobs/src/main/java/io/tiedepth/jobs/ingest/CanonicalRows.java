package io.tiedepth.jobs.ingest;

import io.tiedepth.model.Canonical;
import io.tiedepth.model.FileStats;
import io.tiedepth.schema.Schemas;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;

/**
 * One export's canonical rows as Spark rows of a single tagged schema, so that one pass of parsing feeds all five
 * tables: column {@value #KIND} names the table and exactly one struct column (named like the table) is set.
 */
public final class CanonicalRows {
    public static final String KIND = "kind";
    /**
     * The donation a row came from (its index in the inbox listing) and, on its export and skipped rows only, its
     * source id; never written to a table (ingest finds repeated donations before parsing, {@link
     * IngestJob#repeatedDonations}, and writes only the table columns, {@link TableFiles}).
     */
    public static final String DONATION = "_donation";
    public static final String SOURCE = "_source_id";
    /** Kind of the one row an already-ingested donation yields. */
    public static final String SKIPPED = "skipped";
    public static final String EXPORTS = "exports";
    public static final String TIES = "ties";
    public static final String INTERACTIONS = "interactions";
    public static final String INVITATIONS = "invitations";
    public static final String REJECTS = "rejects";
    public static final List<String> TABLES = List.of(EXPORTS, TIES, INTERACTIONS, INVITATIONS, REJECTS);

    public static final StructType TAGGED = new StructType()
            .add(KIND, DataTypes.StringType, false)
            .add(DONATION, DataTypes.IntegerType, false)
            .add(SOURCE, DataTypes.StringType, true)
            .add(EXPORTS, Schemas.EXPORTS, true)
            .add(TIES, Schemas.TIES, true)
            .add(INTERACTIONS, Schemas.INTERACTIONS, true)
            .add(INVITATIONS, Schemas.INVITATIONS, true)
            .add(REJECTS, Schemas.REJECTS, true);

    private CanonicalRows() {
    }

    /** The one row of a donation skipped because it is already in the warehouse. */
    public static Row skipped(int donation, String sourceId) {
        Object[] values = new Object[TABLES.size() + 3];
        values[0] = SKIPPED;
        values[1] = donation;
        values[2] = sourceId;
        return RowFactory.create(values);
    }

    /** The tagged rows of one export: its export row first, then ties, interactions, invitations, rejects. */
    public static Iterator<Row> of(int donation, Canonical.Export e) {
        List<Row> rows = new ArrayList<>(1 + e.ties().size() + e.interactions().size() + e.invitations().size()
                + e.rejects().size());
        rows.add(tagged(donation, e.export().sourceId(), 0, export(e.export())));
        e.ties().forEach(t -> rows.add(tagged(donation, null, 1, RowFactory.create(t.exportId(), t.platform(), t.ownerId(),
                t.contactId(), ts(t.connectedAt()), t.connectedAtPrecision(), t.tieSource(), t.invitedBy(),
                t.invitationHasNote(), t.ended()))));
        e.interactions().forEach(i -> rows.add(tagged(donation, null, 2, RowFactory.create(i.exportId(), i.platform(), i.ownerId(),
                i.contactId(), ts(i.at()), i.channel(), i.direction(), i.threadId(), i.isGroup(), i.words(),
                i.chars(), i.durationS()))));
        e.invitations().forEach(i -> rows.add(tagged(donation, null, 3, RowFactory.create(i.exportId(), i.platform(), i.ownerId(),
                i.counterpartId(), ts(i.sentAt()), i.direction(), i.hasNote()))));
        e.rejects().forEach(r -> rows.add(tagged(donation, null, 4, RowFactory.create(r.exportId(), r.platform(), r.file(),
                r.location(), r.reasonCode(), r.reason()))));
        return rows.iterator();
    }

    /** The table row a tagged row carries (its {@value #KIND} names the table); not for a skipped row. */
    public static Row payload(Row tagged) {
        return tagged.getStruct(TABLES.indexOf(tagged.getString(0)) + 3);
    }

    private static Row export(Canonical.ExportRow x) {
        List<Row> files = new ArrayList<>();
        for (FileStats f : x.files()) {
            files.add(RowFactory.create(f.file(), f.read(), f.accepted(), f.rejected()));
        }
        return RowFactory.create(x.exportId(), x.sourceId(), x.ownerId(), x.platform(), x.formatEra(), x.status(), x.sizeBytes(),
                seq(files), x.rowsRead(), x.rowsAccepted(), x.rowsRejected(), x.hiddenProfiles(),
                ts(x.windowStart()), ts(x.windowEnd()), ts(x.ingestedAt()), x.parserVersion(), seq(x.warnings()),
                x.timeOrigin(), x.derivedTies());
    }

    private static Row tagged(int donation, String source, int slot, Row payload) {
        Object[] values = new Object[TABLES.size() + 3];
        values[0] = TABLES.get(slot);
        values[1] = donation;
        values[2] = source;
        values[slot + 3] = payload;
        return RowFactory.create(values);
    }

    private static <T> scala.collection.Seq<T> seq(List<T> list) {
        return JavaConverters.asScalaBuffer(list).toList();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
