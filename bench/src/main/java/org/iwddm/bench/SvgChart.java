package org.iwddm.bench;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * A hand-written SVG line chart (no dependency): both axes on log scales (the floors, the
 * pipeline and a naive peer lie orders of magnitude apart), one line per series through the
 * medians, a min-max whisker and a marker at each point, axes with ticks at the data's x
 * values and at 1, 2 and 5 times the powers of ten on y, axis labels, title and legend. Each
 * series is a {@code <g class="series" data-series="id">} so tests can find it.
 */
final class SvgChart {
    private static final int WIDTH = 780;
    private static final int HEIGHT = 460;
    private static final int LEFT = 90;
    private static final int RIGHT = 30;
    /** Room above the plot for the title and two rows of legend. */
    private static final int TOP = 80;
    private static final int LEGEND_ROW = 16;
    private static final int BOTTOM = 70;

    record Point(double x, Stats y) {
    }

    /** line: joined by a line; otherwise markers only (square). */
    record Series(String id, String label, String color, boolean line, List<Point> points) {
    }

    /** Room left and right of the extreme x values, as a factor on the log scale. */
    private static final double X_PADDING = 1.6;

    private final double xLow;
    private final double xHigh;
    private final double yLow;
    private final double yHigh;
    private final StringBuilder svg = new StringBuilder();

    private SvgChart(List<Series> series) {
        double minX = points(series).mapToDouble(Point::x).min().orElse(1);
        double maxX = points(series).mapToDouble(Point::x).max().orElse(10);
        xLow = minX / X_PADDING;
        xHigh = maxX * X_PADDING;
        double minY = points(series).mapToDouble(p -> p.y().min()).filter(y -> y > 0).min().orElse(1);
        double maxY = points(series).mapToDouble(p -> p.y().max()).max().orElse(10);
        yLow = niceBelow(minY);
        double high = niceAbove(maxY);
        yHigh = high > yLow ? high : yLow * 10;
    }

    /** The largest 1, 2 or 5 times a power of ten at or below the value. */
    private static double niceBelow(double value) {
        double decade = Math.pow(10, Math.floor(Math.log10(value)));
        return value >= 5 * decade ? 5 * decade : value >= 2 * decade ? 2 * decade : decade;
    }

    /** The smallest 1, 2 or 5 times a power of ten at or above the value. */
    private static double niceAbove(double value) {
        double decade = Math.pow(10, Math.floor(Math.log10(value)));
        return value <= decade ? decade : value <= 2 * decade ? 2 * decade : value <= 5 * decade ? 5 * decade : 10 * decade;
    }

    private static java.util.stream.Stream<Point> points(List<Series> series) {
        return series.stream().flatMap(s -> s.points().stream());
    }

    static String render(String title, String xLabel, String yLabel, List<Series> series) {
        SvgChart chart = new SvgChart(series);
        chart.open(title);
        chart.axes(xLabel, yLabel, series);
        series.forEach(chart::series);
        chart.legend(series);
        chart.svg.append("</svg>\n");
        return chart.svg.toString();
    }

    private void open(String title) {
        svg.append(format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                + " font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(format("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        svg.append(format("<text x=\"%d\" y=\"28\" font-size=\"16\" font-weight=\"bold\">%s</text>%n", LEFT, escape(title)));
    }

    private void axes(String xLabel, String yLabel, List<Series> series) {
        int bottom = HEIGHT - BOTTOM;
        svg.append("<g class=\"axes\" stroke=\"#333\">\n");
        svg.append(format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>%n", LEFT, bottom, WIDTH - RIGHT, bottom));
        svg.append(format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>%n", LEFT, TOP, LEFT, bottom));
        svg.append("</g>\n");
        for (double x : xTicks(series)) {
            svg.append(format("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n", xOf(x), TOP, xOf(x), bottom));
            svg.append(format("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", xOf(x), bottom + 18, shortNumber(x)));
        }
        for (double y : yTicks()) {
            svg.append(format("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n", LEFT, yOf(y), WIDTH - RIGHT, yOf(y)));
            svg.append(format("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT - 8, yOf(y) + 4, shortNumber(y)));
        }
        svg.append(format("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", (LEFT + WIDTH - RIGHT) / 2,
                HEIGHT - 24, escape(xLabel)));
        svg.append(format("<text transform=\"translate(22 %d) rotate(-90)\" text-anchor=\"middle\">%s</text>%n",
                (TOP + bottom) / 2, escape(yLabel)));
    }

    /** Every x of the data (batch sizes are few and chosen, so each gets its label). */
    private static TreeSet<Double> xTicks(List<Series> series) {
        TreeSet<Double> ticks = new TreeSet<>();
        points(series).forEach(p -> ticks.add(p.x()));
        return ticks;
    }

    /** 1, 2 and 5 times each power of ten within the range. */
    private TreeSet<Double> yTicks() {
        TreeSet<Double> ticks = new TreeSet<>();
        for (double decade = Math.pow(10, Math.floor(Math.log10(yLow))); decade <= yHigh; decade *= 10) {
            for (int multiple : new int[] {1, 2, 5}) {
                double tick = decade * multiple;
                if (tick >= yLow * 0.999 && tick <= yHigh * 1.001) {
                    ticks.add(tick);
                }
            }
        }
        return ticks;
    }

    private void series(Series series) {
        svg.append(format("<g class=\"series\" data-series=\"%s\" stroke=\"%s\" fill=\"%s\">%n", escape(series.id()),
                series.color(), series.color()));
        if (series.line() && series.points().size() > 1) {
            StringBuilder points = new StringBuilder();
            series.points().forEach(p -> points.append(format("%.1f,%.1f ", xOf(p.x()), yOf(p.y().median()))));
            svg.append(format("<polyline points=\"%s\" fill=\"none\" stroke-width=\"2\"/>%n", points.toString().trim()));
        }
        for (Point p : series.points()) {
            marker(series, p);
        }
        svg.append("</g>\n");
    }

    private void marker(Series series, Point p) {
        double x = xOf(p.x());
        svg.append(format("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke-width=\"1.5\"/>%n", x,
                yOf(p.y().min()), x, yOf(p.y().max())));
        String tip = format("%s, batch %s: median %,.0f (min %,.0f, max %,.0f) events/s", series.label(),
                shortNumber(p.x()), p.y().median(), p.y().min(), p.y().max());
        if (series.line()) {
            svg.append(format("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\"><title>%s</title></circle>%n", x,
                    yOf(p.y().median()), escape(tip)));
        } else {
            svg.append(format("<rect x=\"%.1f\" y=\"%.1f\" width=\"9\" height=\"9\"><title>%s</title></rect>%n", x - 4.5,
                    yOf(p.y().median()) - 4.5, escape(tip)));
        }
    }

    private void legend(List<Series> series) {
        svg.append("<g class=\"legend\">\n");
        int y = TOP - 14 - LEGEND_ROW;
        int x = LEFT + 10;
        for (Series s : series) {
            int width = 30 + 7 * s.label().length();
            if (x > LEFT + 10 && x + width > WIDTH - RIGHT) {
                x = LEFT + 10; // wrap onto the next legend row
                y += LEGEND_ROW;
            }
            svg.append(format("<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"4\" fill=\"%s\"/>%n", x, y - 4, s.color()));
            svg.append(format("<text x=\"%d\" y=\"%d\">%s</text>%n", x + 20, y, escape(s.label())));
            x += width;
        }
        svg.append("</g>\n");
    }

    private double xOf(double x) {
        double share = (Math.log10(x) - Math.log10(xLow)) / (Math.log10(xHigh) - Math.log10(xLow));
        return LEFT + share * (WIDTH - LEFT - RIGHT);
    }

    private double yOf(double y) {
        double share = (Math.log10(Math.max(y, yLow)) - Math.log10(yLow)) / (Math.log10(yHigh) - Math.log10(yLow));
        return HEIGHT - BOTTOM - share * (HEIGHT - BOTTOM - TOP);
    }

    static String shortNumber(double value) {
        if (value >= 1_000_000 && value % 100_000 == 0) {
            return format("%sM", trim(value / 1_000_000));
        }
        if (value >= 1_000 && value % 100 == 0) {
            return format("%sk", trim(value / 1_000));
        }
        return trim(value);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : format("%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
