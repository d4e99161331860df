package dev.txlab.messaging.artemis;

import dev.txlab.harness.store.Durability;
import dev.txlab.messaging.Backlog;
import dev.txlab.messaging.TransportContract;
import dev.txlab.messaging.spi.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** The transport contract on the embedded Artemis broker, with a persistent journal. */
class ArtemisTransportTest extends TransportContract {
    @TempDir
    Path dir;

    @Override
    protected Transport freshTransport() {
        return new ArtemisTransport(dir, Durability.PROCESS, Clock.systemUTC());
    }

    @Override
    protected Transport restarted() {
        return freshTransport();
    }

    @Override
    protected Backlog backlog() {
        return ArtemisBacklog.inspect(dir, Durability.PROCESS);
    }

    /** The contract's broker runs on the journal while this test inspects it. */
    @Test
    void aJournalInUseIsNotInspectedAndSaysWhy() {
        assertThat(ArtemisBacklog.inspect(dir, Durability.PROCESS).notInspected()).hasValueSatisfying(why ->
                assertThat(why).startsWith("the embedded Artemis was not inspected: this process runs a broker"));
    }

    @Override
    protected void publishRaw(Transport transport, String destination, byte[] body) {
        ((ArtemisTransport) transport).publishRaw(destination, body);
    }
}
