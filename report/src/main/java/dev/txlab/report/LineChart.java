package dev.txlab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An SVG line chart: one line per series, a marker per point (class {@code point}, with a tooltip;
 * a filled circle, a hollow circle or a triangle, so series of one colour stay apart), optional
 * error bars, linear or logarithmic axes with headroom above the top point, x labels that never
 * overlap, a legend with each series' line and marker. Self-contained, no script.
 */
final class LineChart {
    private static final int WIDTH = 760;
    private static final int HEIGHT = 380;
    private static final int LEFT = 70;
    private static final int RIGHT = 190;
    private static final int TOP = 20;
    private static final int BOTTOM = 50;
    /** About the width of a character of an 11 px axis label, to keep labels apart. */
    private static final double LABEL_CHAR_WIDTH = 6.5;

    /** One point; {@code error} is drawn as a bar of plus and minus that much (0 for none). */
    record Point(double x, double y, double error, String tooltip) {
    }

    record Series(String name, List<Point> points, boolean dashed, int colour, Marker marker) {
    }

    /** How a series marks its points. */
    enum Marker {
        DOT, RING, TRIANGLE
    }

    /** The top of the y axis is at least this factor above the highest point (a log axis: its square). */
    private static final double HEADROOM = 1.08;

    /** A tick at {@code value} labelled {@code label}, for axes whose values are transformed. */
    record Tick(double value, String label) {
    }

    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private boolean logY;
    private List<Tick> xTicks;

    LineChart(String xLabel, String yLabel) {
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    LineChart logY() {
        this.logY = true;
        return this;
    }

    LineChart xTicks(List<Tick> ticks) {
        this.xTicks = List.copyOf(ticks);
        return this;
    }

    /** Adds a solid series in the next colour, its points dots. */
    LineChart add(String name, List<Point> points) {
        return add(name, points, false, series.size(), Marker.DOT);
    }

    /** Adds a series in the given colour of the palette, dashed or solid, with the given marker. */
    LineChart add(String name, List<Point> points, boolean dashed, int colour, Marker marker) {
        if (!points.isEmpty()) {
            series.add(new Series(name, List.copyOf(points), dashed, colour, marker));
        }
        return this;
    }

    boolean isEmpty() {
        return series.isEmpty();
    }

    String render(String title) {
        List<Point> all = series.stream().flatMap(s -> s.points().stream()).toList();
        double minX = all.stream().mapToDouble(Point::x).min().orElse(0);
        double maxX = all.stream().mapToDouble(Point::x).max().orElse(1);
        double maxY = all.stream().mapToDouble(p -> p.y() + p.error()).max().orElse(1);
        double minY = all.stream().mapToDouble(Point::y).filter(y -> y > 0).min().orElse(1);
        Axis x = xTicks != null
                ? Axis.linear(Math.min(minX, xTicks.get(0).value()), Math.max(maxX, xTicks.get(xTicks.size() - 1).value()),
                LEFT, WIDTH - RIGHT)
                : Axis.linear(0, maxX * HEADROOM, LEFT, WIDTH - RIGHT);
        Axis y = logY ? Axis.logarithmic(minY / HEADROOM, maxY * HEADROOM * HEADROOM, HEIGHT - BOTTOM, TOP)
                : Axis.linear(0, maxY * HEADROOM, HEIGHT - BOTTOM, TOP);
        StringBuilder svg = new StringBuilder();
        svg.append(Html.svgOpen(WIDTH, HEIGHT, title));
        axes(svg, x, y);
        for (int i = 0; i < series.size(); i++) {
            drawSeries(svg, series.get(i), Palette.colour(series.get(i).colour()), x, y);
            legend(svg, series.get(i), Palette.colour(series.get(i).colour()), i);
        }
        return svg.append("</svg>").toString();
    }

    private void axes(StringBuilder svg, Axis x, Axis y) {
        svg.append(String.format(Locale.ROOT, "<g class=\"axes\" font-size=\"11\" fill=\"#333\">"
                + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>"
                + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>",
                LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, LEFT, TOP, LEFT, HEIGHT - BOTTOM));
        List<Tick> xs = xTicks != null ? xTicks : x.ticks().stream().map(v -> new Tick(v, Axis.label(v))).toList();
        double labelledUpTo = Double.NEGATIVE_INFINITY;
        for (Tick tick : xs) {
            double px = x.pixel(tick.value());
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>",
                    px, TOP, px, HEIGHT - BOTTOM));
            double halfWidth = tick.label().length() * LABEL_CHAR_WIDTH / 2;
            if (px - halfWidth > labelledUpTo + 4) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", px,
                        HEIGHT - BOTTOM + 15, Html.escape(tick.label())));
                labelledUpTo = px + halfWidth;
            }
        }
        for (double tick : y.ticks()) {
            double py = y.pixel(tick);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", LEFT, py, WIDTH - RIGHT, py, LEFT - 5,
                    py + 4, Axis.label(tick)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>"
                + "<text transform=\"translate(15 %d) rotate(-90)\" text-anchor=\"middle\">%s</text></g>",
                (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 12, Html.escape(xLabel), (TOP + HEIGHT - BOTTOM) / 2,
                Html.escape(yLabel)));
    }

    private static void drawSeries(StringBuilder svg, Series series, String colour, Axis x, Axis y) {
        svg.append("<g class=\"series\" data-series=\"").append(Html.escape(series.name())).append("\">");
        StringBuilder path = new StringBuilder();
        for (Point point : series.points()) {
            path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f",
                    x.pixel(point.x()), y.pixel(point.y())));
        }
        svg.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>",
                path, colour, series.dashed() ? " stroke-dasharray=\"6 4\"" : ""));
        for (Point point : series.points()) {
            double px = x.pixel(point.x());
            if (point.error() > 0) {
                svg.append(String.format(Locale.ROOT, "<line class=\"error-bar\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
                        + "y2=\"%.1f\" stroke=\"%s\"/>", px, y.pixel(Math.max(point.y() - point.error(), 0)), px,
                        y.pixel(point.y() + point.error()), colour));
            }
            svg.append(marker(series.marker(), px, y.pixel(point.y()), colour, "point",
                    "<title>" + Html.escape(series.name() + ": " + point.tooltip()) + "</title>"));
        }
        svg.append("</g>");
    }

    /** A point's marker at (x, y), with a class and content (its tooltip), or none for the legend. */
    private static String marker(Marker marker, double x, double y, String colour, String cssClass, String content) {
        String attributes = cssClass.isEmpty() ? "" : " class=\"" + cssClass + "\"";
        return switch (marker) {
            case DOT -> String.format(Locale.ROOT, "<circle%s cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\">%s"
                    + "</circle>", attributes, x, y, colour, content);
            case RING -> String.format(Locale.ROOT, "<circle%s cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"white\" "
                    + "stroke=\"%s\" stroke-width=\"2\">%s</circle>", attributes, x, y, colour, content);
            case TRIANGLE -> String.format(Locale.ROOT, "<path%s d=\"M%.1f %.1f L%.1f %.1f L%.1f %.1f Z\" fill=\"%s\">"
                    + "%s</path>", attributes, x, y - 5.5, x + 5, y + 3.5, x - 5, y + 3.5, colour, content);
        };
    }

    private static void legend(StringBuilder svg, Series series, String colour, int index) {
        int top = TOP + 10 + index * 18;
        svg.append(String.format(Locale.ROOT, "<g class=\"legend\" font-size=\"12\"><line x1=\"%d\" y1=\"%d\" "
                + "x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>%s<text x=\"%d\" y=\"%d\">%s</text></g>",
                WIDTH - RIGHT + 8, top, WIDTH - RIGHT + 32, top, colour,
                series.dashed() ? " stroke-dasharray=\"6 4\"" : "", marker(series.marker(), WIDTH - RIGHT + 20, top,
                        colour, "", ""), WIDTH - RIGHT + 37, top + 4, Html.escape(series.name())));
    }
}
