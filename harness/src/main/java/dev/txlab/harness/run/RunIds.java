package dev.txlab.harness.run;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Run ids: the start time in UTC to the second, then random hex, e.g. {@code 20261204T183011Z-3f9a2c}. */
final class RunIds {
    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int RANDOM_BYTES = 3;

    private RunIds() {
    }

    static String next(Clock clock) {
        byte[] random = new byte[RANDOM_BYTES];
        ThreadLocalRandom.current().nextBytes(random);
        return STARTED.format(clock.instant()) + "-" + HexFormat.of().formatHex(random);
    }
}
