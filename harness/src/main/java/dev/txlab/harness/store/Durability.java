package dev.txlab.harness.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The durability profile applied to every component of a run alike (docs/design.md): {@code none} keeps
 * everything in memory, {@code process} survives a killed process (files without fsync),
 * {@code power} survives a power cut (fsync on commit everywhere; needs server databases).
 */
public enum Durability {
    NONE,
    PROCESS,
    POWER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Durability parse(String text) {
        for (Durability durability : values()) {
            if (durability.id().equalsIgnoreCase(text.trim())) {
                return durability;
            }
        }
        throw new IllegalArgumentException("unknown durability '" + text + "'; expected one of "
                + Arrays.stream(values()).map(Durability::id).collect(Collectors.joining(", ")));
    }
}
