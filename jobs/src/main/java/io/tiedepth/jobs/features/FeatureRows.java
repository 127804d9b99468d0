package io.tiedepth.jobs.features;

import static io.tiedepth.schema.Columns.*;

import io.tiedepth.features.OwnerMetrics;
import io.tiedepth.features.TieFeature;
import io.tiedepth.model.Canonical;
import io.tiedepth.model.FileStats;
import io.tiedepth.panels.PanelRow;
import io.tiedepth.schema.Columns;
import io.tiedepth.schema.Schemas;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;

/**
 * Spark rows to and from the plain-Java features: canonical rows read by column name (so a table whose columns
 * come in another order reads the same), {@code tie_features} and {@code owner_metrics} rows written in the order of
 * {@link io.tiedepth.schema.Schemas#TIE_FEATURES}, {@link io.tiedepth.schema.Schemas#OWNER_METRICS} and
 * {@link io.tiedepth.schema.Schemas#PANELS}.
 */
final class FeatureRows {
    /** The interactions' columns that tie features, owner metrics and panels read. */
    static final StructType INTERACTION_COLUMNS = columns(Schemas.INTERACTIONS, CONTACT_ID, AT, CHANNEL, DIRECTION,
            THREAD_ID);
    /** The invitations' columns that owner metrics and panels read. */
    static final StructType INVITATION_COLUMNS = columns(Schemas.INVITATIONS, SENT_AT, DIRECTION);

    private FeatureRows() {
    }

    /** An exports row with {@code time_origin} and {@code derived_ties} ({@link AnalysedExports#withDataFlags}). */
    static Canonical.ExportRow export(Row r) {
        List<FileStats> files = new ArrayList<>();
        for (Row f : r.<Row>getList(r.fieldIndex(FILES))) {
            files.add(new FileStats(f.getAs(FILE), f.<Long>getAs(ROWS_READ), f.<Long>getAs(ROWS_ACCEPTED),
                    f.<Long>getAs(ROWS_REJECTED)));
        }
        return new Canonical.ExportRow(r.getAs(EXPORT_ID), r.getAs(SOURCE_ID), r.getAs(OWNER_ID), r.getAs(PLATFORM),
                r.getAs(FORMAT_ERA), r.getAs(STATUS), r.<Long>getAs(SIZE_BYTES), files,
                r.<Long>getAs(HIDDEN_PROFILES), instant(r, WINDOW_START), instant(r, WINDOW_END),
                instant(r, INGESTED_AT), r.getAs(PARSER_VERSION), r.getList(r.fieldIndex(WARNINGS)),
                r.getAs(TIME_ORIGIN), r.getAs(DERIVED_TIES));
    }

    static Canonical.TieRow tie(Row r) {
        return new Canonical.TieRow(r.getAs(EXPORT_ID), r.getAs(PLATFORM), r.getAs(OWNER_ID), r.getAs(CONTACT_ID),
                instant(r, CONNECTED_AT), r.getAs(CONNECTED_AT_PRECISION), r.getAs(TIE_SOURCE), r.getAs(INVITED_BY),
                r.getAs(INVITATION_HAS_NOTE), r.<Boolean>getAs(ENDED));
    }

    /**
     * An interaction read from its {@link #INTERACTION_COLUMNS}; the columns no feature reads (owner, platform,
     * group flag, words, chars, duration) are left null or false.
     */
    static Canonical.InteractionRow interaction(String exportId, Row r) {
        return new Canonical.InteractionRow(exportId, null, null, r.getAs(CONTACT_ID), instant(r, AT),
                r.getAs(CHANNEL), r.getAs(DIRECTION), r.getAs(THREAD_ID), false, null, null, null);
    }

    /** An invitation read from its {@link #INVITATION_COLUMNS}; owner, platform, counterpart and note left out. */
    static Canonical.InvitationRow invitation(String exportId, Row r) {
        return new Canonical.InvitationRow(exportId, null, null, null, instant(r, SENT_AT), r.getAs(DIRECTION),
                false);
    }

    /** A {@code tie_features} row. */
    static Row tieFeature(TieFeature t) {
        Canonical.TieRow tie = t.tie();
        List<Object> v = new ArrayList<>(Columns.CHANNELS.length + 40);
        v.addAll(Arrays.asList(t.exportId(), t.platform(), t.ownerId(), t.contactId(), t.isTie(),
                timestamp(t.connectedAt()), tie == null ? null : tie.connectedAtPrecision(),
                tie == null ? null : tie.tieSource(), tie == null ? null : tie.invitedBy(),
                tie == null ? null : tie.invitationHasNote(), t.ended(), t.burstAccepted(),
                t.activity().interactions(), t.activity().msgsOut(), t.activity().msgsIn(),
                t.activity().interactionsOut(), t.activity().interactionsIn()));
        for (String channel : Columns.CHANNELS) {
            v.add(t.activity().channels().of(channel));
        }
        List<Timestamp> reactivatedAt = new ArrayList<>(t.reactivatedAt().size());
        t.reactivatedAt().forEach(i -> reactivatedAt.add(Timestamp.from(i)));
        v.addAll(Arrays.asList(timestamp(t.activity().firstAt()), timestamp(t.activity().lastAt()),
                t.activity().activeDays(), t.activity().activeMonths(), t.activity().activePeriods(),
                t.observedDays(), t.contactFrequency(), t.reciprocal(), t.depth().label(), t.active(),
                t.daysToFirstInteraction(), t.interactedWithin180d(), t.initiatedBy(), t.reactivations(),
                t.reactivated(), seq(reactivatedAt), t.layer()));
        return RowFactory.create(v.toArray());
    }

    /** An {@code owner_metrics} row. */
    static Row ownerMetrics(OwnerMetrics m) {
        return RowFactory.create(m.exportId(), m.platform(), m.ownerId(), m.sizeClass(), m.counts().ties(),
                m.counts().contacts(), m.counts().active(), m.counts().reciprocal(), m.counts().sustained(),
                m.counts().oneWay(), m.activeShare(), m.reciprocalShare(), m.counts().interactions(),
                m.interactionsPerTie(), m.concentration().gini(), m.concentration().top20Share(), m.burstShare(),
                m.outboundInitiationShare(), m.inbound().count(), m.inboundRequestsPerMonth(),
                m.counts().reactivations(), m.observationDays(), timestamp(m.windowStart()),
                timestamp(m.windowEnd()), m.timeOrigin(), m.derivedTies(), m.formatEra(), m.circles().count(),
                m.layerSizes() == null ? null : seq(m.layerSizes()),
                m.layerRatios() == null ? null : seq(m.layerRatios()));
    }

    /** A {@code panels} row. */
    static Row panel(PanelRow p) {
        return RowFactory.create(p.exportId(), p.ownerId(), p.platform(), Date.valueOf(p.month().atDay(1)),
                p.tiesHeld(), p.tiesGained(), p.active12m(), p.reciprocal12m(), p.inboundRequests(),
                p.gainedDirectionKnown(), p.gainedInbound());
    }

    private static StructType columns(StructType schema, String... names) {
        StructType out = new StructType();
        for (String n : names) {
            out = out.add(schema.apply(n));
        }
        return out;
    }

    private static Instant instant(Row r, String column) {
        Timestamp t = r.getAs(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp timestamp(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static <T> scala.collection.Seq<T> seq(List<T> list) {
        return JavaConverters.asScalaBuffer(list).toList();
    }
}
