package io.tiedepth.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CSV layout and the k_min suppression rule: a row describing fewer than k_min owners never shows a number. */
class ReportCsvTest {

    @Test
    void cohortCellBelowKMinShowsNoNumber() {
        List<Cohorts.Cell> cells = List.of(
                new Cohorts.Cell("size_class", "<50", Double.NaN, Double.NaN, "n_ties", 12, 20, 10, 30, 21.5, 18, 25,
                        "bootstrap"),
                new Cohorts.Cell("size_class", "1000-4999", Double.NaN, Double.NaN, "n_ties", 3, 1500, 1200, 1800,
                        1510.25, 1200, 1800, "bootstrap"));
        String csv = ReportCsv.cohorts(cells, c -> ReportCsv.suppressed(c.owners(), 10));
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("grouping,cohort,bin_lower,bin_upper,metric,owners,median,q1,q3,mean,"
                + "mean_ci_low,mean_ci_high,ci_method,suppressed");
        assertThat(lines.get(1)).isEqualTo("size_class,<50,,,n_ties,12,20,10,30,21.5,18,25,bootstrap,false");
        assertThat(lines.get(2)).isEqualTo("size_class,1000-4999,,,n_ties,,,,,,,,,true");
        assertThat(lines.get(2)).doesNotContain("1500", "1200", "1800", "1510", ",3,");
    }

    @Test
    void claimRowsBelowKMinHideNumbersAndExtrasButKeepVerdictAndReason() {
        ClaimResult small = new ClaimResult("C6", "003", "Mega-networkers, \"not all\" spammers", "share", 0.4, 0.2,
                0.6, 0.15, 0.65, 0.99, 0.01, 0.02, 0.1, 4, 9000, Verdict.SUPPORTED, "", "claims-2",
                Map.of("mega_owners", "4"), null);
        ClaimResult big = new ClaimResult("C1", "000, 004", "Diminishing returns", "elasticity", 0.51234567, 0.45,
                0.55, 0.44, 0.56, 0.9875, 1e-5, 2e-5, 1, 200, 100_000, Verdict.SUPPORTED, "", "claims-2",
                Map.of("r_squared", "0.8"), null);
        List<String> lines = ReportCsv.claims(List.of(small, big), ClaimParams.DEFAULTS).lines().toList();
        assertThat(lines.get(0)).isEqualTo("claim_id,seeds,statement,statistic,null_value,estimate,ci_low,ci_high,"
                + "ci_low_adjusted,ci_high_adjusted,ci_level_adjusted,p_value,p_holm,n_owners,n_ties,verdict,reason,"
                + "extra,definition_version,seed,resamples,platform,suppressed");
        assertThat(lines.get(1)).isEqualTo("C6,003,\"Mega-networkers, \"\"not all\"\" spammers\",share,0.1,,,,,,,,,,"
                + ",supported,,,claims-2,20261122,1000,all,true");
        assertThat(lines.get(2)).isEqualTo("C1,\"000, 004\",Diminishing returns,elasticity,1,0.512346,0.45,0.55,"
                + "0.44,0.56,0.9875,0.00001,0.00002,200,100000,supported,,r_squared=0.8,claims-2,20261122,1000,"
                + "all,false");
    }

    @Test
    void curvesAndLayersSuppressLikewise() {
        Curves.Point p = new Curves.Point("n_active", 3, 8, 16, Math.sqrt(128), 5, 11, 4, 1, 4, 3, 5, true);
        assertThat(ReportCsv.curves(List.of(p), c -> ReportCsv.suppressed(c.owners(), 10)).lines().toList().get(1))
                .isEqualTo("n_active,3,8,16,11.3137,,,,,,,,,true");
        LayerTable.Row none = new LayerTable.Row("k=5", 1, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, 1.5, Double.NaN);
        LayerTable.Row few = new LayerTable.Row("k=4", 2, 9, 15, 10, 20, 15, 3, 2, 4, 15, 3);
        List<String> lines = ReportCsv.layers(List.of(none, few),
                l -> ReportCsv.suppressed(l.owners(), 10)).lines().toList();
        assertThat(lines.get(1)).isEqualTo("k=5,1,0,,,,,,,,1.5,,false");
        assertThat(lines.get(2)).isEqualTo("k=4,2,,,,,,,,,15,3,true");
    }

    @Test
    void infiniteValuesAreWrittenAsInf() {
        assertThat(Fmt.cell(Double.POSITIVE_INFINITY)).isEqualTo("Inf");
        assertThat(Fmt.cell(Double.NaN)).isEmpty();
        assertThat(Fmt.cell(123456789.0)).isEqualTo("123457000");
    }
}
