package dev.txlab.messaging.artemis;

import dev.txlab.domain.store.Durability;
import dev.txlab.messaging.TransportContract;
import dev.txlab.messaging.spi.Transport;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;

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
    protected void publishRaw(Transport transport, String destination, byte[] body) {
        ((ArtemisTransport) transport).publishRaw(destination, body);
    }
}
