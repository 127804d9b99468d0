package io.tiedepth.jobs.features;

import static io.tiedepth.schema.Columns.AT;
import static io.tiedepth.schema.Columns.CONNECTED_AT;
import static io.tiedepth.schema.Columns.CONTACT_ID;
import static io.tiedepth.schema.Columns.COUNTERPART_ID;
import static io.tiedepth.schema.Columns.DIRECTION;
import static io.tiedepth.schema.Columns.EXPORT_ID;
import static io.tiedepth.schema.Columns.INVITED_BY;
import static io.tiedepth.schema.Columns.OWNER_ID;
import static io.tiedepth.schema.Columns.PLATFORM;
import static io.tiedepth.schema.Columns.SENT_AT;
import static io.tiedepth.schema.Columns.TIME_ORIGIN;
import static io.tiedepth.schema.Columns.WINDOW_END;
import static io.tiedepth.schema.Columns.WINDOW_START;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import io.tiedepth.model.Canonical.ExportRow;
import io.tiedepth.model.Canonical.InteractionRow;
import io.tiedepth.model.Canonical.InvitationRow;
import io.tiedepth.model.Canonical.TieRow;
import io.tiedepth.panels.OwnerPanels;
import io.tiedepth.panels.PanelRow;
import io.tiedepth.schema.Schemas;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * {@code features/panels}: each analysed export's within-owner monthly panel ({@link OwnerPanels#build}, plain Java,
 * once per export inside the tasks). The export's ties, interactions and invitations are gathered per export (only
 * the columns the panel reads), joined to the export, and handed to the pure builder; schema
 * {@link Schemas#PANELS}.
 */
public final class Panels {
    private static final String TIES = "_ties";
    private static final String INTERACTIONS = "_interactions";
    private static final String INVITATIONS = "_invitations";

    private Panels() {
    }

    public static Dataset<Row> compute(Dataset<Row> analysedExports, Dataset<Row> ties, Dataset<Row> interactions,
                                       Dataset<Row> invitations) {
        Dataset<Row> ids = analysedExports.select(EXPORT_ID);
        Column origin = Arrays.asList(analysedExports.columns()).contains(TIME_ORIGIN) ? col(TIME_ORIGIN)
                : lit(ExportRow.ABSOLUTE);
        return analysedExports.select(col(EXPORT_ID), col(OWNER_ID), col(PLATFORM), col(WINDOW_START),
                        col(WINDOW_END), origin.as(TIME_ORIGIN))
                .join(perExport(ties, ids, TIES, CONTACT_ID, CONNECTED_AT, INVITED_BY), seq(EXPORT_ID), "left")
                .join(perExport(interactions, ids, INTERACTIONS, CONTACT_ID, AT, DIRECTION), seq(EXPORT_ID), "left")
                .join(perExport(invitations, ids, INVITATIONS, COUNTERPART_ID, SENT_AT, DIRECTION), seq(EXPORT_ID),
                        "left")
                .flatMap((FlatMapFunction<Row, Row>) Panels::panelRows, Encoders.row(Schemas.PANELS));
    }

    /** The table's rows of the analysed exports as one list of (three columns) structs per export. */
    private static Dataset<Row> perExport(Dataset<Row> table, Dataset<Row> ids, String name, String... columns) {
        Column[] fields = Arrays.stream(columns).map(c -> col(c)).toArray(Column[]::new);
        return table.join(ids, seq(EXPORT_ID), "left_semi").groupBy(EXPORT_ID)
                .agg(collect_list(struct(fields)).as(name));
    }

    /** One export's panel rows, from its joined row. */
    static Iterator<Row> panelRows(Row r) {
        String exportId = r.getAs(EXPORT_ID);
        String ownerId = r.getAs(OWNER_ID);
        String platform = r.getAs(PLATFORM);
        ExportRow export = new ExportRow(exportId, exportId, ownerId, platform, "", "ok", 0, List.of(), 0,
                instant(r.getAs(WINDOW_START)), instant(r.getAs(WINDOW_END)), null, "", List.of(),
                r.getAs(TIME_ORIGIN), null);
        List<TieRow> ties = structs(r, TIES, s -> new TieRow(exportId, platform, ownerId, s.getString(0),
                instant(s.getTimestamp(1)), null, null, s.getString(2), null, false));
        List<InteractionRow> interactions = structs(r, INTERACTIONS, s -> new InteractionRow(exportId, platform,
                ownerId, s.getString(0), instant(s.getTimestamp(1)), null, s.getString(2), null, false, null, null,
                null));
        List<InvitationRow> invitations = structs(r, INVITATIONS, s -> new InvitationRow(exportId, platform, ownerId,
                s.getString(0), instant(s.getTimestamp(1)), s.getString(2), false));
        List<Row> out = new ArrayList<>();
        for (PanelRow p : OwnerPanels.build(export, ties, interactions, invitations)) {
            out.add(RowFactory.create(p.exportId(), p.ownerId(), p.platform(), Date.valueOf(p.month().atDay(1)),
                    p.tiesHeld(), p.tiesGained(), p.active12m(), p.reciprocal12m(), p.inboundRequests(),
                    p.gainedDirectionKnown(), p.gainedInbound()));
        }
        return out.iterator();
    }

    private static <T> List<T> structs(Row r, String column, Function<Row, T> convert) {
        int i = r.fieldIndex(column);
        if (r.isNullAt(i)) {
            return List.of();
        }
        List<Row> rows = r.getList(i);
        List<T> out = new ArrayList<>(rows.size());
        for (Row s : rows) {
            out.add(convert.apply(s));
        }
        return out;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static scala.collection.Seq<String> seq(String... names) {
        return scala.collection.JavaConverters.asScalaBuffer(List.of(names)).toList();
    }
}
