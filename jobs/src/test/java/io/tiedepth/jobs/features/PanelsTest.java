package io.tiedepth.jobs.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.features.FeatureParams;
import io.tiedepth.jobs.SparkTestBase;
import io.tiedepth.jobs.ingest.CanonicalRows;
import io.tiedepth.panels.OwnerPanels;
import io.tiedepth.schema.Columns;
import io.tiedepth.schema.Schemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.Test;

/**
 * {@code features/panels} on the hand-built owner of {@link FeatureFixture}, computed in the features' grouping by
 * export ({@link FeaturesJob#compute}), written to Parquet and read back.
 */
public class PanelsTest extends SparkTestBase {

    private Map<String, Row> panelByMonth() throws Exception {
        return panel(FeatureParams.DEFAULTS);
    }

    private Map<String, Row> panel(FeatureParams params) throws Exception {
        FeatureFixture f = new FeatureFixture(spark());
        Path out = Files.createTempDirectory("panels").resolve("panels");
        FeaturesJob.panels(FeaturesJob.compute(AnalysedExports.select(f.table(CanonicalRows.EXPORTS)),
                f.table(CanonicalRows.TIES), f.table(CanonicalRows.INTERACTIONS), f.table(CanonicalRows.INVITATIONS),
                params)).write().parquet(out.toString());
        f.unpersist();
        List<Row> rows = spark().read().parquet(out.toString()).collectAsList();
        assertThat(spark().read().parquet(out.toString()).schema().fields()).extracting(field -> field.name() + " "
                + field.dataType()).containsExactlyElementsOf(java.util.Arrays.stream(Schemas.PANELS.fields())
                .map(field -> field.name() + " " + field.dataType()).toList());
        return rows.stream().collect(Collectors.toMap(r -> r.<Date>getAs(Columns.MONTH).toString().substring(0, 7),
                r -> r));
    }

    private static long get(Row r, String column) {
        return r.<Long>getAs(column);
    }

    @Test
    public void writesOneRowPerMonthFromTheFirstTieToTheWindowEnd() throws Exception {
        Map<String, Row> panel = panelByMonth();

        assertThat(panel).hasSize(13).containsKeys("2023-01", "2024-01");
        assertThat(get(panel.get("2023-01"), Columns.TIES_HELD)).isEqualTo(3);
        assertThat(get(panel.get("2023-03"), Columns.TIES_GAINED)).isEqualTo(10);
        assertThat(get(panel.get("2023-09"), Columns.TIES_HELD)).isEqualTo(15);
        assertThat(panel.get("2023-05").<String>getAs(Columns.OWNER_ID)).isEqualTo(io.tiedepth.features.FeatureFixture.O);
    }

    @Test
    public void countsActiveAndReciprocalTiesOverTheTrailingTwelveMonths() throws Exception {
        Map<String, Row> panel = panelByMonth();

        assertThat(get(panel.get("2023-01"), Columns.ACTIVE_12M)).isEqualTo(1);
        assertThat(get(panel.get("2023-02"), Columns.ACTIVE_12M)).isEqualTo(2);
        assertThat(get(panel.get("2023-02"), Columns.RECIPROCAL_12M)).isEqualTo(1);
        assertThat(get(panel.get("2023-07"), Columns.ACTIVE_12M)).isEqualTo(4);
    }

    @Test
    public void leavesRequestsNullBeforeTheEarliestListedInvitation() throws Exception {
        Map<String, Row> panel = panelByMonth();

        assertThat(panel.get("2023-11").<Long>getAs(Columns.INBOUND_REQUESTS)).isNull();
        assertThat(get(panel.get("2023-12"), Columns.INBOUND_REQUESTS)).isEqualTo(2);
        assertThat(get(panel.get("2024-01"), Columns.INBOUND_REQUESTS)).isZero();
        assertThat(get(panel.get("2023-03"), Columns.GAINED_DIRECTION_KNOWN)).isZero();
    }

    @Test
    public void writesQuartersWhenAskedHeldAtTheirLastMonthAndGainsSummed() throws Exception {
        Map<String, Row> months = panelByMonth();
        Map<String, Row> quarters = panel(FeatureParams.DEFAULTS.withPanelPeriod(OwnerPanels.Period.QUARTER));
        Map<String, List<String>> monthsOfQuarter = months.keySet().stream().sorted().collect(Collectors.groupingBy(
                m -> OwnerPanels.quarterStart(java.time.YearMonth.parse(m)).toString(), java.util.TreeMap::new,
                Collectors.toList()));
        assertThat(quarters.keySet()).containsExactlyInAnyOrderElementsOf(monthsOfQuarter.keySet());
        assertThat(monthsOfQuarter).hasSizeLessThan(months.size());
        monthsOfQuarter.forEach((q, ms) -> {
            Row last = months.get(ms.get(ms.size() - 1));
            assertThat(get(quarters.get(q), Columns.TIES_HELD)).as(q).isEqualTo(get(last, Columns.TIES_HELD));
            assertThat(get(quarters.get(q), Columns.ACTIVE_12M)).as(q).isEqualTo(get(last, Columns.ACTIVE_12M));
            assertThat(get(quarters.get(q), Columns.TIES_GAINED)).as(q)
                    .isEqualTo(ms.stream().mapToLong(m -> get(months.get(m), Columns.TIES_GAINED)).sum());
        });
    }
}
