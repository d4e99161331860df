package dev.txlab.messaging.nats;

import dev.txlab.harness.placement.TransportSettings;
import dev.txlab.harness.store.Durability;
import dev.txlab.messaging.Backlog;
import dev.txlab.messaging.TransportContract;
import dev.txlab.messaging.spi.Transport;
import dev.txlab.testkit.Servers;
import org.junit.jupiter.api.BeforeAll;

import java.time.Clock;

/** The transport contract on NATS JetStream at 127.0.0.1:4222 (required in CI). */
class NatsTransportTest extends TransportContract {
    private static final String PREFIX = "t_transport";

    @BeforeAll
    static void serverIsUp() {
        Servers.assumeReachable("NATS", "127.0.0.1", 4222);
    }

    @Override
    protected Transport freshTransport() {
        return new NatsTransport(TransportSettings.DEFAULT_NATS_URL, PREFIX, Durability.PROCESS, Clock.systemUTC(), true);
    }

    @Override
    protected Transport restarted() {
        return new NatsTransport(TransportSettings.DEFAULT_NATS_URL, PREFIX, Durability.PROCESS, Clock.systemUTC(), false);
    }

    @Override
    protected Backlog backlog() {
        return NatsBacklog.inspect(TransportSettings.DEFAULT_NATS_URL, PREFIX);
    }

    @Override
    protected void publishRaw(Transport transport, String destination, byte[] body) {
        ((NatsTransport) transport).publishBytes(destination, body);
    }
}
