package dev.txlab.load;

import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Outcomes second by second, and their interval log read back by HdrHistogram's own reader. */
class OverTimeTest {

    @Test
    void theIntervalLogReadsBackWithTheSameCountsAsTheSeries() {
        OverTime overTime = new OverTime();
        for (int i = 1; i <= 250; i++) {
            overTime.record(Duration.ofMillis(i % 50).toNanos());
        }

        assertThat(overTime.series()).hasSize(1).first().satisfies(second -> {
            assertThat(second.completed()).isEqualTo(250);
            assertThat(second.p99Millis()).isBetween(48.0, 50.0);
        });
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        overTime.writeLog(new PrintStream(log, true, StandardCharsets.UTF_8));
        HistogramLogReader reader = new HistogramLogReader(new ByteArrayInputStream(log.toByteArray()));
        long read = 0;
        for (EncodableHistogram interval = reader.nextIntervalHistogram(); interval != null;
             interval = reader.nextIntervalHistogram()) {
            read += ((org.HdrHistogram.Histogram) interval).getTotalCount();
        }
        assertThat(read).isEqualTo(250);
    }

    @Test
    void noOutcomeGivesNoSeconds() {
        assertThat(new OverTime().series()).isEmpty();
    }
}
