package dev.txlab.report;

import dev.txlab.report.ImplementationResult.Timeline;

import java.util.List;
import java.util.Locale;

/**
 * An SVG timeline of one order: a lane per service, a bar per step (class {@code point}) with its
 * name under it (on the lower of two rows when the upper one is taken), time in ms on a scale the
 * caller gives, so that several orders' timelines share one.
 */
final class Swimlanes {
    private static final int WIDTH = 760;
    private static final int LEFT = 90;
    private static final int RIGHT = 20;
    private static final int TOP = 10;
    private static final int LANE = 50;
    private static final int BAR = 16;
    /** About the width of a character of a 10 px step label. */
    private static final double LABEL_CHAR_WIDTH = 5.6;

    private Swimlanes() {
    }

    /** The end of the longest timeline, in ms: the scale that fits them all. */
    static double sharedEndMillis(List<Timeline> timelines) {
        return timelines.stream().mapToDouble(Swimlanes::endMillis).max().orElse(1);
    }

    static String render(Timeline timeline, String title, double scaleEndMillis) {
        List<String> lanes = timeline.steps().stream().map(Timeline.Step::service).distinct().toList();
        int height = TOP + lanes.size() * LANE + 40;
        Axis x = Axis.linear(0, Math.max(scaleEndMillis, endMillis(timeline)), LEFT, WIDTH - RIGHT);
        StringBuilder svg = new StringBuilder(Html.svgOpen(WIDTH, height, title))
                .append("<g font-size=\"11\" fill=\"#333\">");
        for (double tick : x.ticks()) {
            double px = x.pixel(tick);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", px, TOP, px, height - 35, px,
                    height - 22, Axis.label(tick)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">ms since the first "
                + "step began</text>", (LEFT + WIDTH - RIGHT) / 2, height - 6));
        for (int i = 0; i < lanes.size(); i++) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", LEFT - 6,
                    TOP + i * LANE + BAR / 2 + 8, Html.escape(lanes.get(i))));
        }
        svg.append("</g><g class=\"series\" data-series=\"steps\">");
        double[][] labelledUpTo = new double[lanes.size()][];
        for (int i = 0; i < lanes.size(); i++) {
            labelledUpTo[i] = new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        }
        StringBuilder labels = new StringBuilder("<g class=\"step-labels\" font-size=\"10\" fill=\"#333\">");
        for (Timeline.Step step : timeline.steps()) {
            int lane = lanes.indexOf(step.service());
            int laneTop = TOP + lane * LANE + 4;
            double start = x.pixel(step.startMicros() / 1000.0);
            double width = Math.max(2, x.pixel(step.endMicros() / 1000.0) - start);
            svg.append(String.format(Locale.ROOT, "<rect class=\"point\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" "
                    + "height=\"%d\" rx=\"3\" fill=\"%s\"><title>%s</title></rect>", start, laneTop, width, BAR,
                    Palette.colour(lane), Html.escape(String.format(Locale.ROOT, "%s %s: %.3f to %.3f ms",
                            step.service(), step.step(), step.startMicros() / 1000.0, step.endMicros() / 1000.0))));
            double labelWidth = step.step().length() * LABEL_CHAR_WIDTH;
            double labelX = Math.min(start, WIDTH - RIGHT - labelWidth);
            int row = labelX > labelledUpTo[lane][0] + 3 || labelledUpTo[lane][0] <= labelledUpTo[lane][1] ? 0 : 1;
            labelledUpTo[lane][row] = labelX + labelWidth;
            labels.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>", labelX,
                    laneTop + BAR + 11 + row * 12, Html.escape(step.step())));
        }
        return svg.append("</g>").append(labels).append("</g></svg>").toString();
    }

    private static double endMillis(Timeline timeline) {
        return timeline.steps().stream().mapToLong(Timeline.Step::endMicros).max().orElse(1) / 1000.0;
    }
}
