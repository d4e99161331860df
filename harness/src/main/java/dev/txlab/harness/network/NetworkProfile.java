package dev.txlab.harness.network;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulated network between the services and their databases and broker: a one-way delay,
 * added in Java at the decorator points (this kernel has no netem). Profiles: {@code none},
 * {@code lan} (250 us one way), {@code wan} (10 ms one way), or an explicit value such as
 * {@code 500us}, {@code 2ms}, {@code 1.5ms}.
 */
public record NetworkProfile(String name, Duration oneWay) {
    public static final NetworkProfile NONE = new NetworkProfile("none", Duration.ZERO);
    public static final NetworkProfile LAN = new NetworkProfile("lan", Duration.ofNanos(250_000));
    public static final NetworkProfile WAN = new NetworkProfile("wan", Duration.ofMillis(10));
    private static final Pattern EXPLICIT = Pattern.compile("(\\d+(?:\\.\\d+)?)(us|ms)");

    public NetworkProfile {
        Objects.requireNonNull(name, "name");
        if (oneWay.isNegative()) {
            throw new IllegalArgumentException("a network delay cannot be negative, was " + oneWay);
        }
    }

    public static NetworkProfile parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        switch (value) {
            case "none":
                return NONE;
            case "lan":
                return LAN;
            case "wan":
                return WAN;
            default:
                break;
        }
        Matcher explicit = EXPLICIT.matcher(value);
        if (!explicit.matches()) {
            throw new IllegalArgumentException("unknown network '" + text + "'; expected none, lan (250us one way), "
                    + "wan (10ms one way) or a one-way delay such as 500us or 2ms");
        }
        double amount = Double.parseDouble(explicit.group(1));
        long nanos = Math.round(amount * (explicit.group(2).equals("us") ? 1_000 : 1_000_000));
        return new NetworkProfile(value, Duration.ofNanos(nanos));
    }

    public boolean isNone() {
        return oneWay.isZero();
    }

    /** E.g. "lan (250 us one way)". */
    public String describe() {
        return name + " (" + oneWay.toNanos() / 1000 + " us one way)";
    }
}
