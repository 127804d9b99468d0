package io.tiedepth.jobs.features.legacy;

import static io.tiedepth.schema.Columns.ACTIVE;
import static io.tiedepth.schema.Columns.CONTACT_FREQUENCY;
import static io.tiedepth.schema.Columns.CONTACT_ID;
import static io.tiedepth.schema.Columns.EXPORT_ID;
import static io.tiedepth.schema.Columns.IS_TIE;
import static io.tiedepth.schema.Columns.LAYER;
import static io.tiedepth.schema.Columns.LAYER_RATIOS;
import static io.tiedepth.schema.Columns.LAYER_SIZES;
import static io.tiedepth.schema.Columns.N_LAYERS;
import static io.tiedepth.schema.Columns.OBSERVED_DAYS;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import io.tiedepth.stats.DunbarLayers;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;

/**
 * The former Spark definition of the Dunbar circles, kept in the test tree only for {@code FeaturesEquivalenceTest}.
 * Dunbar circles (DESIGN §6): per owner, the contact frequencies of its established active ties
 * ({@link DunbarLayers#established}: observed for a year, or half the owner's longest observation) split into at most 5 nested
 * circles by exact optimal 1-D k-means with k chosen by the BIC with a doubled penalty ({@link DunbarLayers};
 * Ckmeans.1d.dp; Dunbar et al. 2015). Fills {@code tie_features.layer} (1 = innermost circle, the most frequent contact; null for ties that are
 * not active, not established, or whose owner has no circles) and adds to {@code owner_metrics}: {@code n_layers}, {@code layer_sizes}
 * (cumulative circle sizes, innermost first) and {@code layer_ratios} (successive ratios of those sizes).
 *
 * <p>Owners with fewer than {@value #MIN_ACTIVE_TIES} established active ties get {@code n_layers = 0} and null sizes and
 * ratios: a handful of frequencies cannot show circles. Each owner's ties are clustered in one task (an owner's
 * active ties are at most a few thousand); the input is sorted by contact_id, so the result is deterministic.
 */
public final class SparkDunbarLayerAssignment {
    /** Fewest established active ties for which circles are computed. */
    public static final int MIN_ACTIVE_TIES = 5;

    private static final String ASSIGNED = "_assigned";
    private static final StructType CIRCLES = new StructType()
            .add(EXPORT_ID, DataTypes.StringType, false)
            .add(N_LAYERS, DataTypes.IntegerType, false)
            .add(LAYER_SIZES, DataTypes.createArrayType(DataTypes.IntegerType, false), true)
            .add(LAYER_RATIOS, DataTypes.createArrayType(DataTypes.DoubleType, false), true)
            .add(ASSIGNED, DataTypes.createArrayType(new StructType()
                    .add(CONTACT_ID, DataTypes.StringType, false)
                    .add(LAYER, DataTypes.IntegerType, false), false), false);

    private SparkDunbarLayerAssignment() {
    }

    /**
     * One row per export with at least one active tie: export_id, n_layers, layer_sizes, layer_ratios and the layer
     * of each active tie (internal column). Persist it when it feeds both {@link #assignLayers} and
     * {@link #addLayerMetrics}.
     */
    public static Dataset<Row> circles(Dataset<Row> tieFeatures) {
        return tieFeatures.filter(col(IS_TIE).and(col(ACTIVE)))
                .groupBy(EXPORT_ID)
                .agg(array_sort(collect_list(struct(col(CONTACT_ID), col(CONTACT_FREQUENCY), col(OBSERVED_DAYS))))
                        .as("_ties"))
                .map((MapFunction<Row, Row>) SparkDunbarLayerAssignment::layersOf, Encoders.row(CIRCLES));
    }

    /** tie_features with {@code layer} filled from the circles (column order unchanged). */
    public static Dataset<Row> assignLayers(Dataset<Row> tieFeatures, Dataset<Row> circles) {
        Dataset<Row> assigned = circles.select(col(EXPORT_ID), explode(col(ASSIGNED)).as("_a"))
                .select(col(EXPORT_ID), col("_a." + CONTACT_ID).as(CONTACT_ID), col("_a." + LAYER).as("_layer"));
        return tieFeatures.join(assigned, SparkTieFeatures.seq(EXPORT_ID, CONTACT_ID), "left")
                .withColumn(LAYER, col("_layer"))
                .select(SparkTieFeatures.outputColumns());
    }

    /** owner_metrics with n_layers (0 when the owner has no circles), layer_sizes and layer_ratios appended. */
    public static Dataset<Row> addLayerMetrics(Dataset<Row> ownerMetrics, Dataset<Row> circles) {
        return ownerMetrics.join(circles.drop(ASSIGNED), SparkTieFeatures.seq(EXPORT_ID), "left")
                .withColumn(N_LAYERS, coalesce(col(N_LAYERS), lit(0)));
    }

    static Row layersOf(Row r) {
        List<Row> all = r.getList(1);
        double[] observed = new double[all.size()];
        for (int i = 0; i < observed.length; i++) {
            observed[i] = all.get(i).getDouble(2);
        }
        boolean[] established = DunbarLayers.established(observed);
        List<Row> ties = new ArrayList<>();
        for (int i = 0; i < established.length; i++) {
            if (established[i]) {
                ties.add(all.get(i));
            }
        }
        if (ties.size() < MIN_ACTIVE_TIES) {
            return RowFactory.create(r.getString(0), 0, null, null, seq(List.of()));
        }
        double[] frequencies = new double[ties.size()];
        for (int i = 0; i < frequencies.length; i++) {
            frequencies[i] = ties.get(i).getDouble(1);
        }
        DunbarLayers layers = DunbarLayers.of(frequencies);
        int[] layerOf = layers.layerOf();
        List<Row> assigned = new ArrayList<>();
        for (int i = 0; i < layerOf.length; i++) {
            assigned.add(RowFactory.create(ties.get(i).getString(0), layerOf[i]));
        }
        List<Integer> sizes = new ArrayList<>();
        for (int s : layers.cumulativeSizes()) {
            sizes.add(s);
        }
        List<Double> ratios = new ArrayList<>();
        for (double q : layers.ratios()) {
            ratios.add(q);
        }
        return RowFactory.create(r.getString(0), layers.layerCount(), seq(sizes), seq(ratios), seq(assigned));
    }

    private static <T> scala.collection.Seq<T> seq(List<T> list) {
        return JavaConverters.asScalaBuffer(list).toList();
    }
}
