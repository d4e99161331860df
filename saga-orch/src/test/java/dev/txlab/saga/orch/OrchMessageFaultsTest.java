package dev.txlab.saga.orch;

import dev.txlab.domain.placement.ImplementationId;
import dev.txlab.testkit.SagaMessageFaultsContract;

/** The message-fault contract, run by saga-orch. */
class OrchMessageFaultsTest extends SagaMessageFaultsContract {
    @Override
    protected ImplementationId implementation() {
        return ImplementationId.SAGA_ORCH;
    }
}
