package io.tiedepth.jobs.features;

import static io.tiedepth.schema.Columns.DERIVED_TIES;
import static io.tiedepth.schema.Columns.EXPORT_ID;
import static io.tiedepth.schema.Columns.OWNER_ID;
import static io.tiedepth.schema.Columns.PLATFORM;
import static io.tiedepth.schema.Columns.STATUS;
import static io.tiedepth.schema.Columns.TIME_ORIGIN;
import static io.tiedepth.schema.Columns.WINDOW_END;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import java.util.Arrays;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The exports that features are computed on: status {@code ok}, and for an owner who donated the same platform
 * more than once, only the latest donation — the one whose observation window ends last (ties broken by
 * export_id), since a later export of the same account contains the earlier one's history. Earlier donations stay
 * in the canonical tables.
 */
public final class AnalysedExports {
    private AnalysedExports() {
    }

    public static Dataset<Row> select(Dataset<Row> exports) {
        return exports.filter(col(STATUS).equalTo("ok"))
                .withColumn("_rank", row_number().over(Window.partitionBy(OWNER_ID, PLATFORM)
                        .orderBy(col(WINDOW_END).desc_nulls_last(), col(EXPORT_ID))))
                .filter(col("_rank").equalTo(1))
                .drop("_rank");
    }

    /**
     * The exports with {@code time_origin} and {@code derived_ties}; an exports table written before they existed
     * gets {@code absolute} and null (declared ties), which is what those exports had.
     */
    public static Dataset<Row> withDataFlags(Dataset<Row> exports) {
        Dataset<Row> e = exports;
        if (!Arrays.asList(e.columns()).contains(TIME_ORIGIN)) {
            e = e.withColumn(TIME_ORIGIN, lit("absolute"));
        }
        if (!Arrays.asList(e.columns()).contains(DERIVED_TIES)) {
            e = e.withColumn(DERIVED_TIES, lit(null).cast("string"));
        }
        return e.withColumn(TIME_ORIGIN, coalesce(col(TIME_ORIGIN), lit("absolute")));
    }
}
