package dev.txlab.cli;

/** Checks of flag values that name the flag, so a bad value says which flag and what it accepts (exit 2). */
final class Flags {
    private Flags() {
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
