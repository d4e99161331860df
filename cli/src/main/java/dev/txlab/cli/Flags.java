package dev.txlab.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks of flag values that name the flag, so a bad value says which flag and what it accepts (exit 2). */
final class Flags {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    private Flags() {
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** A duration such as 500ms, 90s, 10m or 1.5h, given to {@code flag}. */
    static Duration duration(String flag, String text) {
        Matcher matcher = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        require(matcher.matches(), flag + " must be a number with a unit (ms, s, m or h), such as 90s or 10m; was '"
                + text + "'");
        double amount = Double.parseDouble(matcher.group(1));
        double millis = amount * switch (matcher.group(2)) {
            case "ms" -> 1;
            case "s" -> 1_000;
            case "m" -> 60_000;
            default -> 3_600_000;
        };
        return Duration.ofMillis(Math.round(millis));
    }
}
