package io.tiedepth.jobs.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.jobs.SparkTestBase;
import io.tiedepth.schema.Schemas;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.Test;
import scala.collection.JavaConverters;

public class AnalysedExportsTest extends SparkTestBase {

    private static Row export(String id, String owner, String platform, String status, String end) {
        return RowFactory.create(id, id, owner, platform, "era", status, 1L,
                JavaConverters.asScalaBuffer(List.<Row>of()).toList(), 0L, 0L, 0L, 0L,
                ts("2020-01-01T00:00:00Z"), end == null ? null : ts(end), ts("2024-06-01T00:00:00Z"), "1",
                JavaConverters.asScalaBuffer(List.<String>of()).toList(), "absolute", null);
    }

    @Test
    public void keepsTheLatestOkDonationPerOwnerAndPlatform() {
        List<Row> rows = List.of(
                export("old", "o1", "linkedin", "ok", "2023-01-01T00:00:00Z"),
                export("new", "o1", "linkedin", "ok", "2024-01-01T00:00:00Z"),
                export("fb", "o1", "facebook", "ok", "2022-01-01T00:00:00Z"),
                export("bad", "o2", "linkedin", "rejected", "2025-01-01T00:00:00Z"),
                export("solo", "o3", "linkedin", "ok", null));
        List<String> kept = AnalysedExports.select(spark().createDataFrame(rows, Schemas.EXPORTS))
                .select("export_id").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertThat(kept).containsExactlyInAnyOrder("new", "fb", "solo");
    }
}
