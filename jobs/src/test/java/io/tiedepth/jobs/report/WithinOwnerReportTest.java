package io.tiedepth.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.claims.PanelCurve;
import io.tiedepth.jobs.report.ReportModel.ClaimRow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's "Within-owner claims" section: the C11/C12 rows as their own Holm family and the one chart. */
class WithinOwnerReportTest {

    /** Two lines of ten or more owners per point, and a hidden class (every point suppressed). */
    static List<PanelCurve.Point> points() {
        List<PanelCurve.Point> out = new ArrayList<>();
        for (int bin = 2; bin <= 6; bin++) {
            out.add(new PanelCurve.Point("<50", bin, 10, 1.5 * (1 << bin), 0.4 * (1 << bin), false));
            out.add(new PanelCurve.Point("50-149", bin, 12, 1.4 * (1 << bin), 0.3 * (1 << bin), false));
        }
        out.add(new PanelCurve.Point("1000-4999", 10, 12, Double.NaN, Double.NaN, true));
        out.add(new PanelCurve.Point("1000-4999", 11, 9, Double.NaN, Double.NaN, true));
        return out;
    }

    static ReportModel model(List<PanelCurve.Point> points) {
        ReportModel m = HtmlReportTest.model();
        List<ClaimRow> claims = new ArrayList<>(m.claims());
        claims.add(new ClaimRow("C11", "all", "000, 004", "Within-owner diminishing returns", "within-owner "
                + "elasticity", 0.71, 0.65, 0.77, 0.64, 0.78, 0.975, 1, 0.001, 60, "supported", ""));
        claims.add(new ClaimRow("C12", "all", "000", "Mega-connectors grow by accepting", "within-owner share",
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN, 60,
                "not_testable", "direction known for too few ties"));
        return new ReportModel(m.header(), m.banners(), claims, m.platformClaims(), m.owners(), m.curves(),
                m.breakpoint(), m.depth(), m.layers(), m.response(), m.reactivations(), m.cohorts(), m.published(),
                points);
    }

    @Test
    void theSectionShowsBothClaimsAsASeparateFamilyOfTwoAndTheChart() {
        ReportModel m = model(points());
        String html = HtmlReport.render(m);
        int section = html.indexOf("<h2 id=\"within-owner\">Within-owner claims</h2>");
        assertThat(section).isPositive();
        String within = html.substring(section, html.indexOf("<h2 id=\"charts\">"));
        assertThat(within).contains("id=\"C11\"").contains("id=\"C12\"").contains("badge supported")
                .contains("badge not_testable").contains("p (Holm, family of 2)").contains("separate, pre-specified "
                        + "Holm family of 2 claims (1 tested here)").contains("not an effect")
                .contains("<svg").contains("id='c5'");
        assertThat(html.substring(0, section)).doesNotContain("id=\"C11\"").contains("testing 9 claims at once");
        String md = MarkdownReport.render(m);
        assertThat(md).contains("\n## Within-owner claims\n").contains("| C11 |").contains("| C12 |")
                .contains("| <50 | 4–7 | 10 | 6 | 1.6 |").contains("| 1000-4999 | all | suppressed | | |").doesNotContain("2,048–4,095")
                .doesNotContain("1,024–2,047");
    }

    @Test
    void noLineUsesAPointOfFewerThanKMinOwners() {
        List<PanelCurve.Point> shown = points().stream().filter(p -> !p.suppressed()).toList();
        List<PanelCurve.Point> withNumbers = new ArrayList<>(shown);
        withNumbers.add(new PanelCurve.Point("1000-4999", 11, 9, 3333, 777, true));
        withNumbers.add(new PanelCurve.Point("<50", 9, 9, 700, 300, true));
        assertThat(Charts.withinOwner(withNumbers)).isEqualTo(Charts.withinOwner(shown));
        assertThat(Charts.withinOwner(shown)).contains("&lt;50 ties at the end of the panel")
                .doesNotContain("1000-4999 ties");
        assertThat(Charts.withinOwner(List.of(new PanelCurve.Point("<50", 3, 9, 10, 5, true)))).isNull();
        String md = MarkdownReport.render(model(withNumbers));
        assertThat(md).doesNotContain("3,333").doesNotContain("| 777 |").doesNotContain("| 700 |")
                .contains("| <50 | 512–1,023 | suppressed | | |").contains("| 1000-4999 | all | suppressed | | |");
    }

    @Test
    void aWarehouseWithoutWithinOwnerClaimsHasNoSection() {
        ReportModel m = HtmlReportTest.model();
        assertThat(HtmlReport.render(m)).doesNotContain("within-owner");
        assertThat(MarkdownReport.render(m)).doesNotContain("Within-owner claims");
    }
}
