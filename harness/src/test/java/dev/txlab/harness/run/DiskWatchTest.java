package dev.txlab.harness.run;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The disk checks' arithmetic, over a file system whose numbers the test chooses. */
class DiskWatchTest {
    private static final long MB = 1024 * 1024;
    private static final Path DIR = Path.of("/data/txlab");

    @Test
    void aRunNeedsItsReserveAndForTheEmbeddedBrokerItsJournalBeforeTheFirstOrder() {
        DiskSpace twentyMegabytes = () -> new DiskSpace.Usage(20 * MB, 10_000 * MB);

        assertThatCode(() -> DiskWatch.checkBeforeRun(DIR, twentyMegabytes, false)).doesNotThrowAnyException();
        assertThatThrownBy(() -> DiskWatch.checkBeforeRun(DIR, twentyMegabytes, true))
                .isInstanceOf(PreflightFailedException.class)
                .hasMessage("the data directory /data/txlab has 20 MB free, but a run needs 48 MB before its first "
                        + "order (the embedded broker's journal and a reserve); free some space or choose another "
                        + "--data-dir");
    }

    @Test
    void theEmbeddedBrokerWouldBlockAboveNinetyPercentOfItsFileSystem() {
        DiskSpace nearlyFull = () -> new DiskSpace.Usage(900 * MB, 10_000 * MB);

        assertThatCode(() -> DiskWatch.checkBeforeRun(DIR, nearlyFull, false)).doesNotThrowAnyException();
        assertThatThrownBy(() -> DiskWatch.checkBeforeRun(DIR, nearlyFull, true))
                .hasMessageContaining("above the 90 % at which the embedded Artemis blocks every producer");
    }

    @Test
    void duringTheRunTheWatchSaysOnceInOneLineWhenTheReserveIsGone() throws Exception {
        CompletableFuture<String> full = new CompletableFuture<>();
        try (DiskWatch watch = DiskWatch.start(DIR, () -> new DiskSpace.Usage(15 * MB, 10_000 * MB), false,
                full::complete)) {
            assertThat(full.get(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(
                    "disk full at /data/txlab: its file system has 15 MB free, less than the 16 MB a run keeps in "
                            + "reserve");
        }
    }
}
