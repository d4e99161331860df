package dev.txlab.saga.orch;

import dev.txlab.domain.model.RejectionReason;
import dev.txlab.domain.service.ServiceName;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A saga unit-test DSL, without a broker: given a definition, start it, expect a command to a
 * participant, answer it with a success or a refusal, expect the compensations, expect the end.
 *
 * <pre>{@code
 * SagaUnitTest.given(CreateOrderSaga.DEFINITION).start()
 *     .expectCommand(CUSTOMERS, AUTHORIZE_CUSTOMER).succeed()
 *     .expectCommand(DEPOT, RESERVE_STOCK).refuse(OUT_OF_STOCK)
 *     .expectCommand(ORDERS, REJECT_ORDER).succeed()
 *     .expectCompensated(OUT_OF_STOCK);
 * }</pre>
 */
final class SagaUnitTest {
    private final SagaDefinition saga;
    private final SagaEngine engine = new SagaEngine();
    private SagaEngine.Decision last;

    private SagaUnitTest(SagaDefinition saga) {
        this.saga = saga;
    }

    static SagaUnitTest given(SagaDefinition saga) {
        return new SagaUnitTest(saga);
    }

    SagaUnitTest start() {
        last = engine.start(saga);
        return this;
    }

    SagaUnitTest expectCommand(ServiceName participant, String type) {
        assertThat(last.command()).as("command at " + last.position()).contains(new Command(participant, type));
        return this;
    }

    /** The outstanding command succeeded. */
    SagaUnitTest succeed() {
        return reply(Reply.success(last.position().step(), last.position().compensating()));
    }

    /** The outstanding action was refused. */
    SagaUnitTest refuse(RejectionReason reason) {
        return reply(Reply.refused(last.position().step(), reason));
    }

    /** The outstanding compensation failed (it must be sent again, never skipped). */
    SagaUnitTest failCompensation() {
        assertThat(last.position().compensating()).as("compensating at " + last.position()).isTrue();
        return reply(new Reply(last.position().step(), true, false, null));
    }

    /** A reply that answers nothing outstanding (late, duplicated): it must change nothing. */
    SagaUnitTest expectIgnored(Reply reply) {
        assertThat(engine.onReply(saga, last.position(), reply)).as("decision for " + reply).isEmpty();
        return this;
    }

    /** The reply the outstanding command would get, to replay later as a duplicate. */
    Reply successOfOutstanding() {
        return Reply.success(last.position().step(), last.position().compensating());
    }

    SagaUnitTest expectSucceeded() {
        assertThat(last.position().status()).isEqualTo(SagaPosition.Status.SUCCEEDED);
        assertThat(last.command()).isEmpty();
        return this;
    }

    SagaUnitTest expectCompensated(RejectionReason reason) {
        assertThat(last.position().status()).isEqualTo(SagaPosition.Status.COMPENSATED);
        assertThat(last.position().reason()).isEqualTo(reason);
        assertThat(last.command()).isEmpty();
        return this;
    }

    /** The command recovery would send again at the current position. */
    SagaUnitTest expectResent(ServiceName participant, String type) {
        assertThat(engine.resend(saga, last.position()).command()).contains(new Command(participant, type));
        return this;
    }

    private SagaUnitTest reply(Reply reply) {
        Optional<SagaEngine.Decision> next = engine.onReply(saga, last.position(), reply);
        assertThat(next).as("decision for " + reply + " at " + last.position()).isPresent();
        last = next.get();
        return this;
    }
}
