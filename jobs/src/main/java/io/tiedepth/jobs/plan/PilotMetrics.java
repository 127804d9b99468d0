package io.tiedepth.jobs.plan;

import static io.tiedepth.schema.Columns.EXPORT_ID;
import static io.tiedepth.schema.Columns.OWNER_ID;
import static io.tiedepth.schema.Columns.PLATFORM;

import io.tiedepth.claims.OwnerMetric;
import io.tiedepth.claims.OwnerRow;
import io.tiedepth.jobs.Warehouse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * A pilot warehouse's {@code features/owner_metrics} read with Spark and handed to the driver as plain owner rows
 * (one per analysed export; the owner metrics the table holds, the others NaN) for
 * {@link io.tiedepth.plan.Calibration}. Nothing per tie is read.
 */
public final class PilotMetrics {
    private PilotMetrics() {
    }

    /** The owner rows of {@code warehouse}'s owner metrics. */
    public static List<OwnerRow> read(SparkSession spark, Warehouse warehouse) {
        org.apache.spark.sql.Dataset<Row> metrics = spark.read().parquet(warehouse.path(Warehouse.OWNER_METRICS));
        List<String> present = Arrays.asList(metrics.columns());
        List<OwnerMetric> read = Arrays.stream(OwnerMetric.values()).filter(m -> present.contains(m.column()))
                .toList();
        List<Column> columns = new ArrayList<>(List.of(functions.col(EXPORT_ID), functions.col(OWNER_ID),
                functions.col(PLATFORM)));
        read.forEach(m -> columns.add(functions.col(m.column()).cast("double")));
        List<OwnerRow> out = new ArrayList<>();
        for (Row r : metrics.select(columns.toArray(Column[]::new)).orderBy(EXPORT_ID).collectAsList()) {
            out.add(ownerRow(r, read));
        }
        return out;
    }

    private static OwnerRow ownerRow(Row r, List<OwnerMetric> metrics) {
        String exportId = r.getAs(EXPORT_ID);
        String ownerId = r.getAs(OWNER_ID);
        OwnerRow.Builder b = OwnerRow.builder(exportId, ownerId == null ? "export:" + exportId : ownerId)
                .platform(r.getAs(PLATFORM));
        for (OwnerMetric m : metrics) {
            Object v = r.getAs(m.column());
            b.set(m, v == null ? null : ((Number) v).doubleValue());
        }
        return b.build();
    }
}
