package dev.nla.bench.report;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A line or scatter chart of one or more \((x, y)\) series, saved as PNG through XChart.
 *
 * <p>Each axis is linear, base-2 logarithmic or base-10 logarithmic. A base-2 axis plots \(\log_2
 * x\) and labels the ticks at whole powers of two with their values (64, 128, ...), which suits
 * problem sizes that double. Logarithmic axes need positive values; NaN and infinite
 * coordinates are rejected rather than dropped, so a plot never hides a failed measurement.
 *
 * <p>Rendering uses {@code java.awt} off-screen images only; run with {@code
 * -Djava.awt.headless=true} on machines without a display (the {@code nla} launcher does).
 */
public final class LinePlot {
    /** How an axis maps data values to positions. */
    public enum AxisScale {
        /** Linear. */
        LINEAR,
        /** Base-2 logarithmic, ticks labelled at powers of two. */
        LOG2,
        /** Base-10 logarithmic (decades). */
        LOG10
    }

    private record Series(String name, double[] x, double[] y) {}

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private AxisScale xScale = AxisScale.LINEAR;
    private AxisScale yScale = AxisScale.LINEAR;
    private boolean lines = true;
    private int width = 900;
    private int height = 560;

    /**
     * Starts a chart.
     *
     * @param title  the chart title
     * @param xLabel the x-axis label
     * @param yLabel the y-axis label
     * @throws NullPointerException if an argument is null
     */
    public LinePlot(String title, String xLabel, String yLabel) {
        this.title = Objects.requireNonNull(title, "title");
        this.xLabel = Objects.requireNonNull(xLabel, "xLabel");
        this.yLabel = Objects.requireNonNull(yLabel, "yLabel");
    }

    /**
     * Sets the x-axis scale (default linear). Series already added are checked again.
     *
     * @param scale the scale
     * @return this plot
     * @throws NullPointerException     if {@code scale} is null
     * @throws IllegalArgumentException if a logarithmic scale is chosen and an x value is not
     *     positive
     */
    public LinePlot xScale(AxisScale scale) {
        Objects.requireNonNull(scale, "scale");
        for (Series s : series) {
            checkValues(s.name(), "x", s.x(), scale);
        }
        this.xScale = scale;
        return this;
    }

    /**
     * Sets the y-axis scale (default linear). Series already added are checked again.
     *
     * @param scale the scale
     * @return this plot
     * @throws NullPointerException     if {@code scale} is null
     * @throws IllegalArgumentException if a logarithmic scale is chosen and a y value is not
     *     positive
     */
    public LinePlot yScale(AxisScale scale) {
        Objects.requireNonNull(scale, "scale");
        for (Series s : series) {
            checkValues(s.name(), "y", s.y(), scale);
        }
        this.yScale = scale;
        return this;
    }

    /**
     * Draws markers only, without connecting lines (a scatter plot).
     *
     * @return this plot
     */
    public LinePlot scatter() {
        this.lines = false;
        return this;
    }

    /**
     * Sets the image size in pixels (default 900 x 560).
     *
     * @param width  width, 100 to 8000
     * @param height height, 100 to 8000
     * @return this plot
     * @throws IllegalArgumentException if a size is out of range
     */
    public LinePlot size(int width, int height) {
        if (width < 100 || width > 8000 || height < 100 || height > 8000) {
            throw new IllegalArgumentException(
                    "plot size must be within [100, 8000] pixels, got " + width + " x " + height);
        }
        this.width = width;
        this.height = height;
        return this;
    }

    /**
     * Adds a series.
     *
     * @param name legend entry, unique within the plot
     * @param x    abscissae; copied
     * @param y    ordinates, same length as {@code x}; copied
     * @return this plot
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the lengths differ or are zero, the name is already
     *     used, or a value is NaN, infinite, or not positive on a logarithmic axis
     */
    public LinePlot series(String name, double[] x, double[] y) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("series '" + name
                    + "' needs equal, non-zero numbers of x and y values, got " + x.length + " and " + y.length);
        }
        for (Series s : series) {
            if (s.name().equals(name)) {
                throw new IllegalArgumentException("duplicate series name '" + name + "'");
            }
        }
        checkValues(name, "x", x, xScale);
        checkValues(name, "y", y, yScale);
        series.add(new Series(name, x.clone(), y.clone()));
        return this;
    }

    /**
     * Builds the XChart chart.
     *
     * @return a new chart
     * @throws IllegalStateException if no series was added
     */
    XYChart toChart() {
        if (series.isEmpty()) {
            throw new IllegalStateException("plot '" + title + "' has no series");
        }
        XYChart chart = new XYChartBuilder()
                .width(width)
                .height(height)
                .title(title)
                .xAxisTitle(xLabel)
                .yAxisTitle(yLabel)
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler()
                .setDefaultSeriesRenderStyle(
                        lines
                                ? org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Line
                                : org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            double[] px = transform(s.x(), xScale);
            double[] py = transform(s.y(), yScale);
            XYSeries added = chart.addSeries(s.name(), px, py);
            added.setMarker(SeriesMarkers.CIRCLE);
            for (double v : px) {
                xMin = Math.min(xMin, v);
                xMax = Math.max(xMax, v);
            }
        }
        if (xScale == AxisScale.LOG10) {
            chart.getStyler().setXAxisLogarithmic(true);
        } else if (xScale == AxisScale.LOG2) {
            double lo = Math.floor(xMin);
            double hi = Math.max(Math.ceil(xMax), lo + 1);
            chart.getStyler().setXAxisMin(lo);
            chart.getStyler().setXAxisMax(hi);
            chart.setCustomXAxisTickLabelsFormatter(LinePlot::powerOfTwoLabel);
        }
        if (yScale == AxisScale.LOG10) {
            chart.getStyler().setYAxisLogarithmic(true);
        } else if (yScale == AxisScale.LOG2) {
            chart.setCustomYAxisTickLabelsFormatter(LinePlot::powerOfTwoLabel);
        }
        return chart;
    }

    /**
     * Renders the chart and writes it as a PNG file (created or replaced).
     *
     * @param file the destination, normally ending in {@code .png}; its parent directory must
     *     exist
     * @throws NullPointerException  if {@code file} is null
     * @throws IllegalStateException if no series was added
     * @throws UncheckedIOException  if the file cannot be written
     */
    public void savePng(Path file) {
        Objects.requireNonNull(file, "file");
        XYChart chart = toChart();
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plot " + file, e);
        }
    }

    /**
     * The tick label of a base-2 axis at position {@code v} (that is, at the value \(2^v\)): the
     * value for whole powers of two ({@code 128}, {@code 0.5}), {@code 2^k} beyond \(2^{62}\) or
     * below \(2^{-20}\), and a blank for positions between powers of two.
     *
     * @param v the axis position \(\log_2 x\)
     * @return the label
     */
    static String powerOfTwoLabel(double v) {
        long k = Math.round(v);
        if (Math.abs(v - k) > 1e-9) {
            return " ";
        }
        if (k >= 0 && k <= 62) {
            return Long.toString(1L << k);
        }
        if (k < 0 && k >= -20) {
            return BigDecimal.ONE.divide(BigDecimal.valueOf(1L << -k)).toPlainString();
        }
        return "2^" + k;
    }

    private static double[] transform(double[] v, AxisScale scale) {
        if (scale != AxisScale.LOG2) {
            return v;
        }
        double[] t = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            t[i] = Math.log(v[i]) / Math.log(2);
        }
        return t;
    }

    private static void checkValues(String name, String axis, double[] v, AxisScale scale) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(
                        "series '" + name + "': " + axis + "[" + i + "] = " + v[i] + " is not finite");
            }
            if (scale != AxisScale.LINEAR && v[i] <= 0) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "series '%s': %s[%d] = %s is not positive, so it cannot be drawn on a %s axis",
                        name,
                        axis,
                        i,
                        v[i],
                        scale));
            }
        }
    }
}
