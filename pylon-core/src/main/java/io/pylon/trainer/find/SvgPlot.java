package io.pylon.trainer.find;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * A line plot as a small standalone SVG (opens in any browser; no plotting library): one series, optional
 * logarithmic x axis, a marked point (the suggestion), and min/max tick labels on both axes.
 *
 * @param title plot title
 * @param xLabel x axis label
 * @param yLabel y axis label
 * @param logX whether x is drawn on a log10 scale
 */
record SvgPlot(String title, String xLabel, String yLabel, boolean logX) {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 400;
    private static final int MARGIN = 60;

    /** Writes the plot of {@code (xs, ys)} with {@code markX} highlighted (NaN: none), atomically. */
    void write(Path file, List<Double> xs, List<Double> ys, double markX) {
        try {
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temp, render(xs, ys, markX), StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    String render(List<Double> xs, List<Double> ys, double markX) {
        double[] x = xs.stream().mapToDouble(v -> logX ? Math.log10(v) : v).toArray();
        double[] y = ys.stream().mapToDouble(Double::doubleValue).toArray();
        double xMin = min(x);
        double xMax = max(x);
        double yMin = min(y);
        double yMax = max(y);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(text(WIDTH / 2.0, 24, title, "middle", 15));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#888\"/>%n", MARGIN, MARGIN, WIDTH - 2 * MARGIN, HEIGHT - 2 * MARGIN));
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px(x[i], xMin, xMax), py(y[i], yMin, yMax)));
            }
        }
        svg.append("<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\" points=\"").append(points.toString().trim())
                .append("\"/>\n");
        if (Double.isFinite(markX)) {
            double mx = px(logX ? Math.log10(markX) : markX, xMin, xMax);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#d62728\" "
                    + "stroke-dasharray=\"4 3\"/>%n", mx, MARGIN, mx, HEIGHT - MARGIN));
            svg.append(text(mx + 4, MARGIN + 14, "suggested " + number(markX), "start", 12));
        }
        svg.append(text(MARGIN, HEIGHT - MARGIN + 16, number(logX ? Math.pow(10, xMin) : xMin), "start", 11));
        svg.append(text(WIDTH - MARGIN, HEIGHT - MARGIN + 16, number(logX ? Math.pow(10, xMax) : xMax), "end", 11));
        svg.append(text(MARGIN - 4, HEIGHT - MARGIN, number(yMin), "end", 11));
        svg.append(text(MARGIN - 4, MARGIN + 10, number(yMax), "end", 11));
        svg.append(text(WIDTH / 2.0, HEIGHT - 16, xLabel + (logX ? " (log scale)" : ""), "middle", 12));
        svg.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 16 %d)\">"
                + "%s</text>%n", HEIGHT / 2, HEIGHT / 2, escape(yLabel)));
        return svg.append("</svg>\n").toString();
    }

    private static double px(double x, double min, double max) {
        return MARGIN + (max > min ? (x - min) / (max - min) : 0.5) * (WIDTH - 2 * MARGIN);
    }

    private static double py(double y, double min, double max) {
        return HEIGHT - MARGIN - (max > min ? (y - min) / (max - min) : 0.5) * (HEIGHT - 2 * MARGIN);
    }

    private static String text(double x, double y, String text, String anchor, int size) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>%n",
                x, y, anchor, size, escape(text));
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static double min(double[] values) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                m = Math.min(m, v);
            }
        }
        return m;
    }

    private static double max(double[] values) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                m = Math.max(m, v);
            }
        }
        return m;
    }
}
