package io.tiedepth.jobs.claims;

import static io.tiedepth.schema.Columns.*;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.tiedepth.claims.PublishedResults;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The owners of {@link PublishedResults} (those with at least one contact): owner_metrics with, from tie_features, the interactions each owner sent
 * on its reciprocated ties (depth reciprocal or sustained). The group is the platform, or for a network dataset
 * {@code network/<format era>}, so that each dataset is compared on its own.
 */
public final class PublishedInputs {
    private static final String OUT_ON_RECIPROCAL = "_out_on_reciprocal";

    private PublishedInputs() {
    }

    public static List<PublishedResults.Owner> collect(Dataset<Row> ownerMetrics, Dataset<Row> tieFeatures) {
        Column reciprocal = col(IS_TIE).and(col(DEPTH).isin("reciprocal", "sustained"));
        Dataset<Row> sent = tieFeatures.groupBy(EXPORT_ID)
                .agg(sum(when(reciprocal, col(INTERACTIONS_OUT)).otherwise(0L)).as(OUT_ON_RECIPROCAL));
        List<String> columns = Arrays.asList(ownerMetrics.columns());
        Column era = columns.contains(FORMAT_ERA) ? col(FORMAT_ERA) : lit("");
        Column derived = columns.contains(DERIVED_TIES) ? col(DERIVED_TIES).isNotNull() : lit(false);
        Column layers = columns.contains(LAYER_SIZES) ? col(LAYER_SIZES) : lit(null);
        Dataset<Row> rows = ownerMetrics.join(sent, EXPORT_ID).orderBy(col(EXPORT_ID))
                .select(col(PLATFORM), era, col(N_TIES), col(N_ONE_WAY), col(N_RECIPROCAL),
                        col(OUT_ON_RECIPROCAL), layers, derived);
        List<PublishedResults.Owner> out = new ArrayList<>();
        for (Row r : rows.collectAsList()) {
            String platform = r.getString(0);
            String group = platform.equals("network") && r.get(1) != null && !r.getString(1).isEmpty()
                    ? platform + "/" + r.getString(1) : platform;
            List<Integer> sizes = r.isNullAt(6) ? List.of() : r.getList(6);
            out.add(new PublishedResults.Owner(group, r.getLong(2), r.getLong(3) + r.getLong(4), r.getLong(4),
                    r.isNullAt(5) ? 0 : r.getLong(5), sizes.stream().mapToInt(Integer::intValue).toArray(),
                    r.getBoolean(7)));
        }
        return out;
    }
}
