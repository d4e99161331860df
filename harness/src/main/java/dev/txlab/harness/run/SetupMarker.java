package dev.txlab.harness.run;

import dev.txlab.harness.store.StoreConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A file a run writes before it resets anything and removes once its run record exists: a run
 * killed in between leaves it, so {@code recover} and {@code audit} can say plainly that a setup was
 * killed before any order (nothing acknowledged, nothing to recover) instead of "no run found".
 */
final class SetupMarker {
    private SetupMarker() {
    }

    static Path path(StoreConfig config) {
        return config.runDir().resolve("setup-" + Ledgers.ordersKey(config) + ".txt");
    }

    static void write(StoreConfig config, String what) {
        try {
            Files.createDirectories(config.runDir());
            Files.writeString(path(config), what + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path(config) + ": " + e.getMessage(), e);
        }
    }

    static void remove(StoreConfig config) {
        try {
            Files.deleteIfExists(path(config));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + path(config) + ": " + e.getMessage(), e);
        }
    }

    /** What the marker says, when a setup was started and never reached its run record. */
    static Optional<String> left(StoreConfig config) {
        Path path = path(config);
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(path, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            return Optional.of("a setup (its marker " + path + " cannot be read: " + e.getMessage() + ")");
        }
    }
}
