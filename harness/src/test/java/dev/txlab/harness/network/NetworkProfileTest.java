package dev.txlab.harness.network;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Network profiles by name or explicit value, and a delay that is waited in full. */
class NetworkProfileTest {

    @Test
    void parsesTheNamedProfilesAndExplicitDelays() {
        assertThat(NetworkProfile.parse("none").isNone()).isTrue();
        assertThat(NetworkProfile.parse("LAN").oneWay()).isEqualTo(Duration.ofNanos(250_000));
        assertThat(NetworkProfile.parse("wan").oneWay()).isEqualTo(Duration.ofMillis(10));
        assertThat(NetworkProfile.parse("500us").oneWay()).isEqualTo(Duration.ofNanos(500_000));
        assertThat(NetworkProfile.parse("1.5ms").oneWay()).isEqualTo(Duration.ofNanos(1_500_000));
    }

    @Test
    void rejectsAnUnknownProfileSayingWhatIsAccepted() {
        assertThatThrownBy(() -> NetworkProfile.parse("fast"))
                .hasMessage("unknown network 'fast'; expected none, lan (250us one way), wan (10ms one way) "
                        + "or a one-way delay such as 500us or 2ms");
        assertThatThrownBy(() -> NetworkProfile.parse("-2ms")).hasMessageContaining("unknown network '-2ms'");
    }
}
