package dev.txlab.testkit;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.domain.store.StoreConfig;
import dev.txlab.domain.store.StoreKind;
import dev.txlab.domain.store.StoreUnavailableException;
import dev.txlab.domain.store.internal.DatabaseAdmin;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Whether the database servers a test needs are up. Locally a missing server skips the test,
 * saying why; with {@code TXLAB_REQUIRE_SERVICES=1} (CI) it fails it.
 */
public final class Servers {
    public static final String REQUIRE_ENV = "TXLAB_REQUIRE_SERVICES";

    private Servers() {
    }

    public static boolean required() {
        return "1".equals(System.getenv(REQUIRE_ENV));
    }

    /** Skips (locally) or fails (in CI) the calling test when nothing listens at host:port. */
    public static void assumeReachable(String server, String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2_000);
        } catch (IOException e) {
            unavailable(server + " at " + host + ":" + port + " not reachable: " + e.getMessage());
        }
    }

    /** Skips (locally) or fails (in CI) the calling test when a program it drives is not installed. */
    public static void assumeInstalled(String program, java.nio.file.Path executable, String installedBy) {
        if (!java.nio.file.Files.isExecutable(executable)) {
            unavailable(program + " not installed at " + executable + " (" + installedBy + ")");
        }
    }

    private static void unavailable(String message) {
        if (required()) {
            Assertions.fail(message + " (" + REQUIRE_ENV + "=1, so this is a failure)");
        }
        Assumptions.abort(message + " (set " + REQUIRE_ENV + "=1 to make this a failure)");
    }

    /** Skips (locally) or fails (in CI) the calling test when the server of {@code kind} is unreachable. */
    public static void assumeAvailable(StoreKind kind) {
        if (!kind.isServer()) {
            return;
        }
        StoreConfig config = StoreConfig.builder().allServices(kind).build();
        try {
            Connection connection = new DatabaseAdmin(config).connectToServer(config.location(ServiceName.ORDERS));
            connection.close();
        } catch (StoreUnavailableException | SQLException e) {
            unavailable(kind.id() + " server not available: " + e.getMessage());
        }
    }
}
