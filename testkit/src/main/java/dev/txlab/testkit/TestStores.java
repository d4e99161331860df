package dev.txlab.testkit;

import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;

import java.nio.file.Path;
import java.util.Locale;

/** Store configurations for tests: a prefix of the test's own and a data folder under target/. */
public final class TestStores {
    private TestStores() {
    }

    /** A test's own data folder: {@code $TXLAB_TEST_TMP} (set by the build) or target/test-data. */
    public static Path dataDir() {
        String fromBuild = System.getenv("TXLAB_TEST_TMP");
        return Path.of(fromBuild != null ? fromBuild : "target/test-data").toAbsolutePath();
    }

    /** A configuration of one kind for all services, with the given prefix (one per test class). */
    public static StoreConfig.Builder of(StoreKind kind, String prefix) {
        return StoreConfig.builder()
                .allServices(kind)
                .prefix(prefix.toLowerCase(Locale.ROOT))
                .dataDir(dataDir())
                .poolSize(12);
    }
}
