package io.tiedepth.jobs.report;

import io.tiedepth.claims.RecoveryStudy.Role;
import io.tiedepth.plan.PowerPlan;
import io.tiedepth.plan.PowerPlan.ClaimPower;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The plan page's charts: one power curve per claim (share of simulated populations in which it is supported,
 * against the candidate donor counts), with its 95 % Wilson band and the target line (80 % power for a planted
 * effect; the 5 % level for a null). Drawn with the report's chart helpers ({@link Charts}), small enough for a
 * grid of three per row; the same result gives the same SVG.
 */
final class PowerCurves {
    static final int WIDTH = 360;
    static final int HEIGHT = 270;
    private static final Color BLUE = new Color(0x1f77b4);
    private static final Color GREY = new Color(0x777777);
    private static final Color RED = new Color(0xb2182b);

    private PowerCurves() {
    }

    /** The power curve of one claim's rows (ascending donors). */
    static String curve(String claimId, List<ClaimPower> rows) {
        XYSeries power = new XYSeries(label(rows.get(0).role()), false, true);
        XYSeries low = new XYSeries("95 % Wilson interval", false, true);
        XYSeries high = new XYSeries("95 % Wilson interval (upper)", false, true);
        for (ClaimPower r : rows) {
            power.add(r.donors(), r.power());
            low.add(r.donors(), r.powerLow());
            high.add(r.donors(), r.powerHigh());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(power);
        data.addSeries(low);
        data.addSeries(high);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        Charts.style(r, 0, BLUE, true, new Ellipse2D.Double(-4, -4, 8, 8));
        Charts.style(r, 1, GREY, true, new Ellipse2D.Double(-1.5, -1.5, 3, 3));
        Charts.style(r, 2, GREY, true, new Ellipse2D.Double(-1.5, -1.5, 3, 3));
        r.setSeriesStroke(0, new BasicStroke(2.5f));
        r.setSeriesStroke(1, Charts.dashed(1f));
        r.setSeriesStroke(2, Charts.dashed(1f));
        r.setSeriesVisibleInLegend(2, false);
        NumberAxis y = new NumberAxis("share of populations supported");
        y.setRange(0, 1.02);
        XYPlot plot = new XYPlot(data, Charts.axis("donors", data, true), y, r);
        plot.addRangeMarker(target(rows.get(0).role()));
        return Charts.svg(Charts.chart(claimId, plot), "p" + claimId.toLowerCase(java.util.Locale.ROOT), WIDTH,
                HEIGHT);
    }

    /** The line a curve is read against: the target power, or the 5 % level of a false positive. */
    private static ValueMarker target(Role role) {
        boolean planted = role == Role.PLANTED;
        ValueMarker m = new ValueMarker(planted ? PowerPlan.TARGET_POWER : 0.05, RED, Charts.dashed(1.5f));
        m.setLabel(planted ? "80 % power" : "5 %");
        m.setLabelPaint(RED);
        m.setLabelBackgroundColor(new Color(0, 0, 0, 0));
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        return m;
    }

    /** The curve's legend: what its share is for this claim. */
    static String label(Role role) {
        return switch (role) {
            case PLANTED -> "power (effect planted)";
            case NULL -> "false-positive rate (true null)";
            case ALTERNATIVE -> "false-positive rate (effect off)";
            case OTHER -> "share supported (effect off, not a clean null)";
        };
    }
}
