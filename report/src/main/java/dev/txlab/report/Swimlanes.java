package dev.txlab.report;

import dev.txlab.report.ImplementationResult.Timeline;

import java.util.List;
import java.util.Locale;

/** An SVG timeline of one order: a lane per service, a bar per step (class {@code point}), time in ms. */
final class Swimlanes {
    private static final int WIDTH = 760;
    private static final int LEFT = 90;
    private static final int RIGHT = 20;
    private static final int TOP = 10;
    private static final int LANE = 30;

    private Swimlanes() {
    }

    static String render(Timeline timeline, String title) {
        List<String> lanes = timeline.steps().stream().map(Timeline.Step::service).distinct().toList();
        int height = TOP + lanes.size() * LANE + 40;
        double endMillis = timeline.steps().stream().mapToLong(Timeline.Step::endMicros).max().orElse(1) / 1000.0;
        Axis x = Axis.linear(0, endMillis, LEFT, WIDTH - RIGHT);
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
                    TOP + i * LANE + LANE / 2 + 4, Html.escape(lanes.get(i))));
        }
        svg.append("</g><g class=\"series\" data-series=\"steps\">");
        for (Timeline.Step step : timeline.steps()) {
            int lane = lanes.indexOf(step.service());
            double start = x.pixel(step.startMicros() / 1000.0);
            double width = Math.max(2, x.pixel(step.endMicros() / 1000.0) - start);
            svg.append(String.format(Locale.ROOT, "<rect class=\"point\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" "
                    + "height=\"%d\" rx=\"3\" fill=\"%s\"><title>%s</title></rect>", start, TOP + lane * LANE + 4,
                    width, LANE - 8, Palette.colour(lane), Html.escape(String.format(Locale.ROOT,
                            "%s %s: %.3f to %.3f ms", step.service(), step.step(), step.startMicros() / 1000.0,
                            step.endMicros() / 1000.0))));
        }
        return svg.append("</g></svg>").toString();
    }
}
