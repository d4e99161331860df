package dev.txlab.report;

import dev.txlab.report.ImplementationResult.Timeline;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What the hand-written SVG charts give that a charting library would: markers, headroom, labels that never collide. */
class ChartsTest {
    private static final Pattern Y_OF_POINTS = Pattern.compile("class=\"point\" cx=\"[0-9.]+\" cy=\"([0-9.]+)\"");

    @Test
    void seriesOfOneColourKeepApartByMarkerAndTheTopPointHasHeadroom() {
        LineChart chart = new LineChart("offered load, orders/s", "outcome latency, ms")
                .add("a p50", List.of(new LineChart.Point(100, 50, 0, "")), false, 0, LineChart.Marker.RING)
                .add("a p99", List.of(new LineChart.Point(100, 100, 0, "")), true, 0, LineChart.Marker.TRIANGLE);

        String svg = chart.render("t");

        assertThat(svg).contains("fill=\"white\"").contains("<path class=\"point\"");
        Matcher y = Y_OF_POINTS.matcher(svg);
        assertThat(y.find()).isTrue();
        assertThat(Double.parseDouble(y.group(1))).as("the ring's y, below the top edge (20 px)").isGreaterThan(20);
        assertThat(svg).as("the y axis reaches above 100: the top point is not on the edge").contains(">120</text>");
    }

    @Test
    void xLabelsThatWouldOverlapAreLeftOut() {
        LineChart chart = new LineChart("x", "y ms").xTicks(List.of(new LineChart.Tick(0, "0%"),
                new LineChart.Tick(0.01, "0.001%"), new LineChart.Tick(1, "90%"))).add("s", List.of(
                new LineChart.Point(0.5, 1, 0, "")));

        String svg = chart.render("t");

        assertThat(svg).contains(">0%</text>").contains(">90%</text>").doesNotContain(">0.001%</text>");
    }

    @Test
    void timelinesShareOneScaleAndNameEveryStep() {
        Timeline quick = new Timeline("o1", List.of(new Timeline.Step("orders", "create order", 0, 1_000)), "p");
        Timeline slow = new Timeline("o2", List.of(new Timeline.Step("orders", "create order", 0, 1_000),
                new Timeline.Step("depot", "reserve stock", 1_000, 25_000)), "p");
        double scale = Swimlanes.sharedEndMillis(List.of(quick, slow));

        String quickSvg = Swimlanes.render(quick, "quick", scale);
        String slowSvg = Swimlanes.render(slow, "slow", scale);

        assertThat(scale).isEqualTo(25.0);
        assertThat(quickSvg).as("the quick order on the slow one's scale").contains(">25</text>")
                .contains(">create order</text>");
        assertThat(slowSvg).contains(">25</text>").contains(">reserve stock</text>");
    }
}
