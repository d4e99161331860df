package dev.txlab.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Progress written to a pipe or a file: plain lines on a timer, never a carriage return. */
class PlainProgressTest {

    @Test
    void writesAPlainLineEveryIntervalAndALastOneOnClose() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        try (PlainProgress progress = new PlainProgress(err, "orders", 40, Duration.ofMillis(50))) {
            progress.step();
            progress.stepTo(10);
            progress.message("saga-orch: warm-up");
            await().atMost(Duration.ofSeconds(10)).until(() -> text(bytes).lines().count() >= 2);
            progress.stepTo(40);
        }

        String text = text(bytes);
        assertThat(text).doesNotContain("\r")
                .contains("orders: 10/40 (25 %) after ")
                .contains(", saga-orch: warm-up");
        assertThat(text.lines().reduce((first, second) -> second)).hasValueSatisfying(last ->
                assertThat(last).startsWith("orders: 40/40 (100 %) after "));
    }

    @Test
    void withoutATerminalTheProgressIsPlainLines() {
        Progress progress = Progress.open(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                "orders", 10, false);
        try (progress) {
            assertThat(progress).as("the tests' standard error is not a terminal (%s unset)", Progress.TERMINAL_ENV)
                    .isInstanceOf(PlainProgress.class);
        }
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
