package io.tiedepth.jobs.plan;

import static io.tiedepth.schema.Columns.EXPORT_ID;
import static io.tiedepth.schema.Columns.OWNER_ID;
import static io.tiedepth.schema.Columns.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.claims.GeneratedOwners;
import io.tiedepth.claims.OwnerMetric;
import io.tiedepth.claims.OwnerRow;
import io.tiedepth.generate.GeneratorParams;
import io.tiedepth.jobs.SparkTestBase;
import io.tiedepth.jobs.Warehouse;
import io.tiedepth.plan.Calibration;
import io.tiedepth.plan.PowerPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.Test;

/**
 * {@code plan --calibrate-from}: a pilot's {@code features/owner_metrics} (Parquet, written here from generated
 * owners) is read with Spark into the owner rows the calibration gets, and the plan is made with the calibrated
 * parameters, written to plan-params.json.
 */
public class PlanCalibrationTest extends SparkTestBase {
    private static final GeneratorParams PILOT_WORLD = GeneratorParams.DEFAULTS.with(
            "{\"sizes\": {\"median\": 150}, \"activity\": {\"activeAtRef\": 40}}");

    private Warehouse pilot(List<OwnerRow> owners) throws Exception {
        Path dir = Files.createTempDirectory("tiedepth-pilot");
        List<StructField> fields = new ArrayList<>(List.of(DataTypes.createStructField(EXPORT_ID,
                DataTypes.StringType, false), DataTypes.createStructField(OWNER_ID, DataTypes.StringType, false),
                DataTypes.createStructField(PLATFORM, DataTypes.StringType, false)));
        for (OwnerMetric m : OwnerMetric.values()) {
            fields.add(DataTypes.createStructField(m.column(), DataTypes.DoubleType, true));
        }
        List<Row> rows = new ArrayList<>();
        for (OwnerRow o : owners) {
            List<Object> values = new ArrayList<>(List.of(o.exportId(), o.ownerId(), o.platform()));
            for (OwnerMetric m : OwnerMetric.values()) {
                values.add(Double.isNaN(o.get(m)) ? null : o.get(m));
            }
            rows.add(RowFactory.create(values.toArray()));
        }
        Warehouse w = new Warehouse(dir.toString());
        spark().createDataFrame(rows, new StructType(fields.toArray(StructField[]::new))).write()
                .parquet(w.path(Warehouse.OWNER_METRICS));
        return w;
    }

    @Test
    public void readsThePilotsOwnerMetricsAndPlansWithTheCalibratedParameters() throws Exception {
        List<OwnerRow> owners = GeneratedOwners.rows(PILOT_WORLD, 4, 400);
        Warehouse w = pilot(owners);
        List<OwnerRow> read = PilotMetrics.read(spark(), w);
        assertThat(read).hasSize(400);
        assertThat(Calibration.calibrate(read, GeneratorParams.DEFAULTS))
                .isEqualTo(Calibration.calibrate(owners, GeneratorParams.DEFAULTS));
        Path output = Files.createTempDirectory("tiedepth-plan");
        PlanJob.Result r = PlanJob.run(spark(), new PlanJob.Config(GeneratorParams.DEFAULTS, "the defaults", w,
                output, new PowerPlan.Settings(List.of(30), 1, 20, 1, 30, List.of("linkedin"))));
        GeneratorParams written = GeneratorParams.load(output.resolve(PlanJob.PARAMS_FILE));
        assertThat(written).isEqualTo(r.plan().params());
        assertThat(written.sizes().median()).isBetween(120.0, 180.0);
        assertThat(r.design().pilotOwners()).isEqualTo(400);
        assertThat(Files.readString(output.resolve(PlanJob.PLAN_HTML))).contains("Calibrated parameters",
                "sizes.median");
    }
}
