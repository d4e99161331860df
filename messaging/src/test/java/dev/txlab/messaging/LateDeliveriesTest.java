package dev.txlab.messaging;

import dev.txlab.harness.fault.FaultPlan;
import dev.txlab.messaging.spi.TransportInterceptor.Delivery;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each saga's first message of the type is held back once; the copy sent again overtakes it. */
class LateDeliveriesTest {
    private static final Duration HOLD_BACK = Duration.ofSeconds(15);
    private final LateDeliveries late = new LateDeliveries(new FaultPlan.LateDelivery("ReserveStock", HOLD_BACK));

    @Test
    void holdsBackTheFirstCommandOfASagaAndLetsTheCopySentAgainThrough() {
        Message first = command("ReserveStock", "o1");
        Message sentAgain = command("ReserveStock", "o1");

        assertThatThrownBy(() -> late.delivering("depot.commands", "depot", first))
                .isInstanceOfSatisfying(DeferredDeliveryException.class,
                        deferred -> assertThat(deferred.delay()).isEqualTo(HOLD_BACK));
        assertThat(late.awaited()).isEqualTo(1);
        assertThat(late.delivering("depot.commands", "depot", sentAgain)).isEqualTo(Delivery.HANDLE);
        assertThat(late.awaited()).isEqualTo(1);

        assertThat(late.delivering("depot.commands", "depot", first)).isEqualTo(Delivery.HANDLE);
        assertThat(late.awaited()).isZero();
        assertThat(late.heldBack()).isEqualTo(1);
    }

    @Test
    void leavesOtherTypesAndLaterDeliveriesAlone() {
        assertThat(late.delivering("payments.commands", "payments", command("ConfirmPayment", "o1")))
                .isEqualTo(Delivery.HANDLE);
        assertThatThrownBy(() -> late.delivering("depot.commands", "depot", command("ReserveStock", "o2")))
                .isInstanceOf(DeferredDeliveryException.class);
        assertThatThrownBy(() -> late.delivering("depot.commands", "depot", command("ReserveStock", "o3")))
                .isInstanceOf(DeferredDeliveryException.class);
        assertThat(late.heldBack()).isEqualTo(2);
        assertThat(late.awaited()).isEqualTo(2);
    }

    @Test
    void refusesALateDeliveryWithoutATypeOrHoldBack() {
        assertThatThrownBy(() -> new FaultPlan.LateDelivery(" ", HOLD_BACK))
                .hasMessageContaining("needs a message type and a positive hold-back");
        assertThatThrownBy(() -> new FaultPlan.LateDelivery("ReserveStock", Duration.ZERO))
                .hasMessageContaining("needs a message type and a positive hold-back");
    }

    private static Message command(String type, String sagaId) {
        return Message.create(type, sagaId, null, Instant.now(), "{}");
    }
}
