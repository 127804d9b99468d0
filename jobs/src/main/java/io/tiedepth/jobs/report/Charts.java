package io.tiedepth.jobs.report;

import io.tiedepth.claims.PanelCurve;
import io.tiedepth.claims.SizeClass;
import io.tiedepth.jobs.report.ReportModel.CurvePoint;
import io.tiedepth.jobs.report.ReportModel.DepthMix;
import io.tiedepth.jobs.report.ReportModel.LayerRow;
import io.tiedepth.jobs.report.ReportModel.OwnerPoint;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DatasetUtils;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * The report's charts: JFreeChart drawn into JFreeSVG, returned as an inline {@code <svg>} element (no namespace
 * declarations, no external references). Fixed size, fixed colours, data in the model's sorted order: the same
 * model gives the same SVG. Returns null when a chart has nothing to plot (the page then says so).
 */
public final class Charts {
    static final int WIDTH = 820;
    static final int HEIGHT = 440;
    private static final Color BLUE = new Color(0x1f77b4);
    private static final Color ORANGE = new Color(0xd95f02);
    private static final Color GREY = new Color(0x777777);
    private static final Color RED = new Color(0xb2182b);
    private static final Color[] DEPTH = {new Color(0xd9d9d9), new Color(0x9ecae1), new Color(0x4292c6),
        new Color(0x08519c)};
    private static final Font TITLE = new Font("SansSerif", Font.BOLD, 15);
    private static final Font LABEL = new Font("SansSerif", Font.PLAIN, 13);
    private static final Font TICK = new Font("SansSerif", Font.PLAIN, 12);
    private static final double[] PUBLISHED = {1.5, 5, 15, 50, 150};

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /**
     * Chart 1: n_active and n_reciprocal against n_ties (log–log), as cells of a grid of half-doublings on both axes
     * holding at least k_min owners (one dot per cell, at its geometric centre; cells of fewer owners are not drawn,
     * so no dot describes fewer than k_min owners and the page does not grow with the number of owners); binned
     * medians, 150 and ψ lines.
     */
    public static String ties(List<OwnerPoint> owners, List<CurvePoint> curves, double breakpoint, int kMin) {
        XYSeries active = cells("n_active: cells of ≥ " + kMin + " owners", owners, OwnerPoint::nActive, kMin);
        XYSeries reciprocal = cells("n_reciprocal: cells of ≥ " + kMin + " owners", owners, OwnerPoint::nReciprocal,
                kMin);
        XYSeries medActive = medians("median n_active per log2 bin", curves, "n_active");
        XYSeries medReciprocal = medians("median n_reciprocal per log2 bin", curves, "n_reciprocal");
        if (active.isEmpty() && reciprocal.isEmpty()) {
            return null;
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(active);
        data.addSeries(reciprocal);
        data.addSeries(medActive);
        data.addSeries(medReciprocal);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        Ellipse2D dot = new Ellipse2D.Double(-2.5, -2.5, 5, 5);
        style(r, 0, new Color(0x1f, 0x77, 0xb4, 90), false, dot);
        style(r, 1, new Color(0xd9, 0x5f, 0x02, 90), false, dot);
        Rectangle2D square = new Rectangle2D.Double(-4.5, -4.5, 9, 9);
        style(r, 2, BLUE.darker(), true, square);
        style(r, 3, ORANGE.darker(), true, square);
        r.setSeriesStroke(2, new BasicStroke(2.5f));
        r.setSeriesStroke(3, new BasicStroke(2.5f));
        XYPlot plot = new XYPlot(data, axis("ties per owner, n_ties", data, true),
                axis("active or reciprocal ties per owner", data, false), r);
        ValueMarker dunbar = new ValueMarker(150, GREY, dashed(1.5f));
        dunbar.setLabel("150");
        dunbar.setLabelFont(TICK);
        dunbar.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        dunbar.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        plot.addDomainMarker(dunbar);
        includeDunbar(plot, data, Double.isFinite(breakpoint) ? breakpoint : 150);
        if (Double.isFinite(breakpoint) && breakpoint > 0) {
            ValueMarker psi = new ValueMarker(breakpoint, RED, dashed(1.5f));
            psi.setLabel("fitted breakpoint " + new DecimalFormat("0", DecimalFormatSymbols.getInstance(Locale.ROOT))
                    .format(breakpoint));
            psi.setLabelFont(TICK);
            psi.setLabelPaint(RED);
            psi.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
            psi.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addDomainMarker(psi);
        }
        return svg(chart("Active and reciprocal ties against network size", plot), "c1");
    }

    /** Grid cells per doubling of each axis in chart 1. */
    static final int CELLS_PER_DOUBLING = 2;

    /** Owners with n_ties and y above 0 counted per grid cell; one point per cell of at least kMin owners. */
    static XYSeries cells(String name, List<OwnerPoint> owners, ToLongFunction<OwnerPoint> y, int kMin) {
        Map<List<Integer>, Integer> counts = new TreeMap<>(Comparator.<List<Integer>>comparingInt(c -> c.get(0))
                .thenComparingInt(c -> c.get(1)));
        for (OwnerPoint o : owners) {
            long v = y.applyAsLong(o);
            if (o.nTies() > 0 && v > 0) {
                counts.merge(List.of(cell(o.nTies()), cell(v)), 1, Integer::sum);
            }
        }
        XYSeries series = new XYSeries(name, false, true);
        counts.forEach((c, n) -> {
            if (n >= kMin) {
                series.add(centre(c.get(0)), centre(c.get(1)));
            }
        });
        return series;
    }

    private static int cell(long value) {
        return (int) Math.floor(CELLS_PER_DOUBLING * Math.log(value) / Math.log(2));
    }

    private static double centre(int cell) {
        return Math.pow(2, (cell + 0.5) / CELLS_PER_DOUBLING);
    }

    /** Chart 2: mean contact frequency of active ties (interactions per year) per log2 bin of n_ties. */
    public static String frequency(List<CurvePoint> curves) {
        XYSeries mean = new XYSeries("mean over the bin's owners", false, true);
        XYSeries median = new XYSeries("median over the bin's owners", false, true);
        for (CurvePoint p : curves) {
            if (p.metric().equals("mean_active_frequency") && !p.suppressed() && p.meanNTies() > 0) {
                if (p.mean() > 0) {
                    mean.add(p.meanNTies(), p.mean());
                }
                if (p.median() > 0) {
                    median.add(p.meanNTies(), p.median());
                }
            }
        }
        if (mean.isEmpty()) {
            return null;
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(mean);
        data.addSeries(median);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        style(r, 0, BLUE, true, new Rectangle2D.Double(-4.5, -4.5, 9, 9));
        style(r, 1, ORANGE, true, new Ellipse2D.Double(-4.5, -4.5, 9, 9));
        r.setSeriesStroke(0, new BasicStroke(2.5f));
        r.setSeriesStroke(1, dashed(2f));
        XYPlot plot = new XYPlot(data, axis("ties per owner, n_ties (bin mean)", data, true),
                axis("contact frequency per active tie (interactions / year)", data, false), r);
        ValueMarker dunbar = new ValueMarker(150, GREY, dashed(1.5f));
        dunbar.setLabel("150");
        dunbar.setLabelFont(TICK);
        dunbar.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        dunbar.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        plot.addDomainMarker(dunbar);
        includeDunbar(plot, data, 150);
        return svg(chart("How often an active tie is contacted, by network size", plot), "c2");
    }

    /** Chart 3: share of ties at each depth per size class (stacked to 100 %); suppressed classes left out. */
    public static String depth(List<DepthMix> mix) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String[] names = {"none", "one_way", "reciprocal (not sustained)", "sustained"};
        for (DepthMix m : mix) {
            if (m.suppressed() || m.ties() == 0) {
                continue;
            }
            String label = m.sizeClass() + " ties (" + m.owners() + " owners)";
            long[] v = {m.none(), m.oneWay(), m.reciprocal(), m.sustained()};
            for (int i = 0; i < v.length; i++) {
                data.addValue(100.0 * v[i] / m.ties(), names[i], label);
            }
        }
        if (data.getColumnCount() == 0) {
            return null;
        }
        StackedBarRenderer r = new StackedBarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setMaximumBarWidth(0.12);
        for (int i = 0; i < DEPTH.length; i++) {
            r.setSeriesPaint(i, DEPTH[i]);
        }
        CategoryAxis x = new CategoryAxis("size class (n_ties per owner)");
        x.setLabelFont(LABEL);
        x.setTickLabelFont(TICK);
        x.setMaximumCategoryLabelLines(2);
        x.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        NumberAxis y = new NumberAxis("share of the class's ties (%)");
        y.setRange(0, 100);
        y.setLabelFont(LABEL);
        y.setTickLabelFont(TICK);
        CategoryPlot plot = new CategoryPlot(data, x, y, r);
        plot.setOrientation(PlotOrientation.VERTICAL);
        return svg(chart("Depth of ties by network size class", plot), "c3");
    }

    /**
     * Chart 4: cumulative Dunbar circle sizes (median, quartiles) of all owners with circles, against the published
     * 5 / 15 / 50 / 150 aligned on the outermost circle.
     */
    public static String layers(List<LayerRow> rows) {
        XYSeries median = new XYSeries("median size", false, true);
        XYSeries q1 = new XYSeries("1st quartile", false, true);
        XYSeries q3 = new XYSeries("3rd quartile", false, true);
        int max = 0;
        for (LayerRow l : rows) {
            if (l.group().equals("all") && !l.suppressed() && l.median() > 0) {
                median.add(l.layer(), l.median());
                if (l.q1() > 0) {
                    q1.add(l.layer(), l.q1());
                }
                if (l.q3() > 0) {
                    q3.add(l.layer(), l.q3());
                }
                max = Math.max(max, l.layer());
            }
        }
        if (median.isEmpty()) {
            return null;
        }
        XYSeries reference = new XYSeries("published 5 / 15 / 50 / 150 (Dunbar)", false, true);
        for (int j = 1; j <= Math.min(max, PUBLISHED.length); j++) {
            reference.add(j, PUBLISHED[PUBLISHED.length - Math.min(max, PUBLISHED.length) + j - 1]);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(median);
        data.addSeries(q1);
        data.addSeries(q3);
        data.addSeries(reference);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        style(r, 0, BLUE, true, new Rectangle2D.Double(-5, -5, 10, 10));
        style(r, 1, BLUE, true, new Ellipse2D.Double(-3, -3, 6, 6));
        style(r, 2, BLUE, true, new Ellipse2D.Double(-3, -3, 6, 6));
        style(r, 3, RED, true, new Ellipse2D.Double(-4, -4, 8, 8));
        r.setSeriesStroke(0, new BasicStroke(2.5f));
        r.setSeriesStroke(1, dashed(1.2f));
        r.setSeriesStroke(2, dashed(1.2f));
        r.setSeriesStroke(3, dashed(2f));
        NumberAxis x = new NumberAxis("circle (1 = innermost; cumulative)");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setRange(0.7, max + 0.3);
        x.setLabelFont(LABEL);
        x.setTickLabelFont(TICK);
        XYPlot plot = new XYPlot(data, x, axis("ties in the circle and those inside it", data, false), r);
        return svg(chart("Dunbar circle sizes of owners with circles", plot), "c4");
    }

    /** One colour per size class, smallest first ({@link SizeClass#LABELS}). */
    private static final Color[] SIZE_CLASSES = {new Color(0x9ecae1), new Color(0x4292c6), new Color(0x08519c),
        new Color(0xfd8d3c), new Color(0xd94801), new Color(0x7f2704)};

    /**
     * The within-owner chart: median active ties (12 months) against ties held, one line per size class at the end
     * of the panel ({@link PanelCurve}); suppressed points (fewer than k_min owners) are not drawn, and a class with
     * none left has no line. Null when nothing can be drawn.
     */
    public static String withinOwner(List<PanelCurve.Point> points) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        for (String sizeClass : SizeClass.LABELS) {
            XYSeries line = new XYSeries(sizeClass + " ties at the end of the panel", false, true);
            points.stream().filter(p -> p.sizeClass().equals(sizeClass) && !p.suppressed() && p.tiesHeld() > 0
                    && p.medianActive() > 0).forEach(p -> line.add(p.tiesHeld(), p.medianActive()));
            if (!line.isEmpty()) {
                int series = data.getSeriesCount();
                data.addSeries(line);
                style(r, series, SIZE_CLASSES[SizeClass.LABELS.indexOf(sizeClass)], true,
                        new Ellipse2D.Double(-4, -4, 8, 8));
                r.setSeriesStroke(series, new BasicStroke(2f));
            }
        }
        if (data.getSeriesCount() == 0) {
            return null;
        }
        XYPlot plot = new XYPlot(data, axis("ties held (median of the owners' months in a doubling)", data, true),
                axis("active ties, past 12 months (median)", data, false), r);
        return svg(chart("Within owners: active ties as the same networks grow", plot), "c5");
    }

    /** Widens the n_ties axis so the 150 line (and the breakpoint) is always on the chart. */
    private static void includeDunbar(XYPlot plot, XYDataset data, double marker) {
        Range r = DatasetUtils.findDomainBounds(data, false);
        if (r == null) {
            return;
        }
        double hi = Math.max(r.getUpperBound(), Math.max(150, marker)) * 1.25;
        double lo = r.getLowerBound() * 0.8;
        plot.getDomainAxis().setRange(lo > 0 ? lo : r.getLowerBound(), hi);
    }

    private static XYSeries medians(String name, List<CurvePoint> curves, String metric) {
        XYSeries s = new XYSeries(name, false, true);
        for (CurvePoint p : curves) {
            if (p.metric().equals(metric) && !p.suppressed() && p.meanNTies() > 0 && p.median() > 0) {
                s.add(p.meanNTies(), p.median());
            }
        }
        return s;
    }

    static void style(XYLineAndShapeRenderer r, int series, Color c, boolean lines, java.awt.Shape shape) {
        r.setSeriesPaint(series, c);
        r.setSeriesLinesVisible(series, lines);
        r.setSeriesShapesVisible(series, true);
        r.setSeriesShape(series, shape);
    }

    static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    }

    /**
     * A log axis when the data span at least a decade: ticks at powers of two under three decades, else at whole
     * decades with minor ticks between; otherwise a plain linear axis (a log scale over less than a decade only
     * makes odd tick labels).
     */
    static ValueAxis axis(String label, XYDataset data, boolean domain) {
        Range range = domain ? DatasetUtils.findDomainBounds(data, false) : DatasetUtils.findRangeBounds(data, false);
        DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        ValueAxis a;
        if (range != null && range.getLowerBound() > 0 && range.getUpperBound() / range.getLowerBound() >= 10) {
            LogAxis log = new LogAxis(label + " (log scale)");
            log.setBase(10);
            log.setSmallestValue(0.01);
            if (range.getUpperBound() / range.getLowerBound() < 1000) {
                // under three decades, decade ticks are too few: label powers of two (1, 2, 4, ..., 512)
                log.setTickUnit(new NumberTickUnit(Math.log10(2)));
            } else {
                log.setTickUnit(new NumberTickUnit(1.0));
                log.setMinorTickCount(9);
                log.setMinorTickMarksVisible(true);
            }
            log.setNumberFormatOverride(format);
            a = log;
        } else {
            NumberAxis lin = new NumberAxis(label);
            lin.setAutoRangeIncludesZero(false);
            lin.setNumberFormatOverride(format);
            a = lin;
        }
        a.setLabelFont(LABEL);
        a.setTickLabelFont(TICK);
        return a;
    }

    static JFreeChart chart(String title, org.jfree.chart.plot.Plot plot) {
        JFreeChart c = new JFreeChart(title, TITLE, plot, true);
        c.setBackgroundPaint(Color.WHITE);
        c.setAntiAlias(true);
        plot.setBackgroundPaint(Color.WHITE);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(new Color(0xdddddd));
            xy.setRangeGridlinePaint(new Color(0xdddddd));
        } else if (plot instanceof CategoryPlot cp) {
            cp.setRangeGridlinePaint(new Color(0xdddddd));
        }
        LegendTitle legend = c.getLegend();
        legend.setItemFont(TICK);
        legend.setFrame(BlockBorder.NONE);
        legend.setPosition(RectangleEdge.BOTTOM);
        return c;
    }

    /** Draws the chart into SVG; the defs prefix is fixed per chart so ids are stable and unique on the page. */
    static String svg(JFreeChart chart, String id) {
        return svg(chart, id, WIDTH, HEIGHT);
    }

    /** {@link #svg(JFreeChart, String)} at another size (the plan page's small multiples). */
    static String svg(JFreeChart chart, String id, int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix(id + "_");
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        String s = g.getSVGElement(id);
        // Inline SVG in HTML needs no namespaces; dropping them keeps the page free of any URL.
        s = s.replaceAll("\\s+xmlns(:\\w+)?=(['\"])[^'\"]*\\2", "");
        s = s.replaceFirst("<svg ", "<svg role=\"img\" viewBox=\"0 0 " + width + " " + height + "\" ");
        return s;
    }
}
