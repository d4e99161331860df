package dev.txlab.testkit;

import dev.txlab.harness.run.PrefixLock;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A child process that takes a prefix's lock, says so on standard output, and holds it until its
 * standard input closes or it is killed. Arguments: store kind, data folder, prefix.
 */
public final class PrefixLockHolder {
    static final String LOCKED = "locked";

    private PrefixLockHolder() {
    }

    public static void main(String[] args) throws IOException {
        StoreConfig config = StoreConfig.builder().allServices(StoreKind.parse(args[0])).dataDir(Path.of(args[1]))
                .prefix(args[2]).build();
        try (PrefixLock lock = PrefixLock.acquire(config, "run")) {
            System.out.println(LOCKED);
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock until the parent closes our input or kills us
            }
        }
    }
}
