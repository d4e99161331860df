package dev.txlab.testkit;

import dev.txlab.harness.child.ChildJvm;
import dev.txlab.harness.run.PrefixInUseException;
import dev.txlab.harness.run.PrefixLock;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One process at a time on a prefix, on this machine (a lock file) and on a shared server (a session lock). */
class PrefixLockTest {
    private Process holder;

    @AfterEach
    void killTheHolder() throws InterruptedException {
        if (holder != null) {
            holder.destroyForcibly().waitFor();
        }
    }

    @Test
    void aSecondProcessOnThePrefixStopsNamingTheHolderAndAKilledHolderBlocksNobody() throws Exception {
        StoreConfig config = TestStores.of(StoreKind.H2_FILE, "t_lock_file").build();
        holder = holding(StoreKind.H2_FILE, config.dataDir(), config.prefix());

        assertThatThrownBy(() -> PrefixLock.acquire(config, "run")).isInstanceOf(PrefixInUseException.class)
                .hasMessageStartingWith("prefix 't_lock_file' is in use by txlab run on host ")
                .hasMessageContaining("pid " + holder.pid() + ", started ");

        holder.destroyForcibly().waitFor();
        assertThatCode(() -> PrefixLock.acquire(config, "run").close()).doesNotThrowAnyException();
    }

    @Test
    void anotherDataFolderOnTheSameServerIsStoppedByTheServersLock() throws Exception {
        Servers.assumeAvailable(StoreKind.POSTGRES);
        StoreConfig config = TestStores.of(StoreKind.POSTGRES, "t_lock_server").build();
        holder = holding(StoreKind.POSTGRES, config.dataDir().resolve("machine-a"), config.prefix());
        StoreConfig elsewhere = TestStores.of(StoreKind.POSTGRES, "t_lock_server")
                .dataDir(config.dataDir().resolve("machine-b")).build();

        assertThatThrownBy(() -> PrefixLock.acquire(elsewhere, "audit")).isInstanceOf(PrefixInUseException.class)
                .hasMessageStartingWith("prefix 't_lock_server' is in use on postgres at jdbc:postgresql://")
                .hasMessageContaining("'txlab run on host ")
                .hasMessageContaining("pid " + holder.pid());

        holder.destroyForcibly().waitFor();
        assertThatCode(() -> PrefixLock.acquire(elsewhere, "audit").close()).doesNotThrowAnyException();
    }

    @Test
    void withinOneProcessTheLockIsTakenAgainByItsOwnWork() {
        StoreConfig config = TestStores.of(StoreKind.H2_FILE, "t_lock_reentrant").build();
        try (PrefixLock run = PrefixLock.acquire(config, "run");
             PrefixLock audit = PrefixLock.acquire(config, "audit")) {
            assertThat(audit).isNotNull();
        }
        assertThatCode(() -> PrefixLock.acquire(config, "run").close()).doesNotThrowAnyException();
    }

    private static Process holding(StoreKind kind, Path dataDir, String prefix) throws IOException {
        Process process = new ProcessBuilder(ChildJvm.command(PrefixLockHolder.class,
                new PrefixLockHolder.Request(kind, dataDir.toString(), prefix)))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("the holder took the lock").isEqualTo(PrefixLockHolder.LOCKED);
        return process;
    }
}
