package io.tiedepth.jobs.features;

import static io.tiedepth.schema.Columns.EXPORT_ID;
import static io.tiedepth.schema.Columns.OWNER_ID;
import static io.tiedepth.schema.Columns.PLATFORM;
import static io.tiedepth.schema.Columns.STATUS;
import static io.tiedepth.schema.Columns.WINDOW_END;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

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
}
