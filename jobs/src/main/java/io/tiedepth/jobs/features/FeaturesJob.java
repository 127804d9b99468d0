package io.tiedepth.jobs.features;

import static io.tiedepth.schema.Columns.EXPORT_ID;
import static io.tiedepth.schema.Columns.INGESTED_AT;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import io.tiedepth.features.ExportFeatures;
import io.tiedepth.features.FeatureParams;
import io.tiedepth.features.TieFeature;
import io.tiedepth.jobs.Faults;
import io.tiedepth.jobs.Progress;
import io.tiedepth.jobs.Publisher;
import io.tiedepth.jobs.Runs;
import io.tiedepth.jobs.Warehouse;
import io.tiedepth.model.Canonical;
import io.tiedepth.panels.OwnerPanels;
import io.tiedepth.panels.PanelRow;
import io.tiedepth.schema.Schemas;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code features}: reads the canonical tables of a warehouse and writes {@code features/tie_features},
 * {@code features/owner_metrics} (README "Tie features", "Owner metrics") and {@code features/panels} (the
 * within-owner panels, {@link OwnerPanels}), staged and then published together.
 *
 * <p>Every feature and panel row depends on the rows of one export only, so the job groups the analysed exports' rows
 * by export once (one shuffle of exports, ties, interactions and invitations together, only the columns they read)
 * and computes each export's features ({@link ExportFeatures}, the one definition of every feature) and panel
 * ({@link OwnerPanels#build}) in plain Java. The three outputs are written once as tagged rows to the run's staging
 * and read back, column-pruned, per table.
 */
public final class FeaturesJob {
    private static final Logger LOG = LogManager.getLogger(FeaturesJob.class);
    /** Scratch folder of the tagged feature rows inside the run's staging; deleted when the stage ends. */
    static final String COMPUTED = "computed-features";

    private static final String KIND = "kind";
    private static final String EXPORT = "export";
    private static final String TIE = "tie";
    private static final String INTERACTION = "interaction";
    private static final String INVITATION = "invitation";
    private static final String TIE_FEATURE = "tie_feature";
    private static final String OWNER_METRICS = "owner_metrics";
    private static final String PANEL = "panel";

    /** Shuffle partitions of the grouping per core: enough tasks that exports of uneven size balance out. */
    private static final int GROUPS_PER_CORE = 4;

    /** One export's rows of every table are one group: kind names the table, one struct column holds the row. */
    private static final List<String> INPUT_KINDS = List.of(EXPORT, TIE, INTERACTION, INVITATION);

    /** The features of the exports: kind names the output, one struct column holds the row. */
    static final StructType COMPUTED_ROWS = new StructType()
            .add(KIND, DataTypes.StringType, false)
            .add(TIE_FEATURE, Schemas.TIE_FEATURES, true)
            .add(OWNER_METRICS, Schemas.OWNER_METRICS, true)
            .add(PANEL, Schemas.PANELS, true);

    private FeaturesJob() {
    }

    /**
     * @param warehouse where the canonical tables are read from
     * @param asOf      when set, only exports ingested on or before that date count (report backfill)
     */
    public record Config(Warehouse warehouse, FeatureParams params, LocalDate asOf) {
        public Config(Warehouse warehouse, FeatureParams params) {
            this(warehouse, params, null);
        }
    }

    public record Result(long owners, long tieFeatureRows, Map<String, Long> tableRows, Duration took)
            implements Runs.StageResult {
        /** The run manifest's counts: rows written per output. */
        @Override
        public Map<String, Long> counts() {
            return tableRows;
        }
    }

    public static Result run(SparkSession spark, Config config, Publisher publisher) throws IOException {
        Instant start = Instant.now();
        Warehouse w = config.warehouse();
        spark.sparkContext().setJobGroup("features", "features: tie features and owner metrics", false);
        String computedAt = publisher.scratch(COMPUTED);
        try (Progress progress = Progress.start(spark, "features", null, 0)) {
            Dataset<Row> exports = spark.read().parquet(w.path(Warehouse.EXPORTS));
            if (config.asOf() != null) {
                exports = exports.filter(col(INGESTED_AT).lt(Timestamp.from(
                        config.asOf().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())));
            }
            Dataset<Row> analysed = AnalysedExports.select(exports);
            Dataset<Row> ties = spark.read().parquet(w.path(Warehouse.TIES));
            Dataset<Row> interactions = spark.read().parquet(w.path(Warehouse.INTERACTIONS));
            Dataset<Row> invitations = spark.read().parquet(w.path(Warehouse.INVITATIONS));
            compute(analysed, ties, interactions, invitations, config.params())
                    .write().mode("overwrite").parquet(computedAt);
            Dataset<Row> computed = spark.read().schema(COMPUTED_ROWS).parquet(computedAt);
            tieFeatures(computed).write().mode("overwrite").parquet(publisher.stage(Warehouse.TIE_FEATURES));
            ownerMetrics(computed).coalesce(1).write().mode("overwrite")
                    .parquet(publisher.stage(Warehouse.OWNER_METRICS));
            panels(computed).write().mode("overwrite").parquet(publisher.stage(Warehouse.PANELS));
            long panelRows = spark.read().parquet(publisher.stagingRoot() + "/" + Warehouse.PANELS).count();
            long tieRows = spark.read().parquet(publisher.stagingRoot() + "/" + Warehouse.TIE_FEATURES).count();
            long owners = spark.read().parquet(publisher.stagingRoot() + "/" + Warehouse.OWNER_METRICS).count();
            Faults.point("features.staged");
            publisher.publish();
            Result r = new Result(owners, tieRows, Map.of("tie_features", tieRows, "owner_metrics", owners,
                    "panels", panelRows),
                    Duration.between(start, Instant.now()));
            LOG.info("features: {} owners, {} owner-contact rows; {} s", owners, tieRows, r.took().toSeconds());
            return r;
        } finally {
            publisher.deleteScratch(computedAt);
            spark.sparkContext().clearJobGroup();
        }
    }

    /**
     * The features of the analysed exports as tagged rows ({@link #COMPUTED_ROWS}): each export's rows of the four
     * canonical tables grouped by export_id in one shuffle, then {@link ExportFeatures} per export.
     */
    public static Dataset<Row> compute(Dataset<Row> analysedExports, Dataset<Row> ties, Dataset<Row> interactions,
                                       Dataset<Row> invitations, FeatureParams params) {
        Dataset<Row> exports = AnalysedExports.withDataFlags(analysedExports);
        Dataset<Row> ids = broadcast(exports.select(EXPORT_ID));
        Dataset<Row> grouped = tagged(exports, EXPORT)
                .unionByName(tagged(ties.join(ids, EXPORT_ID, "left_semi"), TIE))
                .unionByName(tagged(interactions.join(ids, EXPORT_ID, "left_semi"), INTERACTION))
                .unionByName(tagged(invitations.join(ids, EXPORT_ID, "left_semi"), INVITATION));
        int partitions = GROUPS_PER_CORE * exports.sparkSession().sparkContext().defaultParallelism();
        return grouped.repartition(partitions, col(EXPORT_ID)).groupBy(col(EXPORT_ID))
                .as(Encoders.STRING(), Encoders.row(grouped.schema()))
                .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) (id, rows) -> exportFeatures(id, rows, params),
                        Encoders.row(COMPUTED_ROWS));
    }

    /** tie_features from the tagged rows of {@link #compute}, in the table's column order. */
    public static Dataset<Row> tieFeatures(Dataset<Row> computed) {
        return computed.filter(col(KIND).equalTo(TIE_FEATURE)).select(col(TIE_FEATURE + ".*"));
    }

    /** owner_metrics from the tagged rows of {@link #compute}, in the table's column order. */
    public static Dataset<Row> ownerMetrics(Dataset<Row> computed) {
        return computed.filter(col(KIND).equalTo(OWNER_METRICS)).select(col(OWNER_METRICS + ".*"));
    }

    /** panels from the tagged rows of {@link #compute}, in the table's column order. */
    public static Dataset<Row> panels(Dataset<Row> computed) {
        return computed.filter(col(KIND).equalTo(PANEL)).select(col(PANEL + ".*"));
    }

    /** A table's rows as (export_id, kind, one struct per input kind, this table's set, the others null). */
    private static Dataset<Row> tagged(Dataset<Row> table, String kind) {
        List<Column> cols = new ArrayList<>(List.of(col(EXPORT_ID), lit(kind).as(KIND)));
        for (String k : INPUT_KINDS) {
            cols.add(k.equals(kind) ? struct(columnsOf(schemaOf(k))).as(k) : lit(null).cast(schemaOf(k)).as(k));
        }
        return table.select(cols.toArray(new Column[0]));
    }

    private static Column[] columnsOf(StructType schema) {
        String[] names = schema.fieldNames();
        Column[] cols = new Column[names.length];
        for (int i = 0; i < names.length; i++) {
            cols[i] = col(names[i]);
        }
        return cols;
    }

    /** The struct of an input kind: the columns the features and panels read (only these are shuffled). */
    private static StructType schemaOf(String kind) {
        return switch (kind) {
            case EXPORT -> Schemas.EXPORTS;
            case TIE -> Schemas.TIES;
            case INTERACTION -> FeatureRows.INTERACTION_COLUMNS;
            default -> FeatureRows.INVITATION_COLUMNS;
        };
    }

    /** One export's tagged input rows to its tagged feature rows; rows of an export not analysed yield none. */
    static Iterator<Row> exportFeatures(String exportId, Iterator<Row> rows, FeatureParams params) {
        Canonical.ExportRow export = null;
        List<Canonical.TieRow> ties = new ArrayList<>();
        List<Canonical.InteractionRow> interactions = new ArrayList<>();
        List<Canonical.InvitationRow> invitations = new ArrayList<>();
        while (rows.hasNext()) {
            Row r = rows.next();
            switch (r.<String>getAs(KIND)) {
                case EXPORT -> export = FeatureRows.export(r.getAs(EXPORT));
                case TIE -> ties.add(FeatureRows.tie(r.getAs(TIE)));
                case INTERACTION -> interactions.add(FeatureRows.interaction(exportId, r.getAs(INTERACTION)));
                default -> invitations.add(FeatureRows.invitation(exportId, r.getAs(INVITATION)));
            }
        }
        if (export == null) {
            return List.<Row>of().iterator();
        }
        ExportFeatures f = ExportFeatures.of(export, ties, interactions, invitations, params);
        List<Row> out = new ArrayList<>(f.tieFeatures().size() + 1);
        for (TieFeature t : f.tieFeatures()) {
            out.add(RowFactory.create(TIE_FEATURE, FeatureRows.tieFeature(t), null, null));
        }
        out.add(RowFactory.create(OWNER_METRICS, null, FeatureRows.ownerMetrics(f.ownerMetrics()), null));
        for (PanelRow p : OwnerPanels.build(export, ties, interactions, invitations, params.panelPeriod())) {
            out.add(RowFactory.create(PANEL, null, null, FeatureRows.panel(p)));
        }
        return out.iterator();
    }
}
