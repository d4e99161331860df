package dev.txlab.testkit;

import dev.txlab.harness.child.ChildJvm;
import dev.txlab.harness.run.PrefixLock;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A child process that takes a prefix's lock, says so on standard output, and holds it until its
 * standard input closes or it is killed. Its one argument is a {@link Request}, as JSON.
 */
public final class PrefixLockHolder {
    static final String LOCKED = "locked";

    private PrefixLockHolder() {
    }

    /** Which prefix to lock: the store kind, the data folder, the prefix. */
    public record Request(StoreKind store, String dataDir, String prefix) {
    }

    public static void main(String[] args) throws IOException {
        Request request = ChildJvm.request(args, Request.class);
        StoreConfig config = StoreConfig.builder().allServices(request.store()).dataDir(Path.of(request.dataDir()))
                .prefix(request.prefix()).build();
        try (PrefixLock lock = PrefixLock.acquire(config, "run")) {
            System.out.println(LOCKED);
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock until the parent closes our input or kills us
            }
        }
    }
}
