package dev.txlab.harness.placement;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which broker the sagas' messages go through: the embedded Artemis (default, journal under the
 * run's directory) or NATS JetStream at a URL. Ignored by implementations without messaging.
 *
 * @param kind     the broker
 * @param url      where NATS listens; empty for the embedded Artemis
 * @param batching how the services' consumers take their deliveries
 */
public record TransportSettings(Kind kind, Optional<String> url, Batching batching) {
    public static final String DEFAULT_NATS_URL = "nats://127.0.0.1:4222";

    /** The brokers txlab can use. */
    public enum Kind {
        ARTEMIS,
        NATS;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind parse(String text) {
            for (Kind kind : values()) {
                if (kind.id().equalsIgnoreCase(text.trim())) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown transport '" + text + "'; expected one of "
                    + Arrays.stream(values()).map(Kind::id).collect(Collectors.joining(", ")));
        }
    }

    public TransportSettings {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(batching, "batching");
        if (kind == Kind.ARTEMIS && url.isPresent()) {
            throw new IllegalArgumentException("the artemis transport is embedded and takes no URL (was '"
                    + url.get() + "'); a URL goes with --transport nats");
        }
        if (kind == Kind.NATS && !url.orElseThrow().matches("nats://[^\\s/]+(:\\d+)?")) {
            throw new IllegalArgumentException("a NATS URL looks like " + DEFAULT_NATS_URL + ", was '"
                    + url.orElseThrow() + "'");
        }
    }

    /** The embedded Artemis broker. */
    public static TransportSettings ofDefaults() {
        return new TransportSettings(Kind.ARTEMIS, Optional.empty(), Batching.DEFAULT);
    }

    /** NATS JetStream at the given URL. */
    public static TransportSettings nats(String url) {
        return new TransportSettings(Kind.NATS, Optional.of(url), Batching.DEFAULT);
    }

    /** From the CLI's two flags: a kind, and a URL (null for the kind's default); default batching. */
    public static TransportSettings of(String kind, String url) {
        Kind parsed = Kind.parse(kind);
        return parsed == Kind.NATS ? nats(url == null ? DEFAULT_NATS_URL : url)
                : new TransportSettings(parsed, Optional.ofNullable(url), Batching.DEFAULT);
    }

    /** The same broker, its consumers taking deliveries as {@code value} says. */
    public TransportSettings withBatching(Batching value) {
        return new TransportSettings(kind, url, value);
    }

    /** The broker, e.g. "embedded Artemis" (the batching is described on its own). */
    public String describe() {
        return kind == Kind.ARTEMIS ? "embedded Artemis" : "NATS JetStream at " + url.orElseThrow();
    }
}
