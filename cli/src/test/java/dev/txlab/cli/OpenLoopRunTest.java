package dev.txlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A long open loop is flat when every minute after the first stays within 10 % of their mean, the
 * live heap judged by each minute's least reading.
 */
class OpenLoopRunTest {

    private static OpenLoopRun.Part minute(int number, double achieved, double heapMiB) {
        return new OpenLoopRun.Part(number, 300, achieved, 40, new OpenLoopRun.LiveHeap(heapMiB, heapMiB + 20, 4),
                OptionalDouble.of(0.5), OptionalDouble.of(100));
    }

    @Test
    void aMinuteSaysHowBusyTheMachineWasAndWhatTheDataDirectoryHolds(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("a.mv.db"), new byte[3 * 1024 * 1024]);
        Files.createDirectories(dir.resolve("journal"));
        Files.write(dir.resolve("journal/b.amq"), new byte[1024 * 1024]);
        int cores = Runtime.getRuntime().availableProcessors();

        OptionalDouble busy = OpenLoopRun.busyShare(OptionalLong.of(1_000), OptionalLong.of(1_000 + 30L * cores),
                60);
        OpenLoopRun.Part part = new OpenLoopRun.Part(3, 400, 399.5, 25, OpenLoopRun.LiveHeap.of(List.of(110.0, 105.4,
                121.7, 108.0)), busy, OpenLoopRun.sizeMiB(dir));

        assertThat(busy).hasValue(0.5);
        assertThat(OpenLoopRun.busyShare(OptionalLong.empty(), OptionalLong.of(5), 60)).isEmpty();
        assertThat(OpenLoopRun.describe(part)).isEqualTo("minute 3: 400.0 orders/s issued, 399.5 reached their "
                + "outcome per second, 25 in flight at its end, live heap 105.4 MiB (the least of 4 readings after a "
                + "full GC, 15 s apart; most 121.7), machine CPU "
                + "50 % busy (" + cores + " cores), data directory 4 MiB");
    }

    @Test
    void steadyMinutesAfterAColdFirstOneAreFlat() {
        List<OpenLoopRun.Part> parts = List.of(minute(1, 200, 60), minute(2, 300, 100), minute(3, 295, 104),
                minute(4, 305, 98));

        assertThat(OpenLoopRun.flatness(parts, false)).startsWith("flatness over minutes 2-4: throughput "
                + "295.0-305.0 orders/s (mean 300.0, largest deviation 1.7 %)").endsWith(": flat (limits: throughput "
                + "each minute, heap drift, 10 %)");
    }

    @Test
    void aMinuteWithOneHighReadingAmongLowOnesIsJudgedByItsLeast() {
        OpenLoopRun.Part backlogAtOneReading = new OpenLoopRun.Part(3, 300, 300, 178,
                OpenLoopRun.LiveHeap.of(List.of(100.0, 131.0, 101.0, 99.0)), OptionalDouble.of(0.5),
                OptionalDouble.of(100));
        List<OpenLoopRun.Part> parts = List.of(minute(1, 300, 60), minute(2, 300, 100), backlogAtOneReading,
                minute(4, 300, 101));

        assertThat(OpenLoopRun.flatness(parts, false)).contains("live heap 99.0-101.0 MiB").contains(": flat (");
    }

    @Test
    void aLiveHeapThatMovesWithinItsCachesButDoesNotRiseIsFlat() {
        double[] leastMiB = {108.4, 91.5, 99.9, 87.5, 103.4, 95.6, 93.3, 103.1, 97.5, 105.5};
        List<OpenLoopRun.Part> parts = new java.util.ArrayList<>();
        for (int i = 0; i < leastMiB.length; i++) {
            parts.add(minute(i + 1, 349, leastMiB[i]));
        }

        assertThat(OpenLoopRun.flatness(parts, false)).contains("live heap 87.5-105.5 MiB (mean 97.5, largest "
                + "deviation 10.2 %, drift +9.6 %)").contains(": flat (");
        assertThat(OpenLoopRun.drift(List.of(1.0, 3.0, 2.0, 4.0))).isCloseTo(2.4, within(1e-9));
    }

    @Test
    void aGrowingLiveHeapOrASaturatedLoopIsNotFlat() {
        List<OpenLoopRun.Part> growing = List.of(minute(1, 300, 60), minute(2, 300, 100), minute(3, 300, 115),
                minute(4, 300, 130));

        assertThat(OpenLoopRun.flatness(growing, false)).contains("live heap 100.0-130.0 MiB (mean 115.0, largest "
                + "deviation 13.0 %, drift +26.1 %)").contains("NOT flat (");
        assertThat(OpenLoopRun.flatness(List.of(minute(1, 300, 60), minute(2, 300, 100), minute(3, 300, 100)), true))
                .contains("NOT flat (");
        assertThat(OpenLoopRun.flatness(List.of(minute(1, 300, 60), minute(2, 300, 100)), false))
                .startsWith("flatness: not judged");
    }

    @Test
    void aDurationHasAUnit() {
        assertThat(Flags.duration("--duration", "10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(Flags.duration("--duration", "1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Flags.duration("--duration", "250ms")).isEqualTo(Duration.ofMillis(250));
        assertThatThrownBy(() -> Flags.duration("--duration", "10")).hasMessage("--duration must be a number with a "
                + "unit (ms, s, m or h), such as 90s or 10m; was '10'");
    }
}
