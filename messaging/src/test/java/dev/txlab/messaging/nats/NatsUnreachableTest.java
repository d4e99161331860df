package dev.txlab.messaging.nats;

import dev.txlab.harness.store.Durability;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NatsUnreachableTest {
    @Test
    void anUnreachableBrokerIsOneClearErrorAtStart() {
        assertThatThrownBy(() -> new NatsTransport("nats://127.0.0.1:1", "t_unreachable", Durability.PROCESS,
                Clock.systemUTC(), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot reach NATS at nats://127.0.0.1:1")
                .hasMessageContaining("--transport-url");
    }
}
