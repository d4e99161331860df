package dev.txlab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An SVG horizontal bar chart: one bar per category, one coloured segment per part (class
 * {@code point}), the parts stacked (they add up to a whole) or side by side (they do not).
 */
final class StackedBars {
    private static final int WIDTH = 760;
    private static final int LEFT = 190;
    private static final int RIGHT = 40;
    private static final int LEGEND_ROW = 16;
    private static final int BAR = 26;
    private static final int GAP = 12;

    record Bar(String category, List<Double> values) {
    }

    private final List<String> parts;
    private final String unit;
    private final boolean stacked;
    private final List<Bar> bars = new ArrayList<>();

    /** Parts that add up to the bar's whole, stacked; {@code unit} labels the axis. */
    StackedBars(List<String> parts, String unit) {
        this(parts, unit, true);
    }

    private StackedBars(List<String> parts, String unit, boolean stacked) {
        this.parts = List.copyOf(parts);
        this.unit = unit;
        this.stacked = stacked;
    }

    /** Parts that do not add up (e.g. messages published and delivered), side by side in each category. */
    static StackedBars sideBySide(List<String> parts, String unit) {
        return new StackedBars(parts, unit, false);
    }

    StackedBars add(String category, List<Double> values) {
        if (values.size() != parts.size()) {
            throw new IllegalArgumentException(category + " has " + values.size() + " values for " + parts.size()
                    + " parts");
        }
        bars.add(new Bar(category, List.copyOf(values)));
        return this;
    }

    boolean isEmpty() {
        return bars.isEmpty();
    }

    String render(String title) {
        StringBuilder legend = new StringBuilder();
        int top = legend(legend) + 20;
        int height = top + bars.size() * (BAR + GAP) + 44;
        double largest = bars.stream().mapToDouble(b -> stacked ? b.values().stream().mapToDouble(Double::doubleValue)
                .sum() : b.values().stream().mapToDouble(Double::doubleValue).max().orElse(0)).max().orElse(1);
        Axis x = Axis.linear(0, largest, LEFT, WIDTH - RIGHT);
        StringBuilder svg = new StringBuilder(Html.svgOpen(WIDTH, height, title))
                .append("<g font-size=\"11\" fill=\"#333\">");
        for (double tick : x.ticks()) {
            double px = x.pixel(tick);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", px, top - 5, px, height - 39, px,
                    height - 24, Axis.label(tick)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text></g>",
                (LEFT + WIDTH - RIGHT) / 2, height - 6, Html.escape(unit)));
        svg.append(legend);
        for (int i = 0; i < parts.size(); i++) {
            svg.append("<g class=\"series\" data-series=\"").append(Html.escape(parts.get(i))).append("\">");
            for (int b = 0; b < bars.size(); b++) {
                Bar bar = bars.get(b);
                double start = stacked ? bar.values().subList(0, i).stream().mapToDouble(Double::doubleValue).sum() : 0;
                double value = bar.values().get(i);
                if (value <= 0) {
                    continue;
                }
                int thickness = stacked ? BAR : BAR / parts.size();
                int barTop = top + b * (BAR + GAP) + (stacked ? 0 : i * thickness);
                svg.append(String.format(Locale.ROOT, "<rect class=\"point\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" "
                        + "height=\"%d\" fill=\"%s\"><title>%s</title></rect>", x.pixel(start), barTop,
                        x.pixel(start + value) - x.pixel(start), thickness, Palette.colour(i),
                        Html.escape(String.format(Locale.ROOT, "%s, %s: %.2f %s", bar.category(), parts.get(i), value,
                                unit))));
            }
            svg.append("</g>");
        }
        for (int b = 0; b < bars.size(); b++) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\">%s"
                    + "</text>", LEFT - 6, top + b * (BAR + GAP) + BAR / 2 + 4, Html.escape(bars.get(b).category())));
        }
        return svg.append("</svg>").toString();
    }

    /** Draws the legend in as many rows as it needs; returns the y below it. */
    private int legend(StringBuilder svg) {
        int x = LEFT;
        int y = 6;
        for (int i = 0; i < parts.size(); i++) {
            int width = 24 + parts.get(i).length() * 7;
            if (x + width > WIDTH - RIGHT && x > LEFT) {
                x = LEFT;
                y += LEGEND_ROW;
            }
            svg.append(String.format(Locale.ROOT, "<g class=\"legend\" font-size=\"11\"><rect x=\"%d\" y=\"%d\" "
                    + "width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text></g>", x, y,
                    Palette.colour(i), x + 13, y + 9, Html.escape(parts.get(i))));
            x += width;
        }
        return y + LEGEND_ROW;
    }
}
